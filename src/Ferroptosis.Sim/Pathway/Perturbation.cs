using System.Globalization;

namespace Ferroptosis.Sim.Pathway;

/// <summary>A drug, exposure or genetic change applied to a bone cell, with its dose and, optionally, when it starts and ends.</summary>
/// <remarks>
/// <para>
/// Each perturbation acts through named parameters of the model as the specification describes
/// (e.g. erastin enters as a non-competitive inhibition of system xc⁻ with IC50 1 µM; RSL3 as a
/// covalent GPX4 loss term). Drugs and exposures start at <see cref="StartHours"/> (default 0, the
/// start of the exposure) and, if <see cref="EndHours"/> is set, are washed out then (their parameters
/// return to the values they had when the perturbation started). Genetic changes
/// (<see cref="IsGenetic"/>) belong to the cell: they apply before the resting state is computed.
/// </para>
/// <para>Immutable. The factory methods are in <c>Perturbation.Catalogue.cs</c>.</para>
/// </remarks>
public sealed partial record Perturbation
{
    private Perturbation(string name, string description, string dose, IReadOnlyList<ParameterChange> changes, bool isGenetic)
    {
        Name = name;
        Description = description;
        Dose = dose;
        Changes = changes;
        IsGenetic = isGenetic;
    }

    /// <summary>Gets the short name, e.g. "erastin" or "Gpx4 knock-down".</summary>
    public string Name { get; }

    /// <summary>Gets what it does, in a sentence.</summary>
    public string Description { get; }

    /// <summary>Gets the dose as text with its unit, e.g. "5 µM".</summary>
    public string Dose { get; }

    /// <summary>Gets the parameter changes it makes (in the default model version; a perturbation whose magnitudes differ between versions, such as <see cref="Dexamethasone"/>, makes those of the version a run uses).</summary>
    public IReadOnlyList<ParameterChange> Changes { get; }

    /// <summary>Gets the changes for a model version when they differ between versions; null when <see cref="Changes"/> holds for every version.</summary>
    private Func<FerroptosisModel, IReadOnlyList<ParameterChange>>? ChangesByModel { get; init; }

    /// <summary>The parameter changes in a model version.</summary>
    /// <param name="model">The model version a run uses.</param>
    /// <returns>The changes.</returns>
    internal IReadOnlyList<ParameterChange> ChangesIn(FerroptosisModel model) => ChangesByModel?.Invoke(model) ?? Changes;

    /// <summary>Gets a value indicating whether this is a genetic change of the cell (applied before the resting state is computed) rather than an exposure.</summary>
    public bool IsGenetic { get; }

    /// <summary>Gets the time the perturbation starts, in hours after the start of the exposure (default 0; negative for a pre-treatment).</summary>
    public double StartHours { get; init; }

    /// <summary>Gets the time of wash-out in hours, or null if it stays to the end.</summary>
    public double? EndHours { get; init; }

    /// <summary>Returns this perturbation starting at another time: later than the exposure (a drug added at 12 h), or, if negative, before it (a pre-treatment).</summary>
    /// <param name="start">The time relative to the start of the exposure.</param>
    /// <returns>A scheduled copy.</returns>
    /// <exception cref="InvalidOperationException">The perturbation is genetic (it has no start time).</exception>
    public Perturbation From(TimeSpan start) => IsGenetic
        ? throw new InvalidOperationException($"'{Name}' is a genetic change of the cell and cannot be scheduled.")
        : this with { StartHours = start.TotalHours };

    /// <summary>Returns this perturbation as a pre-treatment that starts <paramref name="lead"/> before the exposure, e.g. HO-1 induced 12 h before an oxidative challenge (EB-15).</summary>
    /// <param name="lead">How long before t = 0 it starts (positive).</param>
    /// <returns>A scheduled copy starting at −<paramref name="lead"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The lead is negative.</exception>
    /// <exception cref="InvalidOperationException">The perturbation is genetic (it is part of the resting cell already).</exception>
    /// <remarks>The run starts at −<paramref name="lead"/> from the resting state; the surviving fraction is set to 1 again at t = 0, so survival counts from the start of the exposure.</remarks>
    public Perturbation Before(TimeSpan lead) => lead < TimeSpan.Zero
        ? throw new ArgumentOutOfRangeException(nameof(lead), lead, "The lead time of a pre-treatment is how long before t = 0 it starts; give a positive time.")
        : From(-lead);

    /// <summary>Returns this perturbation washed out at a given time.</summary>
    /// <param name="end">The time after the start of the exposure.</param>
    /// <returns>A scheduled copy.</returns>
    public Perturbation Until(TimeSpan end) => IsGenetic
        ? throw new InvalidOperationException($"'{Name}' is a genetic change of the cell and cannot be washed out.")
        : this with { EndHours = end.TotalHours };

    /// <summary>Compares two perturbations by value: name, dose, parameter changes, kind and schedule.</summary>
    /// <param name="other">The other perturbation.</param>
    /// <returns>Whether they are the same perturbation.</returns>
    public bool Equals(Perturbation? other) =>
        other is not null
        && Name == other.Name
        && Description == other.Description
        && Dose == other.Dose
        && IsGenetic == other.IsGenetic
        && StartHours.Equals(other.StartHours)
        && Nullable.Equals(EndHours, other.EndHours)
        && Changes.SequenceEqual(other.Changes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Dose, IsGenetic, StartHours, EndHours, Changes.Count);

    /// <inheritdoc/>
    public override string ToString()
    {
        string text = Dose.Length > 0 ? $"{Name} {Dose}" : Name;
        if (StartHours != 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" from {StartHours:G4} h");
        }

        if (EndHours is double end)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" until {end:G4} h");
        }

        return text;
    }

    internal static double ToMicromolar(double dose, ConcentrationUnit unit)
    {
        CheckUnit(unit);
        if (!double.IsFinite(dose) || dose < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dose), dose, "A dose must be a finite number ≥ 0.");
        }

        return unit switch
        {
            ConcentrationUnit.Nanomolar => dose * 1e-3,
            ConcentrationUnit.Millimolar => dose * 1e3,
            ConcentrationUnit.Micromolar => dose,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a concentration unit."),
        };
    }

    /// <summary>Refuses a value cast to <see cref="ConcentrationUnit"/> that names no unit, e.g. <c>(ConcentrationUnit)99</c>.</summary>
    internal static void CheckUnit(ConcentrationUnit unit)
    {
        const string Units = "ConcentrationUnit.Nanomolar, Micromolar or Millimolar";
        if (unit == ConcentrationUnit.Unspecified)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"No concentration unit was given (default(ConcentrationUnit) is Unspecified); pass {Units}.");
        }

        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"{(int)unit} is not a concentration unit; pass {Units} (since 0.2 their values are -9, -6 and -3, not 0, 1 and 2).");
        }
    }

    /// <summary>Refuses a value cast to <see cref="Gene"/> that names no gene, e.g. <c>(Gene)42</c>.</summary>
    internal static void CheckGene(Gene gene)
    {
        if (!Enum.IsDefined(gene))
        {
            throw new ArgumentOutOfRangeException(nameof(gene), gene, $"{(int)gene} is not a gene of the model; use one of {string.Join(", ", Enum.GetNames<Gene>())}.");
        }
    }

    internal static string FormatDose(double dose, ConcentrationUnit unit) => unit switch
    {
        ConcentrationUnit.Nanomolar => string.Create(CultureInfo.InvariantCulture, $"{dose:G4} nM"),
        ConcentrationUnit.Millimolar => string.Create(CultureInfo.InvariantCulture, $"{dose:G4} mM"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{dose:G4} µM"),
    };
}
