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

    /// <summary>Gets κ, the in-vitro-to-in-vivo attenuation of the cell model's hazard (default 0.02; plausible range 0.02–0.05).</summary>
    public double Kappa { get; init; } = 0.02;

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
    /// The default couples the remodelling layer to cell model v1 (<see cref="FerroptosisModel.Version1"/>): κ, the chronic scenarios
    /// and the expected bone-loss numbers of this layer (EB-22 … EB-24) were calibrated against v1's death hazards, and the
    /// bone-level rework that moves it to model v2 (bounded bone mass, osteoclast formation) is a separate piece of work. Set
    /// <c>CellOptions = CellSimulationOptions.Default with { Model = FerroptosisModel.Version2 }</c> to couple model v2 now.
    /// </remarks>
    public CellSimulationOptions CellOptions { get; init; } = CellSimulationOptions.Default with { Model = FerroptosisModel.Version1 };

    /// <summary>Checks the values and says what to change.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    internal void Validate()
    {
        Require(Kappa >= 0 && double.IsFinite(Kappa), nameof(Kappa), "κ must be finite and not negative.");
        Require(OsteocyteSignalling >= 0 && double.IsFinite(OsteocyteSignalling), nameof(OsteocyteSignalling), "ρ must be finite and not negative.");
        Require(OsteocyteReplacement >= 0 && double.IsFinite(OsteocyteReplacement), nameof(OsteocyteReplacement), "k_rep must be finite and not negative.");
        Require(OsteoclastRecruitment is null || (OsteoclastRecruitment > 0 && double.IsFinite(OsteoclastRecruitment.Value)), nameof(OsteoclastRecruitment), "fα1 must be positive.");
        Require(HazardRunHours > 0 && double.IsFinite(HazardRunHours), nameof(HazardRunHours), "The cell run must last a positive number of hours.");
        Require(HazardWindowStartHours >= 0 && HazardWindowStartHours < HazardRunHours, nameof(HazardWindowStartHours), "The hazard window must start within the cell run (0 ≤ start < HazardRunHours).");
        Require(UpdateInterval > TimeSpan.Zero, nameof(UpdateInterval), "The update interval must be positive.");
        Require(OutputIntervalDays > 0 && double.IsFinite(OutputIntervalDays), nameof(OutputIntervalDays), "The output interval must be positive.");
        ArgumentNullException.ThrowIfNull(CellOptions);
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, message);
        }
    }
}
