using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The runs of the model-v2 behaviour contract's bone sections (D: EB-36; G: EB-40 to EB-44) on the bounded remodelling model
/// with its defaults, made once and shared by the behaviour tests. Protocols as the contract states them: chronic scenarios
/// from a healthy start, monthly output; heavy iron load = the iron-overload scenario with the transferrin-iron supply ×2
/// instead of ×1.5.
/// </summary>
internal static class BoundedContractRuns
{
    private static readonly Lazy<Runs> LazyRuns = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the shared runs.</summary>
    public static Runs Get => LazyRuns.Value;

    /// <summary>Gets the options: bounded model defaults with monthly output.</summary>
    public static RemodellingOptions Options { get; } = RemodellingOptions.Default with { OutputIntervalDays = 365.0 / 12.0 };

    /// <summary>Gets the perturbation that turns the scenario's moderate load (transferrin iron ×1.5) into the heavy one (×2).</summary>
    public static Perturbation HeavyIron { get; } = Perturbation.TransferrinIron(2 / 1.5);

    /// <summary>Converts months to days.</summary>
    public static double Days(double months) => months * 365.0 / 12.0;

    /// <summary>Runs a scenario for some years and asserts it succeeded.</summary>
    public static RemodellingResult Run(DiseaseScenario scenario, double years, IEnumerable<Perturbation>? interventions = null, RemodellingOptions? options = null)
    {
        var run = BoneRemodelling.Run(scenario, interventions ?? [], TimeSpan.FromDays(years * 365), options ?? Options);
        return run.IsSuccess ? run : throw new InvalidOperationException($"{scenario.Name}: {run.Message}");
    }

    private static Runs Make()
    {
        var gc = DiseaseScenario.Glucocorticoid;
        var io = DiseaseScenario.IronOverload;
        return new Runs(
            Run(gc, 5),
            Run(gc, 1, options: Options with { ScenarioEndDays = Days(6) }),
            Run(DiseaseScenario.EstrogenDeficiency, 10),
            Run(DiseaseScenario.HighGlucose, 5),
            Run(io, 5, [HeavyIron]),
            Run(io, 5),
            Run(io, 1, [HeavyIron, Perturbation.Deferoxamine(100)]),
            Run(io, 1, [HeavyIron, Perturbation.Ferrostatin1(1)]));
    }

    /// <summary>The shared runs.</summary>
    /// <param name="Glucocorticoid">GC for 5 years.</param>
    /// <param name="GlucocorticoidWithdrawn">GC withdrawn at 6 months, 1 year.</param>
    /// <param name="Estrogen">Estrogen deficiency for 10 years.</param>
    /// <param name="HighGlucose">High glucose for 5 years.</param>
    /// <param name="IronHeavy">Heavy iron load for 5 years.</param>
    /// <param name="IronModerate">Moderate iron load for 5 years.</param>
    /// <param name="IronHeavyChelated">Heavy load with deferoxamine 100 µM, 1 year.</param>
    /// <param name="IronHeavyFerrostatin">Heavy load with ferrostatin-1 1 µM, 1 year.</param>
    internal sealed record Runs(
        RemodellingResult Glucocorticoid,
        RemodellingResult GlucocorticoidWithdrawn,
        RemodellingResult Estrogen,
        RemodellingResult HighGlucose,
        RemodellingResult IronHeavy,
        RemodellingResult IronModerate,
        RemodellingResult IronHeavyChelated,
        RemodellingResult IronHeavyFerrostatin);

    /// <summary>Bone mass at a month.</summary>
    public static double Z(this RemodellingResult run, double months) => run.BoneMassAtDays(Days(months));

    /// <summary>Loss (points) from the start to a month.</summary>
    public static double Loss(this RemodellingResult run, double months) => 100 - run.Z(months);

    /// <summary>Osteoclasts relative to the healthy steady state at a month.</summary>
    public static double X1(this RemodellingResult run, double months) => run.ValueAtDays("x1", Days(months)) / run.Osteoclasts[0];

    /// <summary>Osteoblasts relative to the healthy steady state at a month.</summary>
    public static double X2(this RemodellingResult run, double months) => run.ValueAtDays("x2", Days(months)) / run.Osteoblasts[0];
}
