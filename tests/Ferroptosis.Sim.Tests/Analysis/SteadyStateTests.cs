using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Steady states against closed-form equilibria, with their eigenvalues; singular and unstable cases give a status and a message.</summary>
public sealed class SteadyStateTests
{
    private const double Kf = 2.0, Kr = 0.3;

    /// <summary>A + B ⇌ C from A = 1, B = 0.5, C = 0: conservation A + C = 1, B + C = 1/2.</summary>
    private static CompiledModel Binding() => ModelCompiler.Compile(new ReactionNetworkBuilder("binding")
        .Compartment("cell", 1)
        .Species("A", 1.0).Species("B", 0.5).Species("C", 0)
        .Parameter("kf", Kf).Parameter("kr", Kr)
        .Reaction("bind", "A + B -> C", "kf*A*B - kr*C")
        .Build());

    private static CompiledModel RateRules(string xRule, string? yRule, double x0, double y0 = 0)
    {
        var builder = new ReactionNetworkBuilder("rules").Parameter("x", x0, isConstant: false).RateRule("x", xRule);
        if (yRule is not null)
        {
            builder.Parameter("y", y0, isConstant: false).RateRule("y", yRule);
        }

        return ModelCompiler.Compile(builder.Build());
    }

    /// <summary>kf(1 − C)(1/2 − C) = kr C, the root in [0, 1/2].</summary>
    private static double ExactC() => ((1.5 * Kf) + Kr - Math.Sqrt((((1.5 * Kf) + Kr) * ((1.5 * Kf) + Kr)) - (2 * Kf * Kf))) / (2 * Kf);

    [Test]
    public void BindingEquilibrium_WithConservation_MatchesTheClosedForm_AndIsStable()
    {
        var result = SteadyState.Find(Binding());
        double c = ExactC();

        Assert.That(result.Status, Is.EqualTo(SteadyStateStatus.Converged), result.Message);
        Assert.That(result["C"], Is.EqualTo(c).Within(1e-10));
        Assert.That(result["A"], Is.EqualTo(1 - c).Within(1e-10));
        Assert.That(result["B"], Is.EqualTo(0.5 - c).Within(1e-10));
        Assert.That(result.ConservationLaws, Has.Count.EqualTo(2));

        // One independent variable: dC/dt = kf(1 − C)(1/2 − C) − kr C has slope −kf(A + B) − kr.
        Assert.That(result.Eigenvalues, Has.Count.EqualTo(1));
        Assert.That(result.Eigenvalues[0].Real, Is.EqualTo((-Kf * ((1 - c) + (0.5 - c))) - Kr).Within(1e-9));
        Assert.That(result.Eigenvalues[0].Imaginary, Is.Zero);
        Assert.That(result.Stability, Is.EqualTo(SteadyStateStability.Stable));
        Assert.That(result.Message, Does.Contain("stable"));
    }

    [Test]
    public void IntegrationFallback_ReachesTheSameEquilibrium()
    {
        var result = SteadyState.Find(Binding(), new SteadyStateOptions { MaxNewtonIterations = 0 });
        Assert.That(result.Status, Is.EqualTo(SteadyStateStatus.Converged), result.Message);
        Assert.That(result.IntegrationTime, Is.GreaterThan(0));
        Assert.That(result["C"], Is.EqualTo(ExactC()).Within(1e-8));
    }

    [Test]
    public void OptionsChangeParametersAndTotals()
    {
        // kr = 0 binds completely: C = min(A0, B0) = 0.5 with A0 = 2.
        var result = SteadyState.Find(Binding(), new SteadyStateOptions { Parameters = new Dictionary<string, double> { ["kr"] = 0 }, InitialValues = new Dictionary<string, double> { ["A"] = 2 } });
        Assert.That(result.IsConverged, Is.True, result.Message);
        Assert.That(result["C"], Is.EqualTo(0.5).Within(1e-8));
        for (int law = 0; law < result.ConservationLaws.Count; law++)
        {
            double total = result.ConservationLaws[law].Coefficients.Sum(c => c.Value * result[c.Key]);
            Assert.That(total, Is.EqualTo(result.ConservedTotals[law]).Within(1e-12), "the steady state keeps the totals of the start");
        }
    }

    [Test]
    public void UnstableSteadyState_IsFound_AndReportedUnstable()
    {
        // x' = x − x³ has x = 0 (eigenvalue +1) and x = ±1 (eigenvalue −2); Newton from 0.1 goes to 0.
        var unstable = SteadyState.Find(RateRules("x - x^3", null, 0.1));
        Assert.That(unstable.Status, Is.EqualTo(SteadyStateStatus.Converged), unstable.Message);
        Assert.That(unstable["x"], Is.EqualTo(0).Within(1e-12));
        Assert.That(unstable.Eigenvalues[0].Real, Is.EqualTo(1).Within(1e-12));
        Assert.That(unstable.Stability, Is.EqualTo(SteadyStateStability.Unstable));
        Assert.That(unstable.Message, Does.Contain("unstable"));

        var stable = SteadyState.Find(RateRules("x - x^3", null, 0.9));
        Assert.That(stable["x"], Is.EqualTo(1).Within(1e-12));
        Assert.That(stable.Eigenvalues[0].Real, Is.EqualTo(-2).Within(1e-10));
    }

    [Test]
    public void Centre_HasImaginaryEigenvalues_AndIsMarginal()
    {
        // x' = y, y' = −x: equilibrium at 0 with eigenvalues ±i.
        var result = SteadyState.Find(RateRules("y", "-x", 1, 0));
        Assert.That(result.Status, Is.EqualTo(SteadyStateStatus.Converged), result.Message);
        Assert.That(result.Eigenvalues.Select(z => Math.Abs(z.Imaginary)), Is.All.EqualTo(1).Within(1e-12));
        Assert.That(result.Stability, Is.EqualTo(SteadyStateStability.Marginal));
    }

    [Test]
    public void HiddenConservationLaw_GivesSingularJacobian_WithAMessage()
    {
        // x' = y − x, y' = x − y conserve x + y, which no stoichiometry shows: every point x = y is a steady state.
        var result = SteadyState.Find(RateRules("y - x", "x - y", 1, 0));

        Assert.That(result.Status, Is.EqualTo(SteadyStateStatus.SingularJacobian));
        Assert.That(result.Message, Does.Contain("singular").And.Contain("not isolated"));
        Assert.That(result["x"], Is.EqualTo(0.5).Within(1e-9), "integration still brings it to the equilibrium on its line");
        Assert.That(result.Stability, Is.Not.EqualTo(SteadyStateStability.Stable));
    }

    [Test]
    public void NoSteadyState_GivesAStatus_NotAnException()
    {
        // x' = 1 has no steady state (and a zero Jacobian).
        var result = SteadyState.Find(RateRules("1", null, 0), new SteadyStateOptions { MaxIntegrationTime = 1e3 });
        Assert.That(result.IsConverged, Is.False);
        Assert.That(result.Status, Is.EqualTo(SteadyStateStatus.SingularJacobian));
        Assert.That(result.Message, Does.Contain("did not reach a steady state"));
    }
}
