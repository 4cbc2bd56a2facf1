namespace Ferroptosis.Sim.Plotting;

/// <summary>What an axis shows: a title, the unit of its values, its scale and an optional fixed range.</summary>
/// <remarks>
/// The unit is printed after the title in parentheses, "Time (h)", the form most biology journals ask for;
/// pass <see langword="null"/> for dimensionless quantities. A range bound left <see langword="null"/> is
/// chosen from the data. Instances are immutable and can be shared between threads.
/// </remarks>
/// <param name="Title">Name of the quantity, e.g. "Time" or "Lipid peroxides".</param>
/// <param name="Unit">Unit of the values, e.g. "h" or "µM"; <see langword="null"/> when dimensionless.</param>
public sealed record AxisSpec(string Title, string? Unit = null)
{
    /// <summary>Gets the scale; <see cref="AxisScale.Logarithmic"/> needs positive values.</summary>
    public AxisScale Scale { get; init; } = AxisScale.Linear;

    /// <summary>Gets the lower end of the axis, or <see langword="null"/> to fit the data.</summary>
    public double? Minimum { get; init; }

    /// <summary>Gets the upper end of the axis, or <see langword="null"/> to fit the data.</summary>
    public double? Maximum { get; init; }

    /// <summary>Gets a .NET numeric format for tick labels (e.g. "0.0"), or <see langword="null"/> for automatic labels.</summary>
    public string? LabelFormat { get; init; }

    /// <summary>Gets the default time axis of simulation results: "Time" in hours.</summary>
    public static AxisSpec TimeInHours { get; } = new("Time", "h");

    /// <summary>Returns a copy of this axis on a logarithmic scale.</summary>
    /// <returns>The same axis with <see cref="Scale"/> set to <see cref="AxisScale.Logarithmic"/>.</returns>
    public AxisSpec Log() => this with { Scale = AxisScale.Logarithmic };

    /// <summary>Returns a copy of this axis with a fixed range.</summary>
    /// <param name="minimum">Lower end.</param>
    /// <param name="maximum">Upper end; must exceed <paramref name="minimum"/>.</param>
    /// <returns>The same axis with <see cref="Minimum"/> and <see cref="Maximum"/> set.</returns>
    /// <exception cref="ArgumentException">The range is empty, reversed or not finite.</exception>
    public AxisSpec WithRange(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || maximum <= minimum)
        {
            throw new ArgumentException($"Axis range must be finite with maximum > minimum; got [{minimum}, {maximum}].", nameof(maximum));
        }

        return this with { Minimum = minimum, Maximum = maximum };
    }

    /// <summary>Throws if the range cannot be shown on this axis's scale.</summary>
    internal void Validate(string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Title, parameterName);
        if (Minimum is double min && Maximum is double max && max <= min)
        {
            throw new ArgumentException($"Axis '{Title}' has maximum {max} ≤ minimum {min}; swap or widen them.", parameterName);
        }

        if (Scale == AxisScale.Logarithmic && (Minimum <= 0 || Maximum <= 0))
        {
            throw new ArgumentException($"Axis '{Title}' is logarithmic, so its range must be positive; got [{Minimum}, {Maximum}].", parameterName);
        }
    }
}
