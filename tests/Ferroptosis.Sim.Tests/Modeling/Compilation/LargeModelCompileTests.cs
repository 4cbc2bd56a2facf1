using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

[Category("Slow")]
public sealed class LargeModelCompileTests
{
    [Test]
    public void Large_mass_action_models_are_interpreted_with_work_linear_in_size_and_evaluate_the_right_hand_side_and_jacobian()
    {
        // Kernels beyond the compiled-size limit are interpreted, one instruction per graph node: twice the reactions
        // must cost twice the instructions (a quadratic step anywhere in building them would show as 4×).
        var (small, _) = MassAction(20_000);
        var (large, reactions) = MassAction(40_000);
        var smallModel = ModelCompiler.Compile(small);
        var model = ModelCompiler.Compile(large);
        Assert.That(smallModel.InterpretedInstructions, Is.GreaterThan(0), "a 20 000-reaction model is above the compiled-size limit");
        double ratio = (double)model.InterpretedInstructions / smallModel.InterpretedInstructions;
        Assert.That(ratio, Is.InRange(1.9, 2.1), $"{smallModel.InterpretedInstructions} then {model.InterpretedInstructions} instructions");

        // Against the mass-action sums computed directly: dS_a/dt −= k·S_a, dS_b/dt += k·S_a; J[a,a] −= k, J[b,a] += k.
        var random = new Random(3);
        var y = Enumerable.Range(0, model.Dimension).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var expected = new double[model.Dimension];
        var expectedJacobian = new Dictionary<(int, int), double>();
        foreach (var (a, b, k) in reactions)
        {
            int ia = model.IndexOfState("S" + a), ib = model.IndexOfState("S" + b);
            double rate = k * y[ia];
            expected[ia] -= rate;
            expected[ib] += rate;
            expectedJacobian[(ia, ia)] = expectedJacobian.GetValueOrDefault((ia, ia)) - k;
            expectedJacobian[(ib, ia)] = expectedJacobian.GetValueOrDefault((ib, ia)) + k;
        }

        var dydt = new double[model.Dimension];
        model.Evaluate(0, y, dydt);
        for (int i = 0; i < dydt.Length; i++)
        {
            Assert.That(dydt[i], Is.EqualTo(expected[i]).Within(1e-12 * (1 + Math.Abs(expected[i]))), $"dy/dt of {model.StateIds[i]}");
        }

        var pattern = model.JacobianPattern;
        var values = new double[pattern.NonZeros];
        model.EvaluateSparseJacobian(0, y, values);
        foreach (var ((row, column), value) in expectedJacobian)
        {
            int index = pattern.IndexOf(row, column);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), $"J[{row}, {column}] is in the pattern");
            Assert.That(values[index], Is.EqualTo(value).Within(1e-12 * (1 + Math.Abs(value))), $"J[{row}, {column}]");
        }
    }

    /// <summary>n species S_i, n reactions S_a → S_b with rate k_j·S_a (a ≠ b drawn with seed 1), k_j distinct.</summary>
    private static (ReactionNetwork Network, List<(int A, int B, double K)> Reactions) MassAction(int n)
    {
        var random = new Random(1);
        var builder = new ReactionNetworkBuilder("m").Compartment("c");
        for (int i = 0; i < n; i++)
        {
            builder.Species("S" + i, 1.0, "c");
        }

        var reactions = new List<(int, int, double)>();
        for (int j = 0; j < n; j++)
        {
            int a = random.Next(n), b = (a + 1 + random.Next(n - 1)) % n;
            double k = 0.1 + (1e-5 * j);
            builder.Parameter("k" + j, k);
            builder.Reaction("R" + j, $"S{a} => S{b}", $"k{j} * S{a}");
            reactions.Add((a, b, k));
        }

        return (builder.Build(), reactions);
    }
}
