namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="ParameterFit"/>.</summary>
public sealed record FitOptions
{
    /// <summary>Gets the default options.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>Gets the number of starts (default 8): the first at the initial values, the others uniform within the bounds (in log10 for log-scale parameters).</summary>
    public int Starts { get; init; } = 8;

    /// <summary>Gets the seed of the random starts.</summary>
    public ulong Seed { get; init; } = 17;

    /// <summary>Gets the largest number of Levenberg–Marquardt iterations per start (default 200).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Gets the relative step of the central-difference Jacobian in the internal (log10 or linear) coordinates (default 1e-4).</summary>
    public double DifferenceStep { get; init; } = 1e-4;

    /// <summary>Gets the confidence level of the parameter intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
