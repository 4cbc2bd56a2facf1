using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>Misuse throws an <see cref="ArgumentException"/> whose message says what to change.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class MisuseTests(IOdeSolver solver)
{
    private static readonly IOdeSystem Decay = OdeSystem.Create(2, (t, y, dy) => { dy[0] = -y[0]; dy[1] = -y[1]; });
    private static readonly OdeProblem Problem = new(Decay, 0, 1, [1.0, 1.0]);

    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(OdeSolverOptions.Default with { RelativeTolerance = -1e-6 }, "RelativeTolerance").SetName("negative rtol");
        yield return new TestCaseData(OdeSolverOptions.Default with { RelativeTolerance = 0 }, "RelativeTolerance").SetName("zero rtol");
        yield return new TestCaseData(OdeSolverOptions.Default with { RelativeTolerance = double.NaN }, "RelativeTolerance").SetName("NaN rtol");
        yield return new TestCaseData(OdeSolverOptions.Default with { RelativeTolerance = 1e-17 }, "RelativeTolerance").SetName("rtol below precision");
        yield return new TestCaseData(OdeSolverOptions.Default with { AbsoluteTolerance = double.NaN }, "AbsoluteTolerance").SetName("NaN atol");
        yield return new TestCaseData(OdeSolverOptions.Default with { AbsoluteTolerance = -1 }, "AbsoluteTolerance").SetName("negative atol");
        yield return new TestCaseData(OdeSolverOptions.Default with { AbsoluteTolerances = [1e-8] }, "AbsoluteTolerances").SetName("atol vector of wrong length");
        yield return new TestCaseData(OdeSolverOptions.Default with { AbsoluteTolerances = [1e-8, -1] }, "AbsoluteTolerances[1]").SetName("negative atol component");
        yield return new TestCaseData(OdeSolverOptions.Default with { InitialStep = 0 }, "InitialStep").SetName("zero first step");
        yield return new TestCaseData(OdeSolverOptions.Default with { MaxStep = 0 }, "MaxStep").SetName("zero max step");
        yield return new TestCaseData(OdeSolverOptions.Default with { MaxSteps = 0 }, "MaxSteps").SetName("zero max steps");
        yield return new TestCaseData(OdeSolverOptions.Default with { OutputTimes = [0.5, 0.2] }, "ascending").SetName("unsorted output times");
        yield return new TestCaseData(OdeSolverOptions.Default with { OutputTimes = [0.5, 2] }, "outside").SetName("output time after the end");
        yield return new TestCaseData(OdeSolverOptions.Default with { EventTimeTolerance = 0 }, "EventTimeTolerance").SetName("zero event tolerance");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void InvalidOptions_ThrowWithAMessageNamingTheOption(OdeSolverOptions options, string expectedInMessage)
    {
        var ex = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => solver.CreateIntegrator(Problem, options));
        Assert.That(ex!.Message, Does.Contain(expectedInMessage));
    }

    [Test]
    public void InitialStateOfWrongLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new OdeProblem(Decay, 0, 1, [1.0]));
        Assert.That(ex!.Message, Does.Contain("dimension 2"));
    }

    [Test]
    public void NaNInitialValue_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new OdeProblem(Decay, 0, 1, [1.0, double.NaN]));
        Assert.That(ex!.Message, Does.Contain("Initial value 1"));
    }

    [Test]
    public void EndTimeEqualToStartTime_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new OdeProblem(Decay, 2, 2, [1.0, 1.0]));
        Assert.That(ex!.Message, Does.Contain("greater than the start time"));
    }

    [Test]
    public void InterpolationOutsideTheLastStep_Throws()
    {
        var integrator = solver.CreateIntegrator(Problem);
        integrator.Step();
        var y = new double[2];
        Assert.Throws<ArgumentOutOfRangeException>(() => integrator.Interpolate(integrator.Time + 1, y));
        Assert.Throws<ArgumentException>(() => integrator.Interpolate(integrator.Time, new double[3]));
    }

    [Test]
    public void InterpolatingASolutionWithoutDenseOutput_Throws()
    {
        var solution = solver.CreateIntegrator(Problem).Solve();
        var ex = Assert.Throws<InvalidOperationException>(() => solution.Interpolate(0.5));
        Assert.That(ex!.Message, Does.Contain("DenseOutput"));
    }

    [Test]
    public void SpanBelowTheResolutionOfTime_IsRefused()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0]);

        // ulp(1e17) = 16: the span [1e17, 1e17 + 1000] is about 62 representable steps wide.
        var ex = Assert.Throws<ArgumentException>(() => _ = new OdeProblem(system, 1e17, 1e17 + 1000, [1.0]));
        Assert.That(ex!.Message, Does.Contain("Shift the time origin"));
    }
}
