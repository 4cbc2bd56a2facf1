using System.Globalization;

namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>The result of running one SBML Test Suite case: the outcome and, for a failure, the first failing value or the error.</summary>
/// <param name="CaseId">The five-digit case number.</param>
/// <param name="Outcome">How the case ended.</param>
/// <param name="ModelFile">The file name of the SBML model run, or null.</param>
/// <param name="Message">The error message (load or simulation errors), the refused feature and why (<c>unsupported: event delay: …</c>), why the case was skipped, or null.</param>
/// <param name="Variable">The first variable that broke the pass rule, or null.</param>
/// <param name="Time">The output time of that value.</param>
/// <param name="Expected">The expected value.</param>
/// <param name="Actual">The simulated value.</param>
public sealed record SbmlTestCaseResult(
    string CaseId,
    SbmlTestOutcome Outcome,
    string? ModelFile = null,
    string? Message = null,
    string? Variable = null,
    double Time = double.NaN,
    double Expected = double.NaN,
    double Actual = double.NaN)
{
    /// <summary>Gets a value indicating whether the case passed.</summary>
    public bool Passed => Outcome == SbmlTestOutcome.Passed;

    /// <summary>Describes the result on one line, e.g. <c>00001 failed: S1 at t=0.5: expected 1.2, actual 1.3</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => Outcome switch
    {
        SbmlTestOutcome.Passed => $"{CaseId} passed",
        SbmlTestOutcome.Failed => string.Create(
            CultureInfo.InvariantCulture,
            $"{CaseId} failed: {Variable} at t={Time:G6}: expected {Expected:G10}, actual {Actual:G10}"),
        SbmlTestOutcome.LoadError => $"{CaseId} load error: {Message}",
        SbmlTestOutcome.SimulationError => $"{CaseId} simulation error: {Message}",
        SbmlTestOutcome.Refused => $"{CaseId} refused: {Message}",
        _ => Message is null ? $"{CaseId} skipped: no model file at this level" : $"{CaseId} skipped: {Message}",
    };
}
