using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>Delay differential equations (<c>delay(x, τ)</c>) against solutions known in closed form or from the literature.</summary>
public sealed class DelayEquationTests
{
    private static readonly IOdeSolver[] Solvers = [OdeSolvers.DormandPrince5, OdeSolvers.Tsit5, OdeSolvers.Verner7, OdeSolvers.Rodas5P, OdeSolvers.Bdf, OdeSolvers.Auto];

    /// <summary>y′(t) = −y(t − 1), y = 1 for t ≤ 0, solved by the method of steps: on [n − 1, n], y(t) = Σ_{k=0}^{n} (−1)^k (t − k + 1)^k / k!.</summary>
    private static double LinearExact(double t)
    {
        double sum = 0;
        double factorial = 1;
        for (int k = 0; t - k + 1 > 0; k++)
        {
            factorial *= Math.Max(k, 1);
            sum += (k % 2 == 0 ? 1 : -1) * Math.Pow(t - k + 1, k) / factorial;
        }

        return sum;
    }

    private static ReactionNetwork Linear(string delay = "1") =>
        new ReactionNetworkBuilder("linear_dde")
            .Parameter("y", 1, isConstant: false)
            .RateRule("y", $"-delay(y, {delay})")
            .Build();

    private static SimulationResult Run(ReactionNetwork network, double end, int points, double rtol, IOdeSolver? solver = null, string output = "y")
    {
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings
        {
            EndTime = end,
            OutputPoints = points,
            Outputs = [output],
            RelativeTolerance = rtol,
            AbsoluteTolerance = rtol * 1e-2,
            Solver = solver ?? OdeSolvers.DormandPrince5,
        });
        Assert.That(result.IsSuccess, result.Message);
        return result;
    }

    [Test]
    public void ExactSolution_IsThePiecewisePolynomialOfTheMethodOfSteps()
    {
        // The closed form itself: 1 − t on [0, 1], 1 − t + (t − 1)²/2 on [1, 2], and one more term per unit interval.
        Assert.That(LinearExact(0.5), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(LinearExact(1.5), Is.EqualTo(1 - 1.5 + (0.25 / 2)).Within(1e-15));
        Assert.That(LinearExact(2.5), Is.EqualTo(1 - 2.5 + (1.5 * 1.5 / 2) - (0.125 / 6)).Within(1e-15));
    }

    [TestCaseSource(nameof(Solvers))]
    public void LinearDelayEquation_MatchesTheMethodOfStepsPolynomials(IOdeSolver solver)
    {
        var result = Run(Linear(), end: 6, points: 61, rtol: 1e-10, solver);
        var y = result.GetColumn("y");
        for (int i = 0; i < y.Length; i++)
        {
            double t = result.Times[i];
            Assert.That(y[i], Is.EqualTo(LinearExact(t)).Within(1e-7), $"{solver.Name} at t = {t}");
        }
    }

    [Test]
    public void LinearDelayEquation_ErrorFallsAsTheToleranceTightens()
    {
        // Work–precision: the largest error over [0, 10] at rtol 1e-4, 1e-6, 1e-8, 1e-10 falls each time and ends small.
        double[] tolerances = [1e-4, 1e-6, 1e-8, 1e-10];
        var errors = new double[tolerances.Length];
        for (int k = 0; k < tolerances.Length; k++)
        {
            var result = Run(Linear(), end: 10, points: 201, rtol: tolerances[k]);
            var y = result.GetColumn("y");
            var times = result.Times.ToArray();
            errors[k] = Enumerable.Range(0, y.Length).Max(i => Math.Abs(y[i] - LinearExact(times[i])));
            TestContext.Progress.WriteLine($"rtol {tolerances[k]:E0}: max error {errors[k]:E2}");
        }

        for (int k = 1; k < errors.Length; k++)
        {
            Assert.That(errors[k], Is.LessThan(errors[k - 1] / 10), $"rtol {tolerances[k]:E0} against {tolerances[k - 1]:E0}");
        }

        Assert.That(errors[^1], Is.LessThan(1e-8));
    }

    [Test]
    public void DelayGivenByAParameter_IsTheSameEquation()
    {
        var network = new ReactionNetworkBuilder("parameter_delay")
            .Parameter("tau", 1)
            .Parameter("y", 1, isConstant: false)
            .RateRule("y", "-delay(y, tau)")
            .Build();
        var result = Run(network, end: 4, points: 41, rtol: 1e-10);
        Assert.That(result.GetColumn("y"), Is.EqualTo(result.Times.ToArray().Select(LinearExact).ToArray()).Within(1e-7));
    }

    [Test]
    public void TimeDependentDelay_SolvesThePantographEquation()
    {
        // y′(t) = y(t/2), y(0) = 1 (the delay τ = t/2 grows with time): y(t) = Σ t^n / (n! · 2^{n(n−1)/2}).
        var network = new ReactionNetworkBuilder("pantograph")
            .Parameter("y", 1, isConstant: false)
            .RateRule("y", "delay(y, time / 2)")
            .Build();
        var result = Run(network, end: 3, points: 31, rtol: 1e-10);
        var y = result.GetColumn("y");
        for (int i = 0; i < y.Length; i++)
        {
            double t = result.Times[i];
            double exact = 0;
            double term = 1;
            for (int n = 0; n < 30; n++)
            {
                exact += term / Math.Pow(2, n * (n - 1) / 2.0);
                term *= t / (n + 1);
            }

            Assert.That(y[i], Is.EqualTo(exact).Within(1e-7 * exact), $"t = {t}");
        }
    }

    [Test]
    public void AssignmentRuleOfTime_IsDelayedByItsFormula_EvenBeforeTheStart()
    {
        // x = sin(10 t), y = delay(x, 0.2): y(t) = sin(10 (t − 0.2)) for every t, the formula holding before t = 0 too.
        var network = new ReactionNetworkBuilder("delayed_rule")
            .Parameter("x", 0, isConstant: false).Parameter("y", 0, isConstant: false)
            .AssignmentRule("x", "sin(10 * time)")
            .AssignmentRule("y", "delay(x, 0.2)")
            .Build();
        var result = Run(network, end: 1, points: 21, rtol: 1e-8);
        Assert.That(result.GetColumn("y"), Is.EqualTo(result.Times.ToArray().Select(t => Math.Sin(10 * (t - 0.2))).ToArray()).Within(1e-12));
    }

    [Test]
    public void BreakingPoints_OfConstantDelays_AreTheirSumsUpToTheMethodOrder()
    {
        // The derivative of y jumps at t = 0 (the history is constant, y′(0+) = −1) and one order higher at each further τ.
        var network = new ReactionNetworkBuilder("two_delays")
            .Parameter("y", 1, isConstant: false)
            .RateRule("y", "-delay(y, 0.75) - delay(y, 2)")
            .Build();
        var instance = ModelCompiler.Compile(network).CreateInstance();
        var y0 = instance.ComputeInitialState();
        var (events, maxStep) = DelaySteps.Plan(instance, 0, y0, 3, double.PositiveInfinity);
        Assert.That(maxStep, Is.EqualTo(0.75), "steps no longer than the shortest delay read only accepted steps");
        Assert.That(events, Has.Length.EqualTo(1));
        Assert.That(events[0].Times, Is.EqualTo(new[] { 0.75, 1.5, 2, 2.25, 2.75 }).Within(1e-12));
    }

    [Test]
    public void DelayedLogistic_Oscillates_WithPeriodNearFourDelays()
    {
        // Hutchinson's equation N′ = r N (1 − N(t − τ)/K): the equilibrium K loses stability at rτ = π/2 to a limit cycle
        // whose period is close to 4τ just beyond it (Murray, Mathematical Biology I, 3rd ed., 2002, §1.4; at the Hopf point
        // the linearisation u′ = −r u(t − τ) has the roots ±iπ/(2τ)). Here rτ = 1.65 and τ = 2.
        const double tau = 2;
        const double r = 1.65 / tau;
        var network = new ReactionNetworkBuilder("hutchinson")
            .Parameter("N", 0.5, isConstant: false)
            .RateRule("N", $"{r.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} * N * (1 - delay(N, {tau}))")
            .Build();
        var result = Run(network, end: 400, points: 40001, rtol: 1e-8, OdeSolvers.Auto, output: "N");
        var n = result.GetColumn("N");
        var times = result.Times.ToArray();

        // Late maxima (after the transient), located by a parabola through each sampled peak.
        var peaks = new List<double>();
        for (int i = 1; i < n.Length - 1; i++)
        {
            if (times[i] > 200 && n[i] > n[i - 1] && n[i] >= n[i + 1])
            {
                double h = times[i] - times[i - 1];
                double denominator = n[i - 1] - (2 * n[i]) + n[i + 1];
                peaks.Add(times[i] + (h * (n[i - 1] - n[i + 1]) / (2 * denominator)));
            }
        }

        Assert.That(peaks, Has.Count.GreaterThan(10), "a sustained oscillation");
        var periods = peaks.Zip(peaks.Skip(1), (a, b) => b - a).ToArray();
        double period = periods.Average();
        var late = n.Where((_, i) => times[i] > 200).ToArray();
        double peakToPeak = late.Max() - late.Min();

        // With N = K(1 + y) and time in units of τ this is Wright's equation y′ = −α y(t − 1)(1 + y), α = rτ, whose Hopf
        // analysis (Hassard, Kazarinoff & Wan, Theory and Applications of Hopf Bifurcation, 1981) gives the periodic
        // solution y ≈ A cos(πt/2) with A² = 40(α − π/2)/(3π − 2) just beyond α = π/2.
        double alpha = r * tau;
        double hopfAmplitude = Math.Sqrt(40 * (alpha - (Math.PI / 2)) / ((3 * Math.PI) - 2));
        TestContext.Progress.WriteLine($"period {period:F4} (4τ = {4 * tau}), spread {periods.Max() - periods.Min():E2}, peak to peak {peakToPeak:F4} (Hopf {2 * hopfAmplitude:F4})");
        Assert.That(periods.Max() - periods.Min(), Is.LessThan(1e-3 * period), "a limit cycle: every period the same");
        Assert.That(period, Is.EqualTo(4 * tau).Within(0.05 * 4 * tau));
        Assert.That(period, Is.GreaterThan(4 * tau), "beyond the Hopf point the period lengthens");
        Assert.That(peakToPeak, Is.EqualTo(2 * hopfAmplitude).Within(0.05 * 2 * hopfAmplitude));
    }

    [Test]
    public void DelayedLogistic_BelowTheHopfPoint_SettlesAtTheCarryingCapacity()
    {
        // rτ = 1.2 < π/2: damped oscillations towards K = 1.
        var network = new ReactionNetworkBuilder("hutchinson_stable")
            .Parameter("N", 0.5, isConstant: false)
            .RateRule("N", "0.6 * N * (1 - delay(N, 2))")
            .Build();
        var result = Run(network, end: 300, points: 301, rtol: 1e-8, OdeSolvers.Auto, output: "N");
        Assert.That(result.GetColumn("N")[^1], Is.EqualTo(1).Within(1e-5));
    }

    [Test]
    public void SbmlRoundTrip_KeepsTheDelayCsymbol()
    {
        string xml = Ferroptosis.Sim.Formats.Sbml.SbmlWriter.ToXml(Linear());
        Assert.That(xml, Does.Contain("http://www.sbml.org/sbml/symbols/delay"));
        var reread = Ferroptosis.Sim.Formats.Sbml.SbmlReader.Parse(xml).Network;
        var result = Run(reread, end: 3, points: 31, rtol: 1e-10);
        Assert.That(result.GetColumn("y"), Is.EqualTo(result.Times.ToArray().Select(LinearExact).ToArray()).Within(1e-7));
    }

    [Test]
    public void NestedDelay_IsRefusedByName()
    {
        var network = new ReactionNetworkBuilder("nested")
            .Parameter("y", 1, isConstant: false)
            .RateRule("y", "-delay(delay(y, 1), 1)")
            .Build();
        Assert.That(() => ModelCompiler.Compile(network), Throws.InstanceOf<NotSupportedException>().With.Message.Contain("nested csymbol delay"));
    }

    [Test]
    public void PlainKernel_RefusesDelay_AndTheInterpreterReadsThePresent()
    {
        var delayed = Ferroptosis.Sim.Modeling.Expressions.Expr.Parse("delay(x, 1) + 1");
        Assert.That(() => Ferroptosis.Sim.Modeling.Expressions.ExpressionCompiler.Compile([delayed], new Dictionary<string, int> { ["x"] = 0 }), Throws.InvalidOperationException);
        Assert.That(delayed.Evaluate(_ => 2.0), Is.EqualTo(3.0));
    }

    [Test]
    public void Antimony_DelayFunction_IsTheSameEquation()
    {
        var network = Ferroptosis.Sim.Formats.Antimony.AntimonyReader.Read("""
            model linear
              y' = -delay(y, 1)
              y = 1
            end
            """);
        var result = Run(network, end: 3, points: 31, rtol: 1e-10);
        Assert.That(result.GetColumn("y"), Is.EqualTo(result.Times.ToArray().Select(LinearExact).ToArray()).Within(1e-7));
    }

    [Test]
    public void AnalysesWithoutAHistory_RefuseADelayModel()
    {
        var model = ModelCompiler.Compile(Linear());
        Assert.That(model.HasDelays);
        Assert.That(() => Ferroptosis.Sim.Analysis.LocalSensitivity.Compute(model), Throws.InstanceOf<NotSupportedException>().With.Message.Contain("reads its past"));
    }
}
