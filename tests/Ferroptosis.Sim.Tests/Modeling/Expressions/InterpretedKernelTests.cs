using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Kernels above the compiled-size limit are interpreted; a limit of 0 interprets every kernel, so small inputs test that path.</summary>
public sealed class InterpretedKernelTests
{
    private static readonly Dictionary<string, int> Table = ExprAssert.SymbolTable(RandomExpressions.SymbolNames);

    [Test]
    public void Interpreted_kernels_equal_the_interpreter_bit_for_bit_on_random_expressions_and_inputs()
    {
        var generator = new RandomExpressions(7331);
        for (int batch = 0; batch < 30; batch++)
        {
            var expressions = Enumerable.Range(0, 50).Select(_ => generator.Next(7)).ToList();
            var kernel = ExpressionCompiler.CompileWithLimit(expressions, Table, functions: null, maxCompiledStatements: 0).Kernel;
            var outputs = new double[expressions.Count];
            for (int trial = 0; trial < 20; trial++)
            {
                var inputs = RandomExpressions.SymbolNames.Select(_ => generator.NextInput()).ToArray();
                kernel(inputs, outputs);
                for (int k = 0; k < expressions.Count; k++)
                {
                    double expected = ExprAssert.Evaluate(expressions[k], Table, inputs);
                    Assert.That(ExprAssert.SameBits(outputs[k], expected), $"{expressions[k]}: interpreted kernel {outputs[k]:R}, interpreter {expected:R}");
                }
            }
        }
    }

    [Test]
    public void Every_builtin_in_an_interpreted_kernel_matches_the_interpreter()
    {
        var x = new SymbolExpr("x");
        var y = new SymbolExpr("y");
        var expressions = new List<Expr>();
        foreach (var f in BuiltinFunctions.All)
        {
            for (int n = f.MinArity; n <= Math.Min(f.MaxArity, f.MinArity + 3); n++)
            {
                var args = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? (Expr)x : new BinaryExpr(BinaryOperator.Add, y, new NumberExpr(i))).ToArray();
                expressions.Add(new CallExpr(f.Name, args));
            }
        }

        expressions.Add(Expr.Parse("piecewise(x, x < y, y, x > 2 * y)"));
        expressions.Add(Expr.Parse("piecewise(x, x < y && y > 0, 3)"));
        expressions.Add(Expr.Parse("-(x ^ y) + x ^ 2 - x ^ -2 + !(x >= y) + (x != y) * (x <= y || x == 0)"));
        var table = new Dictionary<string, int> { ["x"] = 0, ["y"] = 1 };
        var kernel = ExpressionCompiler.CompileWithLimit(expressions, table, functions: null, maxCompiledStatements: 0).Kernel;
        var outputs = new double[expressions.Count];
        double[] samples = [-3.5, -1, -0.5, -0.0, 0.0, 0.25, 0.5, 1, 2, 3, 7.5, 170, 1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        foreach (double a in samples)
        {
            foreach (double b in samples)
            {
                double[] inputs = [a, b];
                kernel(inputs, outputs);
                for (int k = 0; k < expressions.Count; k++)
                {
                    double expected = ExprAssert.Evaluate(expressions[k], table, inputs);
                    Assert.That(ExprAssert.SameBits(outputs[k], expected), $"{expressions[k]} at x={a}, y={b}: {outputs[k]:R} vs {expected:R}");
                }
            }
        }
    }

    [Test]
    public void Interpreted_hoisted_kernels_equal_the_interpreter_and_follow_changed_invariant_inputs()
    {
        var generator = new RandomExpressions(5150);
        int symbols = RandomExpressions.SymbolNames.Length;
        int firstInvariant = symbols / 2;
        for (int batch = 0; batch < 10; batch++)
        {
            var rates = Enumerable.Range(0, 30).Select(_ => generator.Next(7)).ToList();
            var kernels = ExpressionCompiler.CompileHoisted([rates], Table, firstInvariant, symbols, maxCompiledStatements: 0);
            Assert.That(kernels.InterpretedInstructions, Is.GreaterThan(0));
            var inputs = new double[symbols + kernels.HoistedCount];
            var outputs = new double[rates.Count];
            for (int trial = 0; trial < 10; trial++)
            {
                for (int i = 0; i < symbols; i++)
                {
                    if (i < firstInvariant || trial % 2 == 0)
                    {
                        inputs[i] = generator.NextInput();
                    }
                }

                if (trial % 2 == 0)
                {
                    kernels.Precompute(inputs, inputs);
                }

                kernels.Kernels[0](inputs, outputs);
                for (int k = 0; k < rates.Count; k++)
                {
                    double expected = ExprAssert.Evaluate(rates[k], Table, inputs);
                    Assert.That(ExprAssert.SameBits(outputs[k], expected), $"{rates[k]}: {outputs[k]:R}, interpreter {expected:R}");
                }
            }
        }
    }

    [Test]
    public void An_interpreted_kernel_allocates_nothing()
    {
        var expressions = Enumerable.Range(0, 20).Select(i => Expr.Parse($"k{i} * x^2 / (1 + y^3) + piecewise(sin(x), x < {i}, max(x, y, 1))")).ToList();
        var table = new Dictionary<string, int> { ["x"] = 0, ["y"] = 1 };
        for (int i = 0; i < 20; i++)
        {
            table["k" + i] = i + 2;
        }

        var kernel = ExpressionCompiler.CompileWithLimit(expressions, table, functions: null, maxCompiledStatements: 0).Kernel;
        var inputs = Enumerable.Range(0, 22).Select(i => 0.1 * i).ToArray();
        var outputs = new double[20];
        kernel(inputs, outputs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            inputs[0] = i * 0.01;
            kernel(inputs, outputs);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

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
