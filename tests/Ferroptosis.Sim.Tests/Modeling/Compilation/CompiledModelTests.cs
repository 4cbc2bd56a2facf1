using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>The compiled right-hand side equals an independent interpretation of the network; the analytic Jacobian equals finite differences.</summary>
public sealed class CompiledModelTests
{
    [TestCaseSource(typeof(TestNetworks), nameof(TestNetworks.All))]
    public void CompiledRhs_EqualsInterpretedSemantics_OnRandomStatesAndParameters(ReactionNetwork network)
    {
        var model = ModelCompiler.Compile(network);
        var random = new Random(12345);
        for (int trial = 0; trial < 50; trial++)
        {
            var instance = model.CreateInstance();
            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in network.Parameters.Where(p => model.IndexOfParameter(p.Id) >= 0))
            {
                double value = p.Value * (0.5 + random.NextDouble());
                instance.SetParameter(p.Id, value);
                parameters[p.Id] = value;
            }

            double t = 10 * random.NextDouble();
            var y = model.StateIds.Select(_ => 0.05 + (2 * random.NextDouble())).ToArray();
            var state = model.StateIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => y[x.k], StringComparer.Ordinal);
            var expected = ReferenceSemantics.Derivatives(network, t, state, parameters);
            var dydt = new double[model.Dimension];
            instance.Evaluate(t, y, dydt);
            for (int k = 0; k < dydt.Length; k++)
            {
                double e = expected[model.StateIds[k]];
                Assert.That(dydt[k], Is.EqualTo(e).Within(1e-12 * Math.Max(1, Math.Abs(e))), $"d{model.StateIds[k]}/dt, trial {trial}");
            }
        }
    }

    [TestCaseSource(typeof(TestNetworks), nameof(TestNetworks.All))]
    public void AnalyticJacobian_EqualsCentralDifferences(ReactionNetwork network)
    {
        var model = ModelCompiler.Compile(network);
        var instance = model.CreateInstance();
        var random = new Random(777);
        int n = model.Dimension;
        for (int trial = 0; trial < 20; trial++)
        {
            double t = 10 * random.NextDouble();
            var y = Enumerable.Range(0, n).Select(_ => 0.2 + (2 * random.NextDouble())).ToArray();
            var jacobian = new double[n * n];
            instance.EvaluateJacobian(t, y, jacobian);
            var plus = new double[n];
            var minus = new double[n];
            for (int j = 0; j < n; j++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(y[j]));
                var yp = (double[])y.Clone();
                var ym = (double[])y.Clone();
                yp[j] += h;
                ym[j] -= h;
                instance.Evaluate(t, yp, plus);
                instance.Evaluate(t, ym, minus);
                for (int i = 0; i < n; i++)
                {
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    Assert.That(jacobian[(i * n) + j], Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"J[{model.StateIds[i]}, {model.StateIds[j]}], trial {trial}");
                }
            }
        }
    }

    [Test]
    public void StructuralZeros_AreNotCompiled()
    {
        var model = ModelCompiler.Compile(TestNetworks.MassAction());
        // A, B, C, D: D depends on nothing (no entries in its column), and nothing depends on D.
        Assert.That(model.JacobianNonZeros, Is.LessThan(model.Dimension * model.Dimension));
        Assert.That(model.JacobianNonZeros, Is.EqualTo(10));
    }

    [Test]
    public void ParametersChange_WithoutRecompiling_AndInstancesAreIndependent()
    {
        var model = ModelCompiler.Compile(TestNetworks.MassAction());
        var a = model.CreateInstance();
        var b = model.CreateInstance();
        b.SetParameter("k2", 0);
        var y = model.InitialState();
        y[model.IndexOfState("C")] = 1;
        var da = new double[4];
        var db = new double[4];
        a.Evaluate(0, y, da);
        b.Evaluate(0, y, db);
        Assert.That(da[model.IndexOfState("D")], Is.EqualTo(2 * 0.7));
        Assert.That(db[model.IndexOfState("D")], Is.EqualTo(0));
    }

    [Test]
    public void HoistedParameterValues_FollowEveryWriteToTheParameterVector()
    {
        // K^n of the Hill law depends on parameters only and is computed when they change, however they are changed:
        // SetParameter, a write through the Parameters span, Reset.
        var model = ModelCompiler.Compile(TestNetworks.HillPiecewise());
        Assert.That(model.HoistedCount, Is.GreaterThan(0));
        var instance = model.CreateInstance();
        var y = model.InitialState();
        var dydt = new double[model.Dimension];
        var jacobian = new double[model.Dimension * model.Dimension];
        var fresh = new double[model.Dimension];
        var freshJacobian = new double[model.Dimension * model.Dimension];
        void AssertAsFresh(string what)
        {
            var reference = model.CreateInstance();
            instance.Parameters.CopyTo(reference.Parameters);
            instance.Evaluate(1, y, dydt);
            instance.EvaluateJacobian(1, y, jacobian);
            reference.Evaluate(1, y, fresh);
            reference.EvaluateJacobian(1, y, freshJacobian);
            Assert.That(dydt, Is.EqualTo(fresh), what);
            Assert.That(jacobian, Is.EqualTo(freshJacobian), what);
        }

        instance.Evaluate(1, y, dydt);
        double before = dydt[model.IndexOfState("Y")];
        instance.SetParameter("K", 2.5);
        AssertAsFresh("after SetParameter");
        Assert.That(dydt[model.IndexOfState("Y")], Is.Not.EqualTo(before));
        instance.Parameters[model.IndexOfParameter("n")] = 1.7;
        AssertAsFresh("after a write to Parameters");
        instance.Reset();
        AssertAsFresh("after Reset");
        Assert.That(dydt[model.IndexOfState("Y")], Is.EqualTo(before));
    }

    [Test]
    public void UnknownParameter_GetsASuggestion()
    {
        var instance = ModelCompiler.Compile(TestNetworks.MassAction()).CreateInstance();
        var ex = Assert.Throws<ArgumentException>(() => instance.SetParameter("k3", 1));
        Assert.That(ex!.Message, Does.Contain("'k3' is not a parameter of model 'mass_action'; did you mean 'k2', 'kf' or 'kr'?"));
    }

    [Test]
    public void InitialConcentrations_BecomeAmounts_InCompartmentsOfOtherSizes()
    {
        var model = ModelCompiler.Compile(TestNetworks.MichaelisMentenTwoCompartments());
        var y0 = model.InitialState();
        Assert.That(y0[model.IndexOfState("S")], Is.EqualTo(3.0 * 2.0), "3 concentration units in a volume of 2");
    }

    [Test]
    public void ZeroAllocation_PerRightHandSideAndJacobianEvaluation()
    {
        var model = ModelCompiler.Compile(TestNetworks.RulesAndFunctions());
        var instance = model.CreateInstance();
        var y = model.InitialState();
        var dydt = new double[model.Dimension];
        var jacobian = new double[model.Dimension * model.Dimension];
        for (int i = 0; i < 10; i++)
        {
            instance.Evaluate(0.5, y, dydt);
            instance.EvaluateJacobian(0.5, y, jacobian);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            instance.Evaluate(0.5, y, dydt);
            instance.EvaluateJacobian(0.5, y, jacobian);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
