namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>How to couple the ferroptosis model to bone remodelling: the scaling constant κ, osteocyte parameters, the time-scale scheme and the cell model's settings.</summary>
/// <remarks>
/// Defaults are the model specification's (§14.2): κ = 0.02, ρ = 1, k_rep = 0.001 /d, the quasi-steady death rate from
/// day 7 (144–168 h) of a 7-day run. κ is not identifiable from available data (§16.7); it was calibrated so that
/// glucocorticoid excess gives a few per cent of bone loss in the first year and estrogen loss a few per cent per year.
/// Treat absolute losses as depending on κ; directions and rankings do not. Immutable.
/// </remarks>
public sealed record RemodellingOptions
{
    /// <summary>Gets the default options.</summary>
    public static RemodellingOptions Default { get; } = new();

    /// <summary>Gets κ, the in-vitro-to-in-vivo attenuation of the cell model's hazard (default 0.139, calibrated for the bounded model on cell model v2; <see cref="Version1"/> uses 0.02, the first release's value for cell model v1). Not identifiable from data: <see cref="BoneRemodelling.RunWithBand(DiseaseScenario?, IEnumerable{Perturbation}, TimeSpan, RemodellingOptions?, RemodellingUncertainty?, CancellationToken)"/> shows what a range does.</summary>
    public double Kappa { get; init; } = 0.139;

    /// <summary>Gets the share of κ that osteoclasts see, a_OC (null for the bone model's own: 0 bounded, calibrated; 1 balanced): the osteoclasts' extra death rate is a_OC·κ·24·Δh̄.</summary>
    /// <remarks>
    /// In vivo, osteoclast number is set by recruitment and apoptosis: it rises or holds in estrogen loss, iron overload and
    /// glucocorticoid excess while the cells' in-vitro ferroptotic hazard rises (EB-36), and glucocorticoids prolong osteoclast
    /// life [JiaD06][Weinstein02]; ferrostatin-1 lowers osteoclast surface after ovariectomy instead of sparing osteoclasts
    /// [B8]. a_OC was calibrated with the other bone constants (models/bone-remodelling/README.md section 0.5), with the
    /// targets that osteoclast ferroptosis changes osteoclast number by at most 20 % (EB-36) and that a ferroptosis inhibitor
    /// costs no bone: the optimum is 0, so the bounded model treats osteoclast ferroptosis as negligible in vivo. Set a value
    /// above 0 to ask what osteoclast ferroptosis would do (e.g. for a drug meant to kill osteoclasts).
    /// </remarks>
    public double? OsteoclastKappaFactor { get; init; }

    /// <summary>Gets ρ, the osteoclast recruitment per dead-osteocyte fraction (default 1): dying osteocytes release RANKL [B8][B25].</summary>
    public double OsteocyteSignalling { get; init; } = 1;

    /// <summary>Gets k_rep, the rate at which remodelling replaces dead osteocytes (default 0.001 /d).</summary>
    public double OsteocyteReplacement { get; init; } = 0.001;

    /// <summary>Gets the factor on osteoclast recruitment fα1, or null for the scenario's (<see cref="DiseaseScenario.OsteoclastRecruitment"/>; 1 without a scenario).</summary>
    public double? OsteoclastRecruitment { get; init; }

    /// <summary>Gets the time-scale scheme (default <see cref="DeathRateCoupling.QuasiSteady"/>, the specification's rule).</summary>
    public DeathRateCoupling Coupling { get; init; } = DeathRateCoupling.QuasiSteady;

    /// <summary>Gets the length of the quasi-steady cell run in hours (default 168: 7 days).</summary>
    public double HazardRunHours { get; init; } = 168;

    /// <summary>Gets the start of the window whose mean hazard is used, in hours of the quasi-steady cell run (default 144: day 7).</summary>
    public double HazardWindowStartHours { get; init; } = 144;

    /// <summary>Gets how often the multi-rate scheme renews the death rates from the running cell model (default 1 day).</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Gets a value indicating whether negative extra death rates are set to 0 (default true).</summary>
    /// <remarks>
    /// A ferroptosis inhibitor at a rescue dose lowers the hazard below the healthy cell's resting hazard, so
    /// κ·24·(h̄ − h̄_healthy) turns negative. The published removal rates β1, β2 are the healthy in-vivo turnover,
    /// which the culture's resting hazard does not measure, and a negative osteocyte death rate would drive the
    /// viable fraction V above 1. By default a condition can therefore add death but not remove the baseline; set
    /// false to use the rates as computed (V may then exceed 1 slightly).
    /// </remarks>
    public bool ClampNegativeDeathRates { get; init; } = true;

    /// <summary>Gets the spacing of the reported time points in days (default 1).</summary>
    public double OutputIntervalDays { get; init; } = 1;

    /// <summary>Gets the cell model, its solver, tolerances and step limit (its scenario settings are ignored: the condition is always applied in its chronic, half-strength form).</summary>
    /// <remarks>
    /// The default is the default cell model (v2), which the bounded bone model was calibrated against; <see cref="Version1"/>
    /// couples the balanced form to cell model v1, against which the first release's κ and numbers (EB-23, EB-24) were set.
    /// </remarks>
    public CellSimulationOptions CellOptions { get; init; } = CellSimulationOptions.Default;

    /// <summary>Gets the options of the first release: the balanced Komarova 2003 form (<see cref="BoneModelKind.Balanced"/>) coupled to cell model v1, which reproduce the first release's numbers (EB-23, EB-24).</summary>
    public static RemodellingOptions Version1 { get; } = new() { BoneModel = BoneModelKind.Balanced, Kappa = 0.02, CellOptions = CellSimulationOptions.Default with { Model = FerroptosisModel.Version1 } };

    /// <summary>Gets the bone population model (default <see cref="BoneModelKind.Bounded"/>).</summary>
    public BoneModelKind BoneModel { get; init; } = BoneModelKind.Bounded;

    /// <summary>Gets the scenario's bone-level effects to use instead of <see cref="BoneScenarioEffects.Of(DiseaseScenario?)"/> (bounded model only), e.g. to ask what a weaker glucocorticoid effect on osteoblasts would do; null for the scenario's own.</summary>
    public BoneScenarioEffects? Effects { get; init; }

    /// <summary>Gets the day the disease ends (e.g. glucocorticoids withdrawn; bounded model only): its effects then wane with the scenario's onset time constants; null for a disease that lasts the whole run.</summary>
    public double? ScenarioEndDays { get; init; }

    /// <summary>Gets the day the interventions start (bounded model only; 0, the default, treats from the start of the disease), e.g. 182.5 to ask "what if treatment starts at month 6".</summary>
    public double InterventionStartDays { get; init; }

    /// <summary>Gets the RANKL concentration (ng/mL) of the osteoclast-formation read-out that feeds osteoclast recruitment (bounded model only; 5 days of <see cref="BoneCell.OsteoclastPrecursor"/> under the scenario, relative to healthy precursors).</summary>
    public double FormationAssayRankl { get; init; } = 50;

    /// <summary>Gets ν, the in-vitro-to-in-vivo attenuation of the osteoclast-formation read-out (bounded model only): osteoclast recruitment is multiplied by (N_OC,condition / N_OC,healthy)^ν (default 0.056; calibrated, like κ).</summary>
    public double FormationCoupling { get; init; } = 0.056;

    /// <summary>Gets multipliers on the extra death rates the cell model gives, per cell type (default 1 each): e.g. <c>new DeathRates(1, 0, 1)</c> switches osteoclast ferroptosis off, <see cref="DeathRates.None"/> every ferroptotic death, leaving the scenario's other effects.</summary>
    public DeathRates DeathRateMultipliers { get; init; } = new(1, 1, 1);

    /// <summary>Gets the mechanostat gain m of the bounded model (osteoblast formation ∝ (z_ref/z)^m; null for the model file's calibrated value).</summary>
    public double? MechanostatGain { get; init; }

    /// <summary>Gets the osteoclasts' share of κ in effect: <see cref="OsteoclastKappaFactor"/>, or the bone model's own value.</summary>
    internal double EffectiveOsteoclastKappaFactor => OsteoclastKappaFactor ?? (BoneModel == BoneModelKind.Bounded ? BoundedOsteoclastKappaFactor : 1);

    /// <summary>The bounded model's calibrated share of κ for osteoclasts.</summary>
    internal const double BoundedOsteoclastKappaFactor = 0;

    /// <summary>Checks the values and says what to change.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    internal void Validate()
    {
        Require(Kappa >= 0 && double.IsFinite(Kappa), nameof(Kappa), "κ must be finite and not negative.");
        Require(OsteoclastKappaFactor is null || (OsteoclastKappaFactor >= 0 && double.IsFinite(OsteoclastKappaFactor.Value)), nameof(OsteoclastKappaFactor), "The osteoclasts' share of κ must be finite and not negative.");
        Require(OsteocyteSignalling >= 0 && double.IsFinite(OsteocyteSignalling), nameof(OsteocyteSignalling), "ρ must be finite and not negative.");
        Require(OsteocyteReplacement >= 0 && double.IsFinite(OsteocyteReplacement), nameof(OsteocyteReplacement), "k_rep must be finite and not negative.");
        Require(OsteoclastRecruitment is null || (OsteoclastRecruitment > 0 && double.IsFinite(OsteoclastRecruitment.Value)), nameof(OsteoclastRecruitment), "fα1 must be positive.");
        Require(HazardRunHours > 0 && double.IsFinite(HazardRunHours), nameof(HazardRunHours), "The cell run must last a positive number of hours.");
        Require(HazardWindowStartHours >= 0 && HazardWindowStartHours < HazardRunHours, nameof(HazardWindowStartHours), "The hazard window must start within the cell run (0 ≤ start < HazardRunHours).");
        Require(UpdateInterval > TimeSpan.Zero, nameof(UpdateInterval), "The update interval must be positive.");
        Require(OutputIntervalDays > 0 && double.IsFinite(OutputIntervalDays), nameof(OutputIntervalDays), "The output interval must be positive.");
        ArgumentNullException.ThrowIfNull(CellOptions);
        Require(Enum.IsDefined(BoneModel), nameof(BoneModel), "Unknown bone model.");
        Require(ScenarioEndDays is null || (ScenarioEndDays >= 0 && double.IsFinite(ScenarioEndDays.Value)), nameof(ScenarioEndDays), "The end of the disease must be a finite day ≥ 0.");
        Require(InterventionStartDays >= 0 && double.IsFinite(InterventionStartDays), nameof(InterventionStartDays), "The intervention start must be a finite day ≥ 0.");
        Require(FormationAssayRankl > 0 && double.IsFinite(FormationAssayRankl), nameof(FormationAssayRankl), "The RANKL concentration of the formation read-out must be positive.");
        Effects?.Validate();
        ArgumentNullException.ThrowIfNull(DeathRateMultipliers);
        Require(new[] { DeathRateMultipliers.Osteoblast, DeathRateMultipliers.Osteoclast, DeathRateMultipliers.Osteocyte }.All(v => v >= 0 && double.IsFinite(v)), nameof(DeathRateMultipliers), "Death-rate multipliers must be finite and not negative.");
        Require(FormationCoupling >= 0 && double.IsFinite(FormationCoupling), nameof(FormationCoupling), "ν must be finite and not negative.");
        Require(MechanostatGain is null || (MechanostatGain >= 0 && double.IsFinite(MechanostatGain.Value)), nameof(MechanostatGain), "The mechanostat gain must be finite and not negative.");
        Require(InterventionStartDays == 0 || Coupling == DeathRateCoupling.QuasiSteady, nameof(InterventionStartDays), "A later intervention start needs the quasi-steady coupling.");
        Require(BoneModel == BoneModelKind.Bounded || (Effects is null && ScenarioEndDays is null && InterventionStartDays == 0), nameof(BoneModel), "Bone-level effects, a disease end and a later intervention start need the bounded bone model (BoneModelKind.Bounded).");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, message);
        }
    }
}
