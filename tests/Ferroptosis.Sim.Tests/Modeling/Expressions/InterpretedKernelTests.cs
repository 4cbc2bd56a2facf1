using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Kernels above the compiled-size limit are interpreted; a limit of 0 interprets every kernel, so small inputs test that path (agreement with the interpreter on random expressions and every built-in, hoisting and zero allocation run on both paths in <see cref="ExpressionCompilerTests"/>).</summary>
public sealed class InterpretedKernelTests
{
    [Test]
    public void A_kernel_above_the_limit_is_interpreted_and_one_below_is_compiled_with_the_same_results()
    {
        // 20 000 outputs (x + i)·(x + i): 40 000 statements with each sum shared, above the limit.
        const int count = 20_000;
        var x = Expr.Symbol("x");
        var expressions = Enumerable.Range(0, count).Select(i => { var sum = x + i; return sum * sum; }).ToList();
        var table = new Dictionary<string, int> { ["x"] = 0 };
        var large = ExpressionCompiler.CompileHoisted([expressions], table, 1, 1);
        var small = ExpressionCompiler.CompileHoisted([expressions[..100]], table, 1, 1);
        Assert.That(large.InterpretedInstructions, Is.GreaterThan(3 * count), "each output: a constant, a sum, a product and a store");
        Assert.That(small.InterpretedInstructions, Is.Zero);

        var outputs = new double[count];
        var smallOutputs = new double[100];
        foreach (double value in new[] { 0.5, -3.25 })
        {
            large.Kernels[0]([value], outputs);
            small.Kernels[0]([value], smallOutputs);
            for (int i = 0; i < count; i++)
            {
                double sum = value + i;
                Assert.That(outputs[i], Is.EqualTo(sum * sum), $"output {i}");
            }

            Assert.That(smallOutputs, Is.EqualTo(outputs[..100]));
        }
    }

    [Test]
    public void The_ferroptosis_models_are_compiled_to_code_not_interpreted()
    {
        // Their right-hand sides are the hot loop of every cell simulation: far below the limit, they keep compiled kernels.
        foreach (var version in new[] { FerroptosisModel.Version1, FerroptosisModel.Default })
        {
            Assert.That(version.Compiled.InterpretedInstructions, Is.Zero);
        }
    }
}
