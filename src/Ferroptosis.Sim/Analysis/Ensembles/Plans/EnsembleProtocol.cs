using System.Globalization;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Analysis;

/// <summary>What every run of an <see cref="EnsemblePlan"/> simulates and keeps: the time span, the solver and its tolerances, base parameter values, and the read-outs.</summary>
/// <remarks>
/// Read-outs are written as text: <c>NAME@T</c> (the quantity at time T), <c>NAME:max</c> and <c>NAME:min</c> (over the
/// run), <c>NAME&lt;L</c> and <c>NAME&gt;L</c> (the first time the quantity falls below or rises above L; NaN if it never
/// does). Times are in the model's time unit. Immutable.
/// </remarks>
public sealed record EnsembleProtocol
{
    /// <summary>Gets the start time (default 0).</summary>
    public double StartTime { get; init; }

    /// <summary>Gets the end time (default 10).</summary>
    public double EndTime { get; init; } = 10;

    /// <summary>Gets the solver's name (<see cref="OdeSolvers.FromName"/>; default <c>Rodas5P</c>).</summary>
    public string Solver { get; init; } = "Rodas5P";

    /// <summary>Gets the relative tolerance (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Gets the absolute tolerance (default 1e-10).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-10;

    /// <summary>Gets the largest number of solver steps per run (default 100 000).</summary>
    public long MaxSteps { get; init; } = 100_000;

    /// <summary>Gets parameter values set before each run's inputs are applied, or null.</summary>
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    /// <summary>Gets the read-outs, e.g. <c>["A@2", "B:max", "S&lt;0.5"]</c>.</summary>
    public IReadOnlyList<string> Readouts { get; init; } = [];

    /// <summary>Parses a read-out text.</summary>
    /// <param name="text">The read-out: <c>NAME@T</c>, <c>NAME:max</c>, <c>NAME:min</c>, <c>NAME&lt;L</c> or <c>NAME&gt;L</c>.</param>
    /// <returns>The read-out.</returns>
    /// <exception cref="FormatException">The text has none of these forms.</exception>
    public static Readout ParseReadout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        int at = t.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && TryNumber(t[(at + 1)..], out double time))
        {
            return Readout.ValueAt(t[..at], time) with { Label = t };
        }

        if (t.EndsWith(":max", StringComparison.OrdinalIgnoreCase) && t.Length > 4)
        {
            return Readout.Maximum(t[..^4]) with { Label = t };
        }

        if (t.EndsWith(":min", StringComparison.OrdinalIgnoreCase) && t.Length > 4)
        {
            return Readout.Minimum(t[..^4]) with { Label = t };
        }

        int lt = t.IndexOfAny(['<', '>']);
        if (lt > 0 && TryNumber(t[(lt + 1)..], out double level))
        {
            return Readout.TimeToThreshold(t[..lt], level, t[lt] == '<' ? EventDirection.Falling : EventDirection.Rising) with { Label = t };
        }

        throw new FormatException($"Cannot read the read-out '{text}'; use NAME@T (value at time T), NAME:max, NAME:min, NAME<L or NAME>L (first time below or above L).");
    }

    /// <summary>Gets the simulation settings of this protocol.</summary>
    /// <returns>The settings.</returns>
    public SimulationSettings ToSettings() => new()
    {
        StartTime = StartTime,
        EndTime = EndTime,
        Solver = OdeSolvers.FromName(Solver),
        RelativeTolerance = RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance,
        MaxSteps = MaxSteps,
        Parameters = Parameters,
    };

    /// <summary>Describes the solver settings in one line, for provenance.</summary>
    /// <returns>E.g. <c>Rodas5P rtol 1e-06 atol 1e-10 maxSteps 100000 t 0..10</c>.</returns>
    public string DescribeSolver() => string.Create(CultureInfo.InvariantCulture, $"{Solver} rtol {RelativeTolerance:R} atol {AbsoluteTolerance:R} maxSteps {MaxSteps} t {StartTime:R}..{EndTime:R}");

    internal void Validate()
    {
        if (!(EndTime > StartTime) || !double.IsFinite(StartTime) || !double.IsFinite(EndTime))
        {
            throw new FormatException($"The protocol's endTime ({EndTime:R}) must be finite and after startTime ({StartTime:R}).");
        }

        if (!(RelativeTolerance > 0) || !(AbsoluteTolerance > 0) || MaxSteps < 1)
        {
            throw new FormatException("The protocol's tolerances and maxSteps must be positive.");
        }

        try
        {
            OdeSolvers.FromName(Solver);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }

        if (Readouts.Count == 0)
        {
            throw new FormatException("The protocol needs at least one read-out (e.g. \"A@2\" or \"B:max\").");
        }

        foreach (string readout in Readouts)
        {
            ParseReadout(readout);
        }
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
