namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>How the cases of one group of the SBML Test Suite (a core stage or an extended feature group) ended.</summary>
/// <param name="Group">The group: <c>core S0</c>, <c>core S1</c>, <c>core S2</c>, or a feature group such as <c>event-delay</c>.</param>
/// <param name="Passed">Cases that met the pass rule at every point.</param>
/// <param name="Failed">Cases that produced a wrong answer (a value broke the pass rule).</param>
/// <param name="Refused">Cases refused by name because they use an unsupported feature.</param>
/// <param name="Errors">Cases that could not be read or simulated for another reason (invalid file, solver failure).</param>
/// <param name="Skipped">Cases without a file at the level run.</param>
public sealed record SbmlTestGroupCount(string Group, int Passed, int Failed, int Refused, int Errors, int Skipped)
{
    /// <summary>Gets the number of cases in the group.</summary>
    public int Total => Passed + Failed + Refused + Errors + Skipped;
}
