namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The bone-level effects of a disease scenario in the bounded remodelling model (<see cref="BoneModelKind.Bounded"/>): what acts on the bone cell populations beyond the ferroptotic death the cell model gives. Every factor is 1 in health and is reached with first-order onset kinetics after the disease starts.</summary>
/// <remarks>
/// The values are estimates calibrated to the clinical time courses of the model-v2 behaviour contract (EB-36, EB-41 to EB-44);
/// <c>models/bone-remodelling/README.md</c> section 3 gives the evidence for each direction and the calibration record.
/// The osteoclast recruitment factor multiplies the cell model's osteoclast-formation read-out (<see cref="BoneCell.OsteoclastPrecursor"/>
/// under RANKL), so the iron and redox effects on osteoclastogenesis come from the cell model, not from this record.
/// </remarks>
public sealed record BoneScenarioEffects
{
    /// <summary>Gets the effects of health: every factor 1.</summary>
    public static BoneScenarioEffects None { get; } = new();

    /// <summary>Gets the multiplier on osteoclast recruitment beyond the cell model's osteoclast-formation read-out (RANKL/OPG from marrow and osteoblast-lineage cells).</summary>
    public double OsteoclastRecruitment { get; init; } = 1;

    /// <summary>Gets the multiplier on osteoclast removal (the inverse of the osteoclast life span; below 1 prolongs it).</summary>
    public double OsteoclastRemoval { get; init; } = 1;

    /// <summary>Gets the multiplier on osteoblast formation (osteoblastogenesis and bone formation per remodelling cycle).</summary>
    public double OsteoblastFormation { get; init; } = 1;

    /// <summary>Gets the multiplier on the mechanostat gain (the osteocytes' response to strain; below 1 blunts the restoring feedback).</summary>
    public double Mechanosensitivity { get; init; } = 1;

    /// <summary>Gets the multiplier on the mechanical load the skeleton carries (e.g. body weight; above 1 raises the mass the mechanostat maintains).</summary>
    public double MechanicalLoad { get; init; } = 1;

    /// <summary>Gets the time constant (days) with which the disease's effects, including the cell model's extra death rates, reach their full strength.</summary>
    public double OnsetDays { get; init; } = 1;

    /// <summary>Gets the time constant (days) with which the effects on osteoclast recruitment and life span reach their full strength.</summary>
    public double RecruitmentOnsetDays { get; init; } = 1;

    /// <summary>Gets the evidence for the effects (keys of the model's source list).</summary>
    public string Evidence { get; init; } = "";

    /// <summary>Gets the bone-level effects of a scenario (health when null, or when the scenario has none).</summary>
    /// <param name="scenario">The scenario, or null.</param>
    /// <returns>The effects.</returns>
    public static BoneScenarioEffects Of(DiseaseScenario? scenario) => scenario?.Name switch
    {
        "glucocorticoid" => new()
        {
            OsteoclastRecruitment = 1.2, Mechanosensitivity = 0.688, OsteoclastRemoval = 0.873,
            Evidence = "[Weinstein02][JiaD06][Canalis07][Sato18][B26]",
        },
        "high-glucose" or "high-glucose-high-fat" => new()
        {
            OsteoclastRecruitment = 0.97, MechanicalLoad = 1.024,
            Evidence = "[Wittrant08][Hygum17][Ma12]",
        },
        "estrogen-deficiency" => new()
        {
            OsteoclastRecruitment = 1.123, OsteoclastRemoval = 0.88, OsteoblastFormation = 0.98, Mechanosensitivity = 0.664,
            OnsetDays = 271, RecruitmentOnsetDays = 21,
            Evidence = "[Nakamura07][Lanyon07][Frost87][Greendale12][Sowers10]",
        },
        "iron-overload" => new()
        {
            OsteoclastRecruitment = 1.121, OsteoblastFormation = 0.90, OnsetDays = 1615, RecruitmentOnsetDays = 82,
            Evidence = "[B19][Wang15][Kim12]",
        },
        _ => None,
    };

    internal void Validate()
    {
        static void Positive(double value, string name)
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "A bone-level effect must be a positive, finite factor or time constant.");
            }
        }

        Positive(OsteoclastRecruitment, nameof(OsteoclastRecruitment));
        Positive(OsteoclastRemoval, nameof(OsteoclastRemoval));
        Positive(OsteoblastFormation, nameof(OsteoblastFormation));
        Positive(Mechanosensitivity, nameof(Mechanosensitivity));
        Positive(MechanicalLoad, nameof(MechanicalLoad));
        Positive(OnsetDays, nameof(OnsetDays));
        Positive(RecruitmentOnsetDays, nameof(RecruitmentOnsetDays));
    }
}
