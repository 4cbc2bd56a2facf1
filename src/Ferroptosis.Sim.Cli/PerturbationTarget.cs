using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>What a name on the command line perturbs in the built-in model: a drug (dose in µM), an exposure or genetic change (a factor), or a model parameter (a value in its own unit).</summary>
/// <remarks>
/// Names, in the order they are tried: drugs and their aliases (<see cref="Perturbation.Drug"/>: "erastin",
/// "fer1", "DFO", …); <c>oxidative-stress</c> (peroxide production ×factor); <c>ho1-induction</c> (forced HMOX1
/// transcription ×fold); <c>knockdown-GENE</c> (remaining fraction 0–1) and <c>overexpression-GENE</c> (fold ≥ 1)
/// for the genes of <see cref="Gene"/>; finally any parameter id of the model version (expert use, e.g. <c>ros_x</c>).
/// </remarks>
internal sealed record PerturbationTarget
{
    /// <summary>The name of the oxidative challenge.</summary>
    public const string OxidativeStress = "oxidative-stress";

    /// <summary>The name of forced HO-1 induction.</summary>
    public const string HoInduction = "ho1-induction";

    private PerturbationTarget(string name, TargetKind kind, Gene gene = default)
    {
        Name = name;
        Kind = kind;
        Gene = gene;
    }

    /// <summary>The kinds of target.</summary>
    public enum TargetKind
    {
        /// <summary>A drug: the value is a concentration.</summary>
        Drug,

        /// <summary>The oxidative challenge: a factor.</summary>
        OxidativeStress,

        /// <summary>Forced HO-1 induction: a fold.</summary>
        HoInduction,

        /// <summary>A knock-down: the remaining fraction.</summary>
        Knockdown,

        /// <summary>An over-expression: a fold.</summary>
        Overexpression,

        /// <summary>A model parameter: a plain value.</summary>
        Parameter,
    }

    /// <summary>Gets the exposure and genetic names besides the drugs, for help, listings and completion.</summary>
    public static IReadOnlyList<string> SpecialNames { get; } =
        [OxidativeStress, HoInduction, .. Enum.GetNames<Gene>().Select(g => $"knockdown-{g.ToLowerInvariant()}"), .. Enum.GetNames<Gene>().Select(g => $"overexpression-{g.ToLowerInvariant()}")];

    /// <summary>Gets every name a user may type, drugs first, for completion.</summary>
    public static IReadOnlyList<string> CompletionNames { get; } = [.. Perturbation.DrugNames, .. SpecialNames];

    /// <summary>Gets the canonical name (drug name, special name or parameter id).</summary>
    public string Name { get; }

    /// <summary>Gets the kind.</summary>
    public TargetKind Kind { get; }

    /// <summary>Gets the gene of a knock-down or over-expression.</summary>
    public Gene Gene { get; }

    /// <summary>Gets a value indicating whether values are concentrations (with units, in µM).</summary>
    public bool IsConcentration => Kind == TargetKind.Drug;

    /// <summary>Gets the unit of values, for axes and headers.</summary>
    public string? Unit => Kind switch
    {
        TargetKind.Drug => "µM",
        TargetKind.OxidativeStress or TargetKind.HoInduction or TargetKind.Overexpression => "fold",
        _ => null,
    };

    /// <summary>Finds what a name perturbs.</summary>
    /// <param name="name">The name as typed.</param>
    /// <param name="model">The version of the built-in model (whose parameter ids are accepted).</param>
    /// <returns>The target.</returns>
    /// <exception cref="CliException">Unknown name; the message suggests close names and lists the valid ones.</exception>
    public static PerturbationTarget Find(string name, FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string key = name.Trim();
        if (TryDrug(key) is { } drug)
        {
            return new PerturbationTarget(drug, TargetKind.Drug);
        }

        string lower = key.ToLowerInvariant();
        if (lower is OxidativeStress or "ros")
        {
            return new PerturbationTarget(OxidativeStress, TargetKind.OxidativeStress);
        }

        if (lower is HoInduction or "ho-1-induction" or "hmox1-induction")
        {
            return new PerturbationTarget(HoInduction, TargetKind.HoInduction);
        }

        foreach (var gene in Enum.GetValues<Gene>())
        {
            string g = gene.ToString().ToLowerInvariant();
            if (lower == $"knockdown-{g}")
            {
                return new PerturbationTarget(lower, TargetKind.Knockdown, gene);
            }

            if (lower == $"overexpression-{g}")
            {
                return new PerturbationTarget(lower, TargetKind.Overexpression, gene);
            }
        }

        var parameters = model.Compiled.ParameterIds;
        if (parameters.Contains(key))
        {
            return new PerturbationTarget(key, TargetKind.Parameter);
        }

        string hint = NameSuggestions.Hint(NameSuggestions.Closest(key, CompletionNames.Concat(parameters)));
        throw new CliException(
            $"Unknown perturbation '{name}'{(hint.Length == 0 ? "." : hint)} Drugs: {string.Join(", ", Perturbation.DrugNames)}. "
            + $"Exposures: {OxidativeStress}, {HoInduction}. Genetic: knockdown-GENE, overexpression-GENE with GENE one of {string.Join(", ", Enum.GetNames<Gene>().Select(g => g.ToLowerInvariant()))}. "
            + "Or a model parameter id (ferrosim list parameters).");
    }

    /// <summary>Parses a value for this target: a concentration with unit for drugs, a plain number otherwise.</summary>
    /// <param name="text">The value as typed.</param>
    /// <returns>The value (µM for drugs).</returns>
    /// <exception cref="CliException">The value does not fit.</exception>
    public double ParseValue(string text) => IsConcentration ? Units.ParseConcentration(text, Name) : Units.ParseNumber(text, Name);

    /// <summary>Creates the perturbation for a value, or null for a parameter target (set it through the simulation options).</summary>
    /// <param name="value">The value (µM for drugs).</param>
    /// <returns>The perturbation, or null for a model parameter.</returns>
    /// <exception cref="CliException">The value is out of range for the target.</exception>
    public Perturbation? Create(double value)
    {
        try
        {
            return Kind switch
            {
                TargetKind.Drug => Perturbation.Drug(Name, value, ConcentrationUnit.Micromolar),
                TargetKind.OxidativeStress => Perturbation.OxidativeStress(value),
                TargetKind.HoInduction => Perturbation.HemeOxygenaseInduction(value),
                TargetKind.Knockdown => Perturbation.Knockdown(Gene, value),
                TargetKind.Overexpression => Perturbation.Overexpression(Gene, value),
                _ => null,
            };
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, $"{Name}: ");
        }
    }

    private static string? TryDrug(string name)
    {
        try
        {
            return Perturbation.Drug(name, 0).Name;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
