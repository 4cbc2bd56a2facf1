using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>The compiled derivatives ∂f/∂p of the right-hand side (used by forward sensitivities) against central differences in the parameter vector.</summary>
public sealed class ParameterJacobianTests
{
    [TestCaseSource(typeof(TestNetworks), nameof(TestNetworks.All))]
    public void ParameterJacobian_EqualsCentralDifferences(ReactionNetwork network)
    {
        var model = ModelCompiler.Compile(network);
        var derivatives = model.ParameterJacobian;
        var instance = model.CreateInstance();
        var random = new Random(31);
        int n = model.Dimension, m = model.ParameterIds.Count;
        var plus = new double[n];
        var minus = new double[n];
        for (int trial = 0; trial < 10; trial++)
        {
            double t = 10 * random.NextDouble();
            var y = Enumerable.Range(0, n).Select(_ => 0.2 + (2 * random.NextDouble())).ToArray();
            var analytic = new double[n, m];
            var values = new double[derivatives.Count];
            derivatives.Kernel(instance.LoadInputs(t, y), values);
            for (int e = 0; e < values.Length; e++)
            {
                analytic[derivatives.Rows[e], derivatives.Columns[e]] = values[e];
            }

            for (int j = 0; j < m; j++)
            {
                double p = instance.Parameters[j];
                double h = 1e-6 * Math.Max(1, Math.Abs(p));
                instance.Parameters[j] = p + h;
                instance.Evaluate(t, y, plus);
                instance.Parameters[j] = p - h;
                instance.Evaluate(t, y, minus);
                instance.Parameters[j] = p;
                for (int i = 0; i < n; i++)
                {
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    Assert.That(analytic[i, j], Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"∂f[{model.StateIds[i]}]/∂{model.ParameterIds[j]}, trial {trial}");
                }
            }
        }
    }

    [Test]
    public void StructuralZeros_AreNotCompiled_AndTheProgramIsCompiledOnce()
    {
        // A + B <-> C (kf, kr), C => 2 D (k2): f_A depends on kf and kr only, f_D on k2 only.
        var model = ModelCompiler.Compile(TestNetworks.MassAction());
        var derivatives = model.ParameterJacobian;
        var pairs = Enumerable.Range(0, derivatives.Count).Select(e => (model.StateIds[derivatives.Rows[e]], model.ParameterIds[derivatives.Columns[e]])).ToHashSet();

        Assert.That(pairs, Does.Contain(("A", "kf")).And.Contain(("A", "kr")).And.Contain(("D", "k2")));
        Assert.That(pairs, Does.Not.Contain(("A", "k2")).And.Not.Contain(("D", "kf")));
        Assert.That(model.ParameterJacobian, Is.SameAs(derivatives));
    }
}
