using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Pathway;

/// <content>The catalogue of drugs, exposures and genetic changes (specification §12).</content>
public sealed partial record Perturbation
{
    private static readonly (string Name, string Parameter, string Description, string[] Aliases)[] Drugs =
    [
        ("erastin", "erastin", "system xc⁻ (SLC7A11) inhibitor: cystine import and GSH synthesis fall (IC50 1 µM, non-competitive)", []),
        ("rsl3", "rsl3", "covalent GPX4 inhibitor (0.5 /(µM·h))", ["RSL3"]),
        ("ml162", "ml162", "covalent GPX4 inhibitor (0.3 /(µM·h))", ["ML162"]),
        ("ferrostatin-1", "fer1", "radical-trapping antioxidant (K 0.15 µM)", ["fer1", "fer-1", "ferrostatin"]),
        ("liproxstatin-1", "lip1", "radical-trapping antioxidant (K 0.05 µM)", ["lip1", "lip-1", "liproxstatin"]),
        ("vitamin-e", "vitE", "α-tocopherol, chain-breaking antioxidant (K 50 µM)", ["vitE", "tocopherol"]),
        ("deferoxamine", "dfo", "iron chelator: labile Fe²⁺ sink (0.02 /(µM·h))", ["dfo", "DFO", "desferrioxamine"]),
        ("hemin", "hemin", "heme load and Bach1-dependent HO-1 inducer", []),
        ("znpp", "znpp", "zinc protoporphyrin, competitive heme-oxygenase inhibitor (Ki 0.3 µM)", ["ZnPP", "zinc-protoporphyrin"]),
        ("snpp", "snpp", "tin protoporphyrin/mesoporphyrin, competitive heme-oxygenase inhibitor (Ki 0.5 µM)", ["SnPP", "snmp", "tin-protoporphyrin"]),
        ("sulforaphane", "sfn", "Keap1 cysteine modifier → Nrf2 activation (K 2 µM)", ["sfn", "SFN"]),
        ("tbhq", "tbhq", "tert-butylhydroquinone, Keap1 modifier (K 10 µM)", ["tBHQ"]),
        ("dimethyl-fumarate", "dmf", "Keap1 modifier (K 10 µM)", ["dmf", "DMF"]),
        ("melatonin", "mel", "Nrf2/HO-1 activation in high-glucose osteoblasts (K 20 µM)", ["mel"]),
        ("ml385", "ml385", "blocks NRF2–MAFG DNA binding (IC50 1.9 µM)", ["ML385"]),
        ("fac", "fac", "ferric ammonium citrate, non-transferrin iron load (dose as µM iron)", ["FAC", "ferric-ammonium-citrate", "iron"]),
    ];

    /// <summary>Gets the names of the drugs (for <see cref="Drug"/>), canonical first name of each.</summary>
    public static IReadOnlyList<string> DrugNames { get; } = [.. Drugs.Select(d => d.Name), "dexamethasone"];

    /// <summary>Gets the other names <see cref="Drug"/> accepts for a drug (case-insensitive, so each once in lower case), e.g. fer1, fer-1 and ferrostatin for ferrostatin-1.</summary>
    /// <param name="name">The canonical name, one of <see cref="DrugNames"/>.</param>
    /// <returns>The aliases, possibly none.</returns>
    internal static IReadOnlyList<string> DrugAliases(string name) =>
        string.Equals(name, "dexamethasone", StringComparison.OrdinalIgnoreCase)
            ? ["dex"]
            : [.. Drugs.Where(d => d.Name == name).SelectMany(d => d.Aliases).Select(a => a.ToLowerInvariant()).Where(a => a != name).Distinct(StringComparer.Ordinal)];

    /// <summary>Erastin, a system xc⁻ inhibitor [F1][F4].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Erastin(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("erastin", dose, unit);

    /// <summary>RSL3, a covalent GPX4 inhibitor [F2].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Rsl3(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("rsl3", dose, unit);

    /// <summary>ML162, a covalent GPX4 inhibitor.</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Ml162(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("ml162", dose, unit);

    /// <summary>Ferrostatin-1, a radical-trapping antioxidant [F1][F5].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Ferrostatin1(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("ferrostatin-1", dose, unit);

    /// <summary>Liproxstatin-1, a radical-trapping antioxidant [F3][F5].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Liproxstatin1(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("liproxstatin-1", dose, unit);

    /// <summary>α-Tocopherol (vitamin E), a chain-breaking antioxidant.</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation VitaminE(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("vitamin-e", dose, unit);

    /// <summary>Deferoxamine, an iron chelator [F1][B2].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Deferoxamine(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("deferoxamine", dose, unit);

    /// <summary>Hemin: a heme load that also induces HO-1 through Bach1 [F6].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Hemin(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("hemin", dose, unit);

    /// <summary>Zinc protoporphyrin, a competitive heme-oxygenase inhibitor [F6].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation ZincProtoporphyrin(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("znpp", dose, unit);

    /// <summary>Tin protoporphyrin, a competitive heme-oxygenase inhibitor [K10].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation TinProtoporphyrin(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("snpp", dose, unit);

    /// <summary>Sulforaphane, an Nrf2 activator (Keap1 modifier) [K8].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Sulforaphane(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("sulforaphane", dose, unit);

    /// <summary>tert-Butylhydroquinone (tBHQ), an Nrf2 activator (Keap1 modifier) [K7].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Tbhq(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("tbhq", dose, unit);

    /// <summary>Dimethyl fumarate, an Nrf2 activator (Keap1 modifier) [K7].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation DimethylFumarate(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("dimethyl-fumarate", dose, unit);

    /// <summary>Melatonin, an Nrf2/HO-1 activator in high-glucose osteoblasts [B2].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Melatonin(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("melatonin", dose, unit);

    /// <summary>ML385, an Nrf2 inhibitor (blocks NRF2–MAFG DNA binding) [F11].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Ml385(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("ml385", dose, unit);

    /// <summary>Ferric ammonium citrate, a non-transferrin iron load; the dose is µM of iron [B7].</summary>
    /// <param name="dose">The iron concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation FerricAmmoniumCitrate(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar) => Drug("fac", dose, unit);

    /// <summary>Dexamethasone: the glucocorticoid changes of the model version a run uses (<see cref="DiseaseScenario.InVitroIn"/>: GPX4 and xc⁻ down, ferritinophagy up, Nrf2 repressed, peroxide production up), graded by effect = dex/(dex + 0.01 µM) [B9][B10][K11].</summary>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Dexamethasone(double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar)
    {
        double micromolar = ToMicromolar(dose, unit);
        double effect = micromolar / (micromolar + 0.01);
        IReadOnlyList<ParameterChange> ChangesIn(FerroptosisModel model) =>
            [.. DiseaseScenario.Glucocorticoid.InVitroIn(model).Select(c => c.Scale(effect, neutral: c.Parameter == "ros_x" ? 1 : 0))];
        return new Perturbation("dexamethasone", "glucocorticoid: GPX4 and SLC7A11 down, NCOA4-ferritinophagy up, GR represses Nrf2 (graded)", FormatDose(dose, unit), ChangesIn(FerroptosisModel.Default), isGenetic: false)
        {
            ChangesByModel = ChangesIn,
        };
    }

    /// <summary>An oxidative challenge (H₂O₂, hyperoxia): peroxide production multiplied by <paramref name="factor"/> (ros_x).</summary>
    /// <param name="factor">The multiplier (1 = none; 1.5–2 typical).</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation OxidativeStress(double factor)
    {
        Positive(factor, nameof(factor));
        return new Perturbation("oxidative-stress", "raised peroxide production (ros_x)", string.Create(CultureInfo.InvariantCulture, $"×{factor:G4}"), [new ParameterChange("ros_x", ChangeKind.Multiply, factor)], isGenetic: false);
    }

    /// <summary>A raised supply of transferrin-bound iron (systemic iron overload, e.g. haemochromatosis or transfusion): the transferrin-iron uptake multiplied by <paramref name="fold"/> (TfSat). The iron-overload scenario's chronic form is ×1.5; ×2 is a heavy load.</summary>
    /// <param name="fold">The multiplier (1 = none).</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation TransferrinIron(double fold)
    {
        Positive(fold, nameof(fold));
        return new Perturbation("transferrin-iron", "raised transferrin-iron supply (TfSat)", string.Create(CultureInfo.InvariantCulture, $"×{fold:G4}"), [new ParameterChange("TfSat", ChangeKind.Multiply, fold)], isGenetic: false);
    }

    /// <summary>Constitutive HMOX1 transgene (model v2): the cell lives with HO-1 at about <paramref name="level"/> × its wild-type resting level; part of the cell's baseline (Δ = ∞ of the v2 contract, EB-28).</summary>
    /// <param name="level">HO-1 level relative to wild type: 0 = knockout (HO-2 intact), below 1 a knock-down, above 1 an extra transgene transcribing (level − 1) × the resting HMOX1 transcription.</param>
    /// <returns>The perturbation.</returns>
    /// <remarks>The level is approximate (the heme/Bach1 feedback on the endogenous gene moves it by up to ~20 %); the contract tests set the transgene so that resting HO-1 is exactly level × wild type. Model v1 has no transgene input above level 1.</remarks>
    public static Perturbation Hmox1Transgene(double level) => TransgeneLevel(level, isGenetic: true);

    /// <summary>An inducible HMOX1 transgene switched on during the exposure (model v2), at the level of <see cref="Hmox1Transgene"/>; schedule it with <see cref="Before"/> (pre-induction, Δ of EB-29) or <see cref="From"/>.</summary>
    /// <param name="level">HO-1 level relative to wild type once at steady state (see <see cref="Hmox1Transgene"/>).</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation Hmox1TransgeneInduction(double level) => TransgeneLevel(level, isGenetic: false);

    private static Perturbation TransgeneLevel(double level, bool isGenetic)
    {
        if (!double.IsFinite(level) || level < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "An HO-1 level must be a finite number ≥ 0 (1 = wild type).");
        }

        ParameterChange change = level < 1 ? new("c_HO", ChangeKind.Multiply, level) : new("HO_tg", ChangeKind.Set, level - 1);
        string dose = string.Create(CultureInfo.InvariantCulture, $"×{level:G4}");
        return new Perturbation(isGenetic ? "HMOX1 transgene" : "HMOX1 transgene induction", $"HO-1 at about {dose} wild type ({change})", dose, [change], isGenetic);
    }

    /// <summary>RANKL, the osteoclast differentiation signal (model v2): raises peroxide production through TRAF6–Rac1–Nox1, induces TfR1 and represses HMOX1 through Bach1, and drives osteoclast formation (read-out <c>NOC</c>) in <see cref="BoneCell.OsteoclastPrecursor"/> [Lee05][B5][B14].</summary>
    /// <param name="nanogramsPerMillilitre">The concentration in ng/mL (50–100 ng/mL in differentiation assays).</param>
    /// <returns>The perturbation.</returns>
    /// <remarks>Model v1 has no RANKL input: a simulation with model v1 refuses it as an unknown parameter.</remarks>
    public static Perturbation Rankl(double nanogramsPerMillilitre)
    {
        if (!double.IsFinite(nanogramsPerMillilitre) || nanogramsPerMillilitre < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nanogramsPerMillilitre), nanogramsPerMillilitre, "A RANKL concentration must be a finite number ≥ 0 (ng/mL).");
        }

        return new Perturbation("rankl", "RANKL: osteoclast differentiation signal (Nox1 peroxide, TfR1 up, HMOX1 down; model v2)", string.Create(CultureInfo.InvariantCulture, $"{nanogramsPerMillilitre:G4} ng/mL"), [new ParameterChange("rankl", ChangeKind.Set, nanogramsPerMillilitre)], isGenetic: false);
    }

    /// <summary>Forced HO-1 induction during the exposure: HMOX1 transcription × <paramref name="fold"/> (HO_OE), e.g. an inducible transgene switched on at <see cref="StartHours"/>.</summary>
    /// <param name="fold">The multiplier (0 switches HMOX1 transcription off).</param>
    /// <returns>The perturbation.</returns>
    public static Perturbation HemeOxygenaseInduction(double fold)
    {
        if (!double.IsFinite(fold) || fold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fold), fold, "The induction fold must be a finite number ≥ 0.");
        }

        return new Perturbation("ho1-induction", "forced HMOX1 transcription (HO_OE)", string.Create(CultureInfo.InvariantCulture, $"×{fold:G4}"), [new ParameterChange("HO_OE", ChangeKind.Set, fold)], isGenetic: false);
    }

    /// <summary>A knock-down: the gene's expression scaled to <paramref name="remaining"/> (0.1 = 90 % knock-down); part of the cell's baseline.</summary>
    /// <param name="gene">The gene.</param>
    /// <param name="remaining">The remaining fraction, in [0, 1].</param>
    /// <returns>The perturbation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1], or <paramref name="gene"/> is not a defined <see cref="Gene"/>.</exception>
    public static Perturbation Knockdown(Gene gene, double remaining)
    {
        CheckGene(gene);
        if (!(remaining >= 0 && remaining <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(remaining), remaining, "The remaining fraction of a knock-down must be between 0 and 1.");
        }

        string parameter = gene switch
        {
            Gene.Nrf2 => "c_Nsyn",
            Gene.Hmox1 => "c_HO",
            Gene.Gpx4 => "c_GPX4",
            Gene.Slc7a11 => "c_XCT",
            Gene.Fth1 => "c_FT",
            _ => "c_NCOA4",
        };
        string dose = string.Create(CultureInfo.InvariantCulture, $"{remaining:P0} remaining");
        return new Perturbation($"{gene} knock-down", $"{gene} expression scaled to {dose} ({parameter})", dose, [new ParameterChange(parameter, ChangeKind.Multiply, remaining)], isGenetic: true);
    }

    /// <summary>An over-expression: the gene's expression × <paramref name="fold"/>; part of the cell's baseline.</summary>
    /// <param name="gene">The gene.</param>
    /// <param name="fold">The fold (≥ 1).</param>
    /// <returns>The perturbation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fold is below 1 or not finite, or <paramref name="gene"/> is not a defined <see cref="Gene"/>.</exception>
    public static Perturbation Overexpression(Gene gene, double fold)
    {
        CheckGene(gene);
        if (!(fold >= 1) || !double.IsFinite(fold))
        {
            throw new ArgumentOutOfRangeException(nameof(fold), fold, "An over-expression fold must be a finite number ≥ 1.");
        }

        var change = gene switch
        {
            Gene.Nrf2 => new ParameterChange("c_Nsyn", ChangeKind.Multiply, fold),
            Gene.Hmox1 => new ParameterChange("HO_OE", ChangeKind.Multiply, fold),
            Gene.Gpx4 => new ParameterChange("c_GPX4", ChangeKind.Multiply, fold),
            Gene.Slc7a11 => new ParameterChange("c_XCT", ChangeKind.Multiply, fold),
            Gene.Fth1 => new ParameterChange("c_FT", ChangeKind.Multiply, fold),
            _ => new ParameterChange("c_NCOA4", ChangeKind.Add, fold - 1),
        };
        string dose = string.Create(CultureInfo.InvariantCulture, $"×{fold:G4}");
        return new Perturbation($"{gene} over-expression", $"{gene} expression {dose} ({change})", dose, [change], isGenetic: true);
    }

    /// <summary>Finds a drug by name or alias (case-insensitive), e.g. "erastin", "fer1", "DFO", "dexamethasone".</summary>
    /// <param name="name">The name.</param>
    /// <param name="dose">The concentration.</param>
    /// <param name="unit">Its unit.</param>
    /// <returns>The perturbation.</returns>
    /// <exception cref="ArgumentException">No drug has that name; the message lists the valid ones.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dose is negative or not finite, or <paramref name="unit"/> is not a defined <see cref="ConcentrationUnit"/>.</exception>
    public static Perturbation Drug(string name, double dose, ConcentrationUnit unit = ConcentrationUnit.Micromolar)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, "dexamethasone", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "dex", StringComparison.OrdinalIgnoreCase))
        {
            return Dexamethasone(dose, unit);
        }

        foreach (var drug in Drugs)
        {
            if (string.Equals(drug.Name, name, StringComparison.OrdinalIgnoreCase) || drug.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
            {
                double micromolar = ToMicromolar(dose, unit);
                return new Perturbation(drug.Name, drug.Description, FormatDose(dose, unit), [new ParameterChange(drug.Parameter, ChangeKind.Set, micromolar)], isGenetic: false);
            }
        }

        var known = Drugs.SelectMany(d => d.Aliases.Prepend(d.Name)).Append("dexamethasone");
        string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, known));
        throw new ArgumentException($"Unknown drug '{name}'{(hint.Length == 0 ? "." : hint)} Known drugs: {string.Join(", ", DrugNames)}.", nameof(name));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a positive finite number.");
        }
    }
}
