namespace Ferroptosis.Sim.Plotting;

/// <summary>One dose–response data set: measured or simulated points, optional error bars, an optional fitted curve and its IC50/EC50.</summary>
/// <remarks>
/// The chart draws what it is given and fits nothing itself, so bell-shaped (hormetic) or otherwise
/// non-monotonic data appear as they are. Pass the fit from an analysis step (e.g. a four-parameter Hill
/// model) as <see cref="Fit"/> and its half-maximal dose as <see cref="HalfMaximalDose"/>. A zero dose, such as a
/// vehicle or knockout control, cannot sit on a logarithmic dose axis: the chart draws it left of an axis break
/// (see <see cref="DoseResponseChart"/>); negative doses are refused. Values are copied on
/// construction. Instances are immutable and can be shared between threads if <see cref="Fit"/> is thread-safe.
/// </remarks>
public sealed record DoseResponseCurve
{
    private readonly double[] _doses;
    private readonly double[] _responses;
    private readonly double[]? _errors;

    /// <summary>Creates a data set.</summary>
    /// <param name="name">Legend text, e.g. the cell type.</param>
    /// <param name="doses">Doses, in the unit of the dose axis.</param>
    /// <param name="responses">Readout at each dose (e.g. viability in %).</param>
    /// <param name="errors">Optional ± error bar half-heights (e.g. SD), one per dose.</param>
    /// <exception cref="ArgumentException">The name is empty or the lengths differ.</exception>
    public DoseResponseCurve(string name, IReadOnlyList<double> doses, IReadOnlyList<double> responses, IReadOnlyList<double>? errors = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(responses);
        if (doses.Count != responses.Count)
        {
            throw new ArgumentException($"Curve '{name}' has {doses.Count} doses but {responses.Count} responses; pass one response per dose.", nameof(responses));
        }

        if (errors is not null && errors.Count != doses.Count)
        {
            throw new ArgumentException($"Curve '{name}' has {doses.Count} doses but {errors.Count} error values; pass one per dose or none.", nameof(errors));
        }

        Name = name;
        _doses = [.. doses];
        _responses = [.. responses];
        _errors = errors is null ? null : [.. errors];
    }

    /// <summary>Gets the legend text.</summary>
    public string Name { get; init; }

    /// <summary>Gets the doses.</summary>
    public IReadOnlyList<double> Doses => _doses;

    /// <summary>Gets the readout at each dose.</summary>
    public IReadOnlyList<double> Responses => _responses;

    /// <summary>Gets the ± error bar half-heights, or <see langword="null"/> for none.</summary>
    public IReadOnlyList<double>? Errors => _errors;

    /// <summary>Gets the fitted response as a function of dose, drawn as a smooth line; <see langword="null"/> for none.</summary>
    public Func<double, double>? Fit { get; init; }

    /// <summary>Gets the half-maximal dose (IC50 or EC50) to mark, or <see langword="null"/> for no mark.</summary>
    public double? HalfMaximalDose { get; init; }

    /// <summary>Gets the name of the half-maximal dose in its label, e.g. "IC50" or "EC50".</summary>
    public string HalfMaximalLabel { get; init; } = "IC50";

    /// <summary>Gets a value indicating whether the points are joined by straight lines (for dense simulated scans without a fit).</summary>
    public bool ConnectPoints { get; init; }

    /// <summary>Gets the style, or <see langword="null"/> for the chart's defaults.</summary>
    public SeriesStyle? Style { get; init; }

    /// <summary>Checks this record against another by its values, settings and fit delegate.</summary>
    /// <param name="other">The other curve.</param>
    /// <returns><see langword="true"/> when all parts are equal.</returns>
    public bool Equals(DoseResponseCurve? other) =>
        other is not null
        && Name == other.Name
        && _doses.AsSpan().SequenceEqual(other._doses)
        && _responses.AsSpan().SequenceEqual(other._responses)
        && (_errors ?? []).AsSpan().SequenceEqual(other._errors ?? [])
        && (_errors is null) == (other._errors is null)
        && Equals(Fit, other.Fit)
        && HalfMaximalDose == other.HalfMaximalDose
        && HalfMaximalLabel == other.HalfMaximalLabel
        && ConnectPoints == other.ConnectPoints
        && Equals(Style, other.Style);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, _doses.Length, HalfMaximalDose, HalfMaximalLabel);
}
