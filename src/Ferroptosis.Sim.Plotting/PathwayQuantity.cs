namespace Ferroptosis.Sim.Plotting;

/// <summary>How a quantity of the ferroptosis model is labelled on a figure: a readable name and its unit.</summary>
/// <remarks>
/// Names and units follow <c>models/ferroptosis/v1/README.md</c> (section 3): protein levels are normalised to the
/// resting osteoblast ("n.u." = 1 at rest), iron and heme are in µM, glutathione in mM, the death hazard in 1/h
/// and the surviving fraction is dimensionless. Quantities not in the table keep their model id as label and
/// have no unit. Instances are immutable and can be shared between threads.
/// </remarks>
/// <param name="Id">The model id, e.g. "LIP".</param>
/// <param name="Label">The axis or legend label, e.g. "Labile Fe²⁺".</param>
/// <param name="Unit">The unit, e.g. "µM", or <see langword="null"/> when dimensionless.</param>
public sealed record PathwayQuantity(string Id, string Label, string? Unit)
{
    /// <summary>The normalised unit of protein and mRNA levels (1 = resting osteoblast).</summary>
    public const string NormalisedUnit = "n.u.";

    private static readonly Dictionary<string, PathwayQuantity> Known = new PathwayQuantity[]
    {
        new("NRF2", "Nuclear Nrf2", NormalisedUnit),
        new("mHO1", "HMOX1 mRNA", NormalisedUnit),
        new("HO1", "HO-1", NormalisedUnit),
        new("HEME", "Free heme", "µM"),
        new("HB", "Hemoprotein heme", "µM"),
        new("BR", "Biliverdin/bilirubin", "µM"),
        new("LIP", "Labile Fe²⁺", "µM"),
        new("FT", "Ferritin", NormalisedUnit),
        new("FTFE", "Ferritin iron", "µM"),
        new("TFR1", "TfR1", NormalisedUnit),
        new("XCT", "SLC7A11 (xCT)", NormalisedUnit),
        new("GSH", "GSH", "mM"),
        new("GPX4", "GPX4", NormalisedUnit),
        new("AOX", "Antioxidant enzymes", NormalisedUnit),
        new("LPO", "Lipid peroxides", NormalisedUnit),
        new("S", "Surviving fraction", null),
        new("ROS", "ROS", NormalisedUnit),
        new("h", "Death hazard", "1/h"),
        new("LIP_fold", "Labile Fe²⁺ / resting", null),
        new("RTA", "Radical-trapping capacity", null),
        new("Xa", "Active system xc⁻", NormalisedUnit),
    }.ToDictionary(q => q.Id, StringComparer.Ordinal);

    /// <summary>Gets the quantities shown by default in an overview figure: lipid peroxides, GSH, labile iron, HO-1 and GPX4.</summary>
    public static IReadOnlyList<string> OverviewIds { get; } = ["LPO", "GSH", "LIP", "HO1", "GPX4"];

    /// <summary>Gets the label with the unit in parentheses, e.g. "Labile Fe²⁺ (µM)".</summary>
    public string LabelWithUnit => Unit is null ? Label : $"{Label} ({Unit})";

    /// <summary>Gets the axis for this quantity.</summary>
    public AxisSpec Axis => new(Label, Unit);

    /// <summary>Describes a model quantity.</summary>
    /// <param name="id">The model id (species or assigned quantity), case-sensitive as in the model.</param>
    /// <returns>Its label and unit; the id itself and no unit when the quantity is not in the table.</returns>
    public static PathwayQuantity Describe(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Known.TryGetValue(id, out var quantity) ? quantity : new PathwayQuantity(id, id, null);
    }
}
