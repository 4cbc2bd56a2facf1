using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Tests.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>The analyses on the curated ferroptosis model of the reference osteoblast, against the values its README (sections 3 and 10) documents from an independent LSODA implementation.</summary>
/// <remarks>Protocol (README section 8): rest without drugs (S held), set S = 1, expose from t = 0; rtol 1e-8, atol 1e-10, steps ≤ 0.25 h.</remarks>
public sealed class PathwayModelTests
{
    private static readonly Lazy<CompiledModel> Model = new(() => ModelCompiler.Compile(AntimonyReader.ReadFile(RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant"))));

    private static SimulationSettings Exposure(double hours, IReadOnlyDictionary<string, double> rest) => new()
    {
        EndTime = hours,
        InitialValues = rest,
        Solver = OdeSolvers.Verner7,
        MaxStep = 0.25,
        RelativeTolerance = 1e-8,
        AbsoluteTolerance = 1e-10,
    };

    /// <summary>The drug-free resting state with S held, then S = 1.</summary>
    private static Dictionary<string, double> Rest()
    {
        var steady = SteadyState.Find(Model.Value, new SteadyStateOptions { Fixed = ["S"] });
        Assert.That(steady.Status, Is.EqualTo(SteadyStateStatus.Converged), steady.Message);
        return steady.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => p.id == "S" ? 1.0 : steady.State[p.k]);
    }

    [Test]
    public void RestingOsteoblast_IsAStableSteadyState_AtTheDocumentedValues()
    {
        var rest = Rest();
        var expected = new (string Species, double Value, double HalfDigit)[]
        {
            ("NRF2", 1.000, 5e-4), ("mHO1", 1.000, 5e-4), ("HO1", 1.000, 5e-4), ("HEME", 0.1000, 5e-5), ("HB", 28.0, 0.05),
            ("BR", 0.309, 5e-4), ("LIP", 0.8015, 5e-5), ("FT", 1.002, 5e-4), ("FTFE", 11.57, 5e-3), ("TFR1", 0.998, 5e-4),
            ("XCT", 1.000, 5e-4), ("GSH", 3.000, 5e-4), ("GPX4", 1.000, 5e-4), ("AOX", 1.000, 5e-4), ("LPO", 1.015, 5e-4),
        };
        foreach (var (species, value, halfDigit) in expected)
        {
            Assert.That(rest[species], Is.EqualTo(value).Within(halfDigit), species);
        }

        var steady = SteadyState.Find(Model.Value, new SteadyStateOptions { Fixed = ["S"] });
        Assert.That(steady.Stability, Is.EqualTo(SteadyStateStability.Stable), steady.Message);
        Assert.That(steady.Eigenvalues, Has.Count.EqualTo(15), "16 states, S held");
    }

    [Test]
    public void ErastinAndRsl3_IC50AtTwentyFourHours_MatchTheReadme()
    {
        // README 10.1 and 10.4: erastin IC50 6.86 µM (6.85 in the pathway tests), RSL3 IC50 70.9 nM (bisection in log concentration on S(24 h) = 0.5).
        var rest = Rest();
        var erastin = new SimulationExperiment(Model.Value, [new ParameterInput("erastin")], [Readout.ValueAt("S", 24)], Exposure(24, rest));
        var rsl3 = new SimulationExperiment(Model.Value, [new ParameterInput("rsl3")], [Readout.ValueAt("S", 24)], Exposure(24, rest));
        var erastinIC50 = DoseResponse.FindIC50(erastin, "S@24", 0.1, 100, relativeTolerance: 1e-5);
        var rsl3IC50 = DoseResponse.FindIC50(rsl3, "S@24", 0.001, 10, relativeTolerance: 1e-5);

        Assert.That(erastinIC50.Dose, Is.EqualTo(6.86).Within(0.005), erastinIC50.Message);
        Assert.That(rsl3IC50.Dose, Is.EqualTo(0.0709).Within(0.00005), rsl3IC50.Message);
    }

    [Test]
    public void Erastin10_GlutathioneAndTimeToHalfDeath_MatchTheReadme()
    {
        // README 10.1: erastin 10 µM, GSH/G0 at 2, 4, 8 h = 0.663, 0.468, 0.306; t50 = 15.8 h.
        var rest = Rest();
        var experiment = new SimulationExperiment(
            Model.Value,
            [new ParameterInput("erastin")],
            [.. Readout.TimeCourse("GSH", [2, 4, 8]), Readout.TimeToThreshold("S", 0.5, EventDirection.Falling)],
            Exposure(24, rest));
        var outputs = new double[4];
        Assert.That(experiment.CreateEvaluator().TryEvaluate([10.0], outputs, out string? failure), Is.True, failure);

        Assert.That(outputs[0] / rest["GSH"], Is.EqualTo(0.663).Within(5e-4));
        Assert.That(outputs[1] / rest["GSH"], Is.EqualTo(0.468).Within(5e-4));
        Assert.That(outputs[2] / rest["GSH"], Is.EqualTo(0.306).Within(5e-4));
        Assert.That(outputs[3], Is.EqualTo(15.8).Within(0.05));
    }

    [Test]
    public void HemeOxygenaseInduction_BeforeAnOxidativeChallenge_IsBellShaped()
    {
        // README 10.1 and EB-15: HO_OE switched to 0/0.5/1/2/3/5/10/20/50 at t = −12 h, ros_x = 1.65 from t = 0
        // (S reset to 1 then) for 24 h: S(24) = 0.203/0.292/0.361/0.444/0.469/0.464/0.399/0.249/0.019.
        double[] levels = [0, 0.5, 1, 2, 3, 5, 10, 20, 50];
        double[] documented = [0.203, 0.292, 0.361, 0.444, 0.469, 0.464, 0.399, 0.249, 0.019];
        var settings = Exposure(24, Rest()) with
        {
            StartTime = -12,
            Schedule = [new ScheduledChange(0, "ros_x", 1.65), new ScheduledChange(0, "S", 1)],
        };
        var experiment = new SimulationExperiment(Model.Value, [new ParameterInput("HO_OE")], [Readout.ValueAt("S", 24)], settings);
        var scan = ParameterScan.Run(experiment, [ScanAxis.List("HO_OE", levels)]);

        Assert.That(scan.GetOutput("S@24"), Is.EqualTo(documented).Within(5e-4));
        var fit = DoseResponse.Fit(scan, "S@24");
        Assert.That(fit.Shape, Is.EqualTo(DoseResponseShape.NonMonotonic), fit.Message);
        Assert.That(fit.ExtremumDose, Is.EqualTo(3));
    }

    [Test]
    public void ErastinSensitivityAndDeathRate_AreRecoveredFromNoisyTimeCourses()
    {
        // Synthetic data of the model itself under erastin 10 µM (GSH with sd 0.03 mM, S with sd 0.01),
        // generated with IC50_ERA = 1 µM and k_d = 0.5 /h; both are fitted from the bounds' mid-points.
        // Neither parameter changes the resting state, so the protocol stays consistent while they vary.
        var rest = Rest();
        var settings = Exposure(24, rest) with { Parameters = new Dictionary<string, double> { ["erastin"] = 10 } };
        double[] gshTimes = [1, 2, 4, 6, 8, 12], sTimes = [12, 14, 16, 18, 20, 24];
        var truth = new SimulationExperiment(Model.Value, [], [.. Readout.TimeCourse("GSH", gshTimes), .. Readout.TimeCourse("S", sTimes)], settings);
        var values = new double[12];
        Assert.That(truth.CreateEvaluator().TryEvaluate([], values, out string? failure), Is.True, failure);
        var random = new Random(12);
        double Noise(double sd) => sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var data = new TimeCourseData([
            .. gshTimes.Select((t, i) => new DataPoint(t, "GSH", values[i] + Noise(0.03), 0.03)),
            .. sTimes.Select((t, i) => new DataPoint(t, "S", values[6 + i] + Noise(0.01), 0.01))]);

        var fit = ParameterFit.Fit(Model.Value, data, [new FitParameter("IC50_ERA", 0.01, 100) { Initial = 0.1 }, new FitParameter("k_d", 0.01, 10) { Initial = 2 }], settings, new FitOptions { Starts = 4 });

        TestContext.Out.WriteLine($"{fit.Message} {string.Join("; ", fit.Estimates)}; {fit.Evaluations} simulations");
        Assert.That(fit.IsSuccess, Is.True, fit.Message);
        Assert.That(fit["IC50_ERA"].Value, Is.EqualTo(1.0).Within(3 * fit["IC50_ERA"].StandardError), fit.Message);
        Assert.That(fit["k_d"].Value, Is.EqualTo(0.5).Within(3 * fit["k_d"].StandardError), fit.Message);
        Assert.That(fit["IC50_ERA"].StandardError, Is.LessThan(0.1));
    }
}
