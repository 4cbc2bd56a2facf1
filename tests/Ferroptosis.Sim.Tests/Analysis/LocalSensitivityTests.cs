using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.Modeling.Compilation;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Forward sensitivities against closed-form derivatives and against finite differences of full simulations.</summary>
public sealed class LocalSensitivityTests
{
    [Test]
    public void Decay_SensitivitiesMatchTheAnalyticDerivatives()
    {
        // y = y0 e^{−kt}: ∂y/∂k = −t y0 e^{−kt}, ∂y/∂y0 = e^{−kt}, (k/y)∂y/∂k = −kt.
        const double k = 0.7, y0 = 2.0;
        var settings = AnalysisModels.Tight(3) with
        {
            OutputTimes = [0, 0.5, 1, 2, 3],
            Parameters = new Dictionary<string, double> { ["k"] = k },
            InitialValues = new Dictionary<string, double> { ["y"] = y0 },
        };
        var s = LocalSensitivity.Compute(AnalysisModels.Decay, settings, initialValues: ["y"]);

        Assert.That(s.IsSuccess, Is.True, s.Message);
        Assert.That(s.Parameters, Is.EqualTo(new[] { "cell", "k", "y(0)" }), "by default every parameter the right-hand side uses");
        for (int i = 0; i < s.Times.Count; i++)
        {
            double t = s.Times[i];
            Assert.That(s.Value(i, "y"), Is.EqualTo(y0 * Math.Exp(-k * t)).Within(1e-9));
            Assert.That(s.Sensitivity(i, "y", "k"), Is.EqualTo(-t * y0 * Math.Exp(-k * t)).Within(1e-9), $"t = {t}");
            Assert.That(s.Sensitivity(i, "y", "y(0)"), Is.EqualTo(Math.Exp(-k * t)).Within(1e-9), $"t = {t}");
            Assert.That(s.Normalized(i, "y", "k"), Is.EqualTo(-k * t).Within(1e-8));
            Assert.That(s.Normalized(i, "y", "y(0)"), Is.EqualTo(1).Within(1e-8));

            // The concentration obeys y' = −(k/cell)·y (the rate k·y is an amount per time), so ∂y/∂cell = kt·y at cell = 1.
            Assert.That(s.Sensitivity(i, "y", "cell"), Is.EqualTo(k * t * y0 * Math.Exp(-k * t)).Within(1e-8), $"t = {t}");
        }

        var ranking = LocalSensitivity.Compute(AnalysisModels.Decay, settings, ["k"], ["y"]).Rank("y");
        Assert.That(ranking.Select(r => r.Parameter), Is.EqualTo(new[] { "k", "y(0)" }), "|−kt| = 2.1 at t = 3 beats the constant 1 of y(0)");
        Assert.That(ranking[0].PeakTime, Is.EqualTo(3));
        Assert.That(ranking[0].PeakCoefficient, Is.EqualTo(-2.1).Within(1e-8));
    }

    [Test]
    public void NonlinearTwoCompartmentModel_AgreesWithCentralDifferencesOfSimulations()
    {
        // Michaelis–Menten in a cytosol of size 2, transport to a nucleus of size 0.5: sensitivities to rate
        // constants, to compartment sizes (which also change the initial amounts) and to an initial value.
        var model = ModelCompiler.Compile(TestNetworks.MichaelisMentenTwoCompartments());
        double[] times = [0.5, 1, 2, 4];
        var settings = new SimulationSettings { EndTime = 4, OutputTimes = times, RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14, Solver = OdeSolvers.DormandPrince5, Outputs = ["S", "P", "Pn"] };
        var s = LocalSensitivity.Compute(model, settings, ["kcat", "Km", "kt", "cyt", "nuc"], ["S"]);
        Assert.That(s.IsSuccess, Is.True, s.Message);

        foreach (string parameter in s.Parameters)
        {
            bool initial = parameter.EndsWith("(0)", StringComparison.Ordinal);
            string id = initial ? parameter[..^3] : parameter;
            double value = s.ParameterValues[s.Parameters.ToList().IndexOf(parameter)];
            double h = 1e-4 * value;
            SimulationResult Run(double v) => Simulator.Simulate(model, settings with
            {
                Parameters = initial ? null : new Dictionary<string, double> { [id] = v },
                InitialValues = initial ? new Dictionary<string, double> { [id] = v } : null,
            });
            var plus = Run(value + h);
            var minus = Run(value - h);
            foreach (string output in s.Outputs)
            {
                double[] fd = [.. plus.GetColumn(output).Zip(minus.GetColumn(output), (a, b) => (a - b) / (2 * h))];
                double[] forward = s.GetSensitivity(output, parameter);
                for (int i = 0; i < times.Length; i++)
                {
                    // Central differences err by O(h²) ≈ 1e-8 relative, plus solver noise ≈ 1e-12/h.
                    Assert.That(forward[i], Is.EqualTo(fd[i]).Within(1e-6 * (1 + Math.Abs(fd[i]))), $"∂{output}/∂{parameter} at t = {times[i]}");
                }
            }
        }
    }

    [Test]
    public void AugmentedRightHandSide_DoesNotAllocate()
    {
        var model = ModelCompiler.Compile(TestNetworks.MichaelisMentenTwoCompartments());
        int p = model.ParameterIds.Count;
        (int Theta, double Weight)[][] coupling = [.. Enumerable.Range(0, p).Select(m => new[] { (m, 1.0) })];
        var system = new SensitivitySystem(model.CreateInstance(), coupling, p);
        var z = Enumerable.Range(0, system.Dimension).Select(i => 0.1 + (0.01 * i)).ToArray();
        var dz = new double[system.Dimension];
        system.Evaluate(0.5, z, dz);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            system.Evaluate(0.5, z, dz);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void ModelsWithEvents_AreRejected()
    {
        Assert.That(() => LocalSensitivity.Compute(AnalysisModels.Refill), Throws.ArgumentException.With.Message.Contains("events"));
        Assert.That(() => LocalSensitivity.Compute(AnalysisModels.Decay, null, ["kk"]), Throws.ArgumentException.With.Message.Contains("'kk'"));
    }

    [Test]
    public void CancelledToken_Throws_LikeEveryOtherApiOfTheLibrary()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => LocalSensitivity.Compute(AnalysisModels.Decay, AnalysisModels.Tight(3), cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Simulator.Simulate(AnalysisModels.Decay, AnalysisModels.Tight(3), cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
