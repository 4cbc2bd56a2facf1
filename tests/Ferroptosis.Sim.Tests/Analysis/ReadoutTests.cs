using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Readouts of simulated trajectories against closed-form values.</summary>
public sealed class ReadoutTests
{
    private static double[] Evaluate(SimulationExperiment experiment, params double[] inputs)
    {
        var outputs = new double[experiment.OutputNames.Count];
        bool ok = experiment.CreateEvaluator().TryEvaluate(inputs, outputs, out string? failure);
        Assert.That(ok, Is.True, failure);
        return outputs;
    }

    [Test]
    public void Decay_Readouts_MatchTheExactSolution()
    {
        // y = e^{−kt}, k = 0.8 on [0, 3]: value, extrema, AUC = (1 − e^{−3k})/k, t(y = 1/2) = ln 2 / k.
        const double k = 0.8;
        var experiment = new SimulationExperiment(
            AnalysisModels.Decay,
            [new ParameterInput("k")],
            [Readout.ValueAt("y", 1.7), Readout.Maximum("y"), Readout.Minimum("y"), Readout.Area("y"), Readout.TimeToThreshold("y", 0.5, EventDirection.Falling), Readout.Area("y", 1, 2)],
            AnalysisModels.Tight(3));
        double[] r = Evaluate(experiment, k);

        Assert.That(experiment.OutputNames, Is.EqualTo(new[] { "y@1.7", "max(y)", "min(y)", "auc(y)", "t(y↓0.5)", "auc(y; 1..2)" }));
        Assert.That(r[0], Is.EqualTo(Math.Exp(-k * 1.7)).Within(1e-9));
        Assert.That(r[1], Is.EqualTo(1.0).Within(1e-12));
        Assert.That(r[2], Is.EqualTo(Math.Exp(-k * 3)).Within(1e-9));
        Assert.That(r[3], Is.EqualTo((1 - Math.Exp(-3 * k)) / k).Within(1e-9));
        Assert.That(r[4], Is.EqualTo(Math.Log(2) / k).Within(1e-9));
        Assert.That(r[5], Is.EqualTo((Math.Exp(-k) - Math.Exp(-2 * k)) / k).Within(1e-9));
    }

    [Test]
    public void InteriorMaximum_IsRefinedBetweenSamples()
    {
        // B peaks at t* = ln(k1/k2)/(k1 − k2) = 2 ln 2 with B(t*) = 1/2; a loose tolerance makes steps long.
        // Sampling the step ends and Gauss nodes alone would miss it by ~|B''|·δ²/2 ≈ 1e-3 for nodes δ ≈ 0.1 apart;
        // what remains after refinement is the solver's own error at rtol 1e-5 (a few 1e-6).
        var settings = AnalysisModels.Tight(10) with { RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-8 };
        var experiment = new SimulationExperiment(AnalysisModels.Chain, [], [Readout.Maximum("B"), Readout.Minimum("B", 1, 10), Readout.Area("B")], settings);
        double[] r = Evaluate(experiment);

        double areaExact = (1 / (0.5 - 1)) * ((1 - Math.Exp(-10)) - ((1 - Math.Exp(-5)) / 0.5));
        Assert.That(r[0], Is.EqualTo(0.5).Within(5e-6));
        Assert.That(r[1], Is.EqualTo(AnalysisModels.ChainB(10)).Within(5e-6));
        Assert.That(r[2], Is.EqualTo(areaExact).Within(1e-5));
    }

    [Test]
    public void ScheduledChange_SplitsTheTrajectory_AndReadoutsFollowBothPieces()
    {
        // k = 1 until t = 1, then 3: y = e^{−t}, then e^{−1} e^{−3(t−1)}.
        var settings = AnalysisModels.Tight(2) with { Schedule = [new ScheduledChange(1, "k", 3)] };
        var experiment = new SimulationExperiment(AnalysisModels.Decay, [], [Readout.Area("y"), Readout.ValueAt("y", 1.5), Readout.TimeToThreshold("y", 0.2)], settings);
        double[] r = Evaluate(experiment);

        double e1 = Math.Exp(-1);
        Assert.That(r[0], Is.EqualTo(1 - e1 + (e1 * (1 - Math.Exp(-3)) / 3)).Within(1e-9));
        Assert.That(r[1], Is.EqualTo(e1 * Math.Exp(-1.5)).Within(1e-9));
        Assert.That(r[2], Is.EqualTo(1 + (Math.Log(e1 / 0.2) / 3)).Within(1e-9));
    }

    [Test]
    public void ModelEvent_Jumps_CountForExtremaAndValues_AndTheAreaFollowsTheSawTooth()
    {
        // y falls from 1 to 1/4 in ln 4, jumps back to 1: two full teeth in [0, 2 ln 4], each of area 3/4.
        double period = Math.Log(4);
        var experiment = new SimulationExperiment(
            AnalysisModels.Refill,
            [],
            [Readout.Area("y"), Readout.Minimum("y"), Readout.Maximum("y", 0.1, 2), Readout.ValueAt("y", period + 0.5), Readout.TimeToThreshold("y", 0.5, EventDirection.Rising)],
            AnalysisModels.Tight(2 * period));
        double[] r = Evaluate(experiment);

        Assert.That(r[0], Is.EqualTo(1.5).Within(1e-8));
        Assert.That(r[1], Is.EqualTo(0.25).Within(1e-8));
        Assert.That(r[2], Is.EqualTo(1.0).Within(1e-8), "the jump back to 1 at ln 4 lies in the window");
        Assert.That(r[3], Is.EqualTo(Math.Exp(-0.5)).Within(1e-8));
        Assert.That(r[4], Is.NaN, "a jump is not a continuous crossing");
    }

    [Test]
    public void ThresholdNeverReached_GivesNaN()
    {
        var experiment = new SimulationExperiment(AnalysisModels.Decay, [], [Readout.TimeToThreshold("y", 0.01)], AnalysisModels.Tight(1));
        Assert.That(Evaluate(experiment)[0], Is.NaN);
    }

    [Test]
    public void InitialValueAndFoldChangeInputs_SetTheRun()
    {
        // y(0) = 3, k = 2 × 0.5 = 1: y(1) = 3/e.
        var settings = AnalysisModels.Tight(1) with { Parameters = new Dictionary<string, double> { ["k"] = 2 } };
        var experiment = new SimulationExperiment(AnalysisModels.Decay, [new InitialValueInput("y"), new ParameterFoldChangeInput("k")], [Readout.ValueAt("y", 1)], settings);
        Assert.That(experiment.InputNames, Is.EqualTo(new[] { "y(0)", "k*" }));
        Assert.That(Evaluate(experiment, 3, 0.5)[0], Is.EqualTo(3 * Math.Exp(-1)).Within(1e-9));
        Assert.That(Evaluate(experiment, 1, 1)[0], Is.EqualTo(Math.Exp(-2)).Within(1e-9), "the evaluator starts every run afresh");
    }

    [Test]
    public void InitialAssignments_FollowTheInputsTheyRead()
    {
        // A(0) = 2·a0 and kk = 2·k by initial assignments; A' = −kk·A, so A(1) = 2·a0·e^{−2k}. Inputs that the
        // initial assignments read make every run recompute them; the others reuse the first run's initial state.
        var model = Sim.Modeling.Compilation.ModelCompiler.Compile(new Sim.Modeling.Networks.ReactionNetworkBuilder("assigned")
            .Compartment("cell", 1)
            .Species("A", 0)
            .Parameter("a0", 1).Parameter("k", 1).Parameter("kk", 0).Parameter("unused", 3)
            .InitialAssignment("A", "2*a0")
            .InitialAssignment("kk", "2*k")
            .Reaction("R", "A =>", "kk*A")
            .Build());
        var read = new SimulationExperiment(model, [new ParameterInput("a0"), new ParameterInput("k")], [Readout.ValueAt("A", 1)], AnalysisModels.Tight(1));
        var notRead = new SimulationExperiment(model, [new ParameterInput("unused")], [Readout.ValueAt("A", 1)], AnalysisModels.Tight(1));

        var evaluator = read.CreateEvaluator();
        var outputs = new double[1];
        foreach (var (a0, k) in new[] { (1.0, 0.5), (3.0, 0.25), (1.0, 0.5) })
        {
            Assert.That(evaluator.TryEvaluate([a0, k], outputs, out _), Is.True);
            Assert.That(outputs[0], Is.EqualTo(2 * a0 * Math.Exp(-2 * k)).Within(1e-9), $"a0 = {a0}, k = {k}");
        }

        Assert.That(Evaluate(notRead, 7)[0], Is.EqualTo(2 * Math.Exp(-2)).Within(1e-9));
        Assert.That(Evaluate(notRead, 8)[0], Is.EqualTo(2 * Math.Exp(-2)).Within(1e-9));
    }

    [Test]
    public void SolverFailure_IsReportedAsAFailure_WithNaNOutputs()
    {
        var settings = AnalysisModels.Tight(1) with { MaxSteps = 3 };
        var experiment = new SimulationExperiment(AnalysisModels.Decay, [new ParameterInput("k")], [Readout.ValueAt("y", 1)], settings);
        var outputs = new double[1];
        bool ok = experiment.CreateEvaluator().TryEvaluate([2.0], outputs, out string? failure);

        Assert.That(ok, Is.False);
        Assert.That(failure, Does.Contain("MaxStepsExceeded").And.Contain("k = 2"));
        Assert.That(outputs[0], Is.NaN);
    }

    [Test]
    public void MemoryPerRun_DoesNotGrowWithTheNumberOfSteps()
    {
        // Readouts are reduced on the fly: a run of ~10,000 steps allocates what a run of ~100 does.
        Readout[] readouts = [Readout.ValueAt("y", 0.5), Readout.Maximum("y"), Readout.Area("y"), Readout.TimeToThreshold("y", 0.9)];
        long Allocated(double maxStep)
        {
            var experiment = new SimulationExperiment(AnalysisModels.Decay, [new ParameterInput("k")], readouts, AnalysisModels.Tight(1) with { MaxStep = maxStep });
            var evaluator = experiment.CreateEvaluator();
            var outputs = new double[readouts.Length];
            evaluator.TryEvaluate([1.0], outputs, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            evaluator.TryEvaluate([1.0], outputs, out _);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long few = Allocated(0.01), many = Allocated(0.0001);
        Assert.That(many - few, Is.LessThan(1024), $"{few} bytes for ~100 steps, {many} for ~10,000");
    }

    [Test]
    public void Misuse_ThrowsWithAClearMessage()
    {
        Assert.That(() => new SimulationExperiment(AnalysisModels.Decay, [new ParameterInput("kk")], [Readout.ValueAt("y", 1)]), Throws.ArgumentException.With.Message.Contains("'kk'"));
        Assert.That(() => new SimulationExperiment(AnalysisModels.Decay, [], [Readout.ValueAt("z", 1)]), Throws.ArgumentException.With.Message.Contains("'z'"));
        Assert.That(() => new SimulationExperiment(AnalysisModels.Decay, [], [Readout.ValueAt("y", 20)], AnalysisModels.Tight(1)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("outside the run"));
        Assert.That(() => Readout.Area("y", 2, 1), Throws.ArgumentException);
    }
}
