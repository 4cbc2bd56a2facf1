namespace Ferroptosis.Sim.Analysis;

/// <summary>A quantity to estimate: its name, bounds, starting value and scale.</summary>
/// <param name="Name">A parameter id, or <c>id(0)</c> for an initial value (the model input names of <see cref="ParameterInput"/> and <see cref="InitialValueInput"/>).</param>
/// <param name="Lower">The lower bound (&gt; 0 on a log scale).</param>
/// <param name="Upper">The upper bound.</param>
public sealed record FitParameter(string Name, double Lower, double Upper)
{
    /// <summary>Gets the first start, or null for the model's value (clipped into the bounds; the mid-point of the bounds, geometric on a log scale, if the model gives none).</summary>
    public double? Initial { get; init; }

    /// <summary>Gets a value indicating whether the fit works in log10 of the value (default true: rate constants span decades and stay positive).</summary>
    public bool LogScale { get; init; } = true;

    internal double ToInternal(double value) => LogScale ? Math.Log10(value) : value;

    internal double ToExternal(double value) => LogScale ? Math.Pow(10, value) : value;
}
