using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Pathway;

/// <summary>A disease condition as named parameter changes (specification §13), in its acute in-vitro form and its chronic form.</summary>
/// <remarks>
/// <para>
/// A scenario is switched on at the start of the exposure, from the healthy resting state of the cell
/// type. Multipliers act on the cell's own values (<c>c_ARE</c>, <c>c_GPX4</c>, <c>c_XCT</c>,
/// <c>TfSat</c>, <c>PUFA</c>), <c>c_NCOA4</c> is additive, and <c>ros_x</c>, <c>hemin</c>, <c>fac</c> are
/// set as inputs. The in-vitro values reproduce the acute culture behaviours (48–72 h); the chronic form
/// halves each deviation from the healthy value (e.g. ros_x 1.4 → 1.2), for coupling to bone remodelling.
/// The literature gives directions (GPX4 and SLC7A11 down, iron up, lipid peroxidation up, ferroptosis
/// inhibitors protective), not magnitudes: the numbers are calibrated to clear, non-saturating phenotypes.
/// </para>
/// <para>Immutable.</para>
/// </remarks>
public sealed record DiseaseScenario
{
    private DiseaseScenario(string name, string description, string evidence, IReadOnlyList<ParameterChange> inVitro, IReadOnlyList<ParameterChange>? chronic = null, double osteoclastRecruitment = 1)
    {
        Name = name;
        Description = description;
        Evidence = evidence;
        InVitro = inVitro;
        Chronic = chronic ?? [.. inVitro.Select(c => c.Scale(0.5, Neutral(c.Parameter)))];
        OsteoclastRecruitment = osteoclastRecruitment;
    }

    /// <summary>Gets diabetic bone / high glucose (25.5 mM glucose, 48 h): ros_x 1.4, c_GPX4 ×0.7, c_XCT ×0.7 [B2][B3][B24].</summary>
    public static DiseaseScenario HighGlucose { get; } = new(
        "high-glucose", "diabetic bone: high glucose raises mitochondrial ROS and lowers GPX4 and SLC7A11", "[B2][B3][B24]",
        [Set("ros_x", 1.4), Multiply("c_GPX4", 0.7), Multiply("c_XCT", 0.7)]);

    /// <summary>Gets diabetic glucolipotoxicity (high glucose + fatty acid): as high glucose plus PUFA ×1.1 and TfSat ×1.1 [B1].</summary>
    public static DiseaseScenario HighGlucoseHighFat { get; } = new(
        "high-glucose-high-fat", "diabetic glucolipotoxicity: as high glucose, plus more oxidisable PUFA and iron supply", "[B1]",
        [Set("ros_x", 1.4), Multiply("c_GPX4", 0.7), Multiply("c_XCT", 0.7), Multiply("PUFA", 1.1), Multiply("TfSat", 1.1)]);

    /// <summary>Gets glucocorticoid excess (dexamethasone 1 µM, 48 h): ros_x 1.15, c_GPX4 ×0.7, c_XCT ×0.7, c_NCOA4 +0.5, c_ARE ×0.7 [B9][B10][K11][B26].</summary>
    public static DiseaseScenario Glucocorticoid { get; } = new(
        "glucocorticoid", "glucocorticoid-induced osteoporosis: GPX4 and SLC7A11 down, NCOA4-ferritinophagy up, GR represses Nrf2", "[B9][B10][K11][B26]",
        [Set("ros_x", 1.15), Multiply("c_GPX4", 0.7), Multiply("c_XCT", 0.7), Add("c_NCOA4", 0.5), Multiply("c_ARE", 0.7)]);

    /// <summary>Gets iron overload (haemochromatosis, thalassaemia, transfusion): in vitro FAC 200 µM iron; chronic TfSat ×1.5 (half of the in-vivo ×2) [B7][B19][B20].</summary>
    public static DiseaseScenario IronOverload { get; } = new(
        "iron-overload", "iron overload: non-transferrin iron in culture, raised transferrin saturation in vivo", "[B7][B19][B20]",
        [Set("fac", 200)], [Multiply("TfSat", 1.5)]);

    /// <summary>Gets estrogen deficiency (postmenopausal, ovariectomy): ros_x 1.2, TfSat ×1.3, c_ARE ×0.7; in the remodelling layer osteoclast recruitment ×1.2 [B8][B5][B20].</summary>
    public static DiseaseScenario EstrogenDeficiency { get; } = new(
        "estrogen-deficiency", "postmenopausal osteoporosis: oxidative stress, skeletal iron accumulation, Nrf2 down in osteocytes", "[B8][B5][B20]",
        [Set("ros_x", 1.2), Multiply("TfSat", 1.3), Multiply("c_ARE", 0.7)], osteoclastRecruitment: 1.2);

    /// <summary>Gets steroid-induced osteonecrosis of the femoral head (osteocytes, 72 h): ros_x 1.5, c_GPX4 ×0.5, c_XCT ×0.6, c_NCOA4 +0.5, c_ARE ×0.7, hemin 2 µM [B21][B22][B9].</summary>
    public static DiseaseScenario SteroidOsteonecrosis { get; } = new(
        "steroid-osteonecrosis", "steroid-induced osteonecrosis: ischaemia–reperfusion, GPX4 and SLC7A11 down, local heme", "[B21][B22][B9]",
        [Set("ros_x", 1.5), Multiply("c_GPX4", 0.5), Multiply("c_XCT", 0.6), Add("c_NCOA4", 0.5), Multiply("c_ARE", 0.7), Set("hemin", 2)]);

    /// <summary>The in-vitro magnitudes of model v2 (same directions as v1's, magnitudes calibrated with the model; model v2 README, section 5). The glucocorticoid NCOA4 gain +2.2 means ×3.2 in v2 (<c>ExposureTimeline.Translate</c>).</summary>
    private static readonly Dictionary<string, IReadOnlyList<ParameterChange>> ModelV2InVitro = new(StringComparer.Ordinal)
    {
        ["high-glucose"] = [Set("ros_x", 1.4), Multiply("c_GPX4", 0.9), Multiply("c_XCT", 0.5226)],
        ["high-glucose-high-fat"] = [Set("ros_x", 1.4), Multiply("c_GPX4", 0.9), Multiply("c_XCT", 0.5226), Multiply("PUFA", 1.1), Multiply("TfSat", 1.1)],
        ["glucocorticoid"] = [Set("ros_x", 1.55), Multiply("c_GPX4", 0.38), Multiply("c_XCT", 0.5234), Add("c_NCOA4", 2.2), Multiply("c_ARE", 0.7)],
        ["estrogen-deficiency"] = [Set("ros_x", 1.222), Multiply("TfSat", 1.708), Multiply("c_ARE", 0.7)],
        ["steroid-osteonecrosis"] = [Set("ros_x", 1.824), Multiply("c_GPX4", 0.2361), Multiply("c_XCT", 0.7349), Add("c_NCOA4", 1.196), Multiply("c_ARE", 0.7), Set("hemin", 2)],
    };

    /// <summary>Gets every scenario.</summary>
    public static IReadOnlyList<DiseaseScenario> All { get; } = [HighGlucose, HighGlucoseHighFat, Glucocorticoid, IronOverload, EstrogenDeficiency, SteroidOsteonecrosis];

    /// <summary>Gets the scenario's name, e.g. "glucocorticoid".</summary>
    public string Name { get; }

    /// <summary>Gets the condition in a sentence.</summary>
    public string Description { get; }

    /// <summary>Gets the source keys of the evidence (see the model README).</summary>
    public string Evidence { get; }

    /// <summary>Gets the acute in-vitro changes.</summary>
    public IReadOnlyList<ParameterChange> InVitro { get; }

    /// <summary>Gets the chronic (half-strength) changes.</summary>
    public IReadOnlyList<ParameterChange> Chronic { get; }

    /// <summary>Gets the acute in-vitro changes for a model version: <see cref="InVitro"/> for model v1; the magnitudes recalibrated for model v2 where v2 has its own (<c>models/ferroptosis/v2/README.md</c>, section 5), else <see cref="InVitro"/>.</summary>
    /// <param name="model">The model version.</param>
    /// <returns>The changes.</returns>
    /// <remarks>The literature gives the directions of each condition, not magnitudes; model v2 is ≥ 3-fold from the ferroptotic switch where v1 was 1.5-fold, so the same culture condition needs other parameter magnitudes to give the phenotypes both versions are checked against (EB-17 … EB-21, EB-34).</remarks>
    public IReadOnlyList<ParameterChange> InVitroIn(FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Version != "1" && ModelV2InVitro.TryGetValue(Name, out var changes) ? changes : InVitro;
    }

    /// <summary>Gets the chronic (half-strength) changes for a model version (see <see cref="InVitroIn"/>).</summary>
    /// <param name="model">The model version.</param>
    /// <returns>The changes.</returns>
    public IReadOnlyList<ParameterChange> ChronicIn(FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Version != "1" && ModelV2InVitro.TryGetValue(Name, out var changes) ? [.. changes.Select(c => c.Scale(0.5, Neutral(c.Parameter)))] : Chronic;
    }

    /// <summary>Gets the factor on osteoclast recruitment in the bone-remodelling layer (1 for all but estrogen deficiency).</summary>
    public double OsteoclastRecruitment { get; }

    /// <summary>Finds a scenario by name (case-insensitive; also accepts short forms and common names such as "GC", "HG", "diabetic", "IO", "EST", "OVX", "menopause", "ONFH", "osteonecrosis").</summary>
    /// <param name="name">The name.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static DiseaseScenario FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.ToUpperInvariant() switch
        {
            "HG" or "DIABETES" or "DIABETIC" or "T2DM" => "high-glucose",
            "HGHF" or "GLUCOLIPOTOXICITY" => "high-glucose-high-fat",
            "GC" or "GIOP" or "DEXAMETHASONE" or "GLUCOCORTICOIDS" => "glucocorticoid",
            "IO" or "IRON" or "HAEMOCHROMATOSIS" or "HEMOCHROMATOSIS" or "THALASSEMIA" or "THALASSAEMIA" => "iron-overload",
            "EST" or "OVX" or "POSTMENOPAUSAL" or "MENOPAUSE" or "OESTROGEN-DEFICIENCY" => "estrogen-deficiency",
            "ONFH" or "OSTEONECROSIS" or "STEROID-INDUCED-OSTEONECROSIS" => "steroid-osteonecrosis",
            _ => name,
        };
        var scenario = All.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
        if (scenario is not null)
        {
            return scenario;
        }

        string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, All.Select(s => s.Name)));
        throw new ArgumentException($"Unknown scenario '{name}'{(hint.Length == 0 ? "." : hint)} Known scenarios: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static double Neutral(string parameter) => parameter == "ros_x" ? 1 : 0;

    private static ParameterChange Set(string parameter, double value) => new(parameter, ChangeKind.Set, value);

    private static ParameterChange Multiply(string parameter, double value) => new(parameter, ChangeKind.Multiply, value);

    private static ParameterChange Add(string parameter, double value) => new(parameter, ChangeKind.Add, value);
}
