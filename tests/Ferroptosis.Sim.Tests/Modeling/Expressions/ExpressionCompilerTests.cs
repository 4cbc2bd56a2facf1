using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class ExpressionCompilerTests
{
    private static readonly Dictionary<string, int> Table = ExprAssert.SymbolTable(RandomExpressions.SymbolNames);

    [TestCase(KernelEmitter.MaxCompiledStatements, 2024, TestName = "Compiled_equals_interpreted_bit_for_bit_on_random_expressions_and_inputs")]
    [TestCase(0, 7331, TestName = "Interpreted_kernels_equal_the_interpreter_bit_for_bit_on_random_expressions_and_inputs")]
    public void Compiled_equals_interpreted_bit_for_bit_on_random_expressions_and_inputs(int maxCompiledStatements, int seed)
    {
        // Random trees over every node type and built-in, with ±0, ±∞, NaN, subnormal and huge leaves and inputs:
        // the kernel must neither throw nor differ from the interpreter in a single bit.
        // A limit of 0 runs the same check on the interpreted kernels of models above the compiled-size limit.
        var generator = new RandomExpressions(seed);
        for (int batch = 0; batch < 40; batch++)
        {
            var expressions = Enumerable.Range(0, 50).Select(_ => generator.Next(7)).ToList();
            var compiled = ExpressionCompiler.CompileWithLimit(expressions, Table, functions: null, maxCompiledStatements);
            var outputs = new double[expressions.Count];
            for (int trial = 0; trial < 20; trial++)
            {
                var inputs = RandomExpressions.SymbolNames.Select(_ => generator.NextInput()).ToArray();
                compiled.Evaluate(inputs, outputs);
                for (int k = 0; k < expressions.Count; k++)
                {
                    double expected = ExprAssert.Evaluate(expressions[k], Table, inputs);
                    Assert.That(
                        ExprAssert.SameBits(outputs[k], expected),
                        $"{expressions[k]} at [{string.Join(", ", inputs.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]: compiled {outputs[k]:R}, interpreted {expected:R}");
                }
            }
        }
    }

    [TestCase(KernelEmitter.MaxCompiledStatements, TestName = "Hoisted_kernels_equal_the_interpreter_bit_for_bit_and_follow_changed_invariant_inputs")]
    [TestCase(0, TestName = "Interpreted_hoisted_kernels_equal_the_interpreter_bit_for_bit_and_follow_changed_invariant_inputs")]
    public void Hoisted_kernels_equal_the_interpreter_bit_for_bit_and_follow_changed_invariant_inputs(int maxCompiledStatements)
    {
        // A limit of 0 interprets every kernel (the path of kernels above the compiled-size limit).
        // The second half of the symbols are invariant (parameters): the sub-expressions over them alone are computed by
        // the precompute kernel into slots after the inputs, and the kernels read them from there.
        var generator = new RandomExpressions(4096);
        int symbols = RandomExpressions.SymbolNames.Length;
        int firstInvariant = symbols / 2;
        int hoistedTotal = 0;
        for (int batch = 0; batch < 20; batch++)
        {
            var rates = Enumerable.Range(0, 30).Select(_ => generator.Next(7)).ToList();
            var others = Enumerable.Range(0, 20).Select(_ => generator.Next(6)).ToList();
            var kernels = ExpressionCompiler.CompileHoisted([rates, others], Table, firstInvariant, symbols, maxCompiledStatements);
            Assert.That(kernels.InterpretedInstructions > 0, Is.EqualTo(maxCompiledStatements == 0));
            hoistedTotal += kernels.HoistedCount;
            var inputs = new double[symbols + kernels.HoistedCount];
            var outputs = new double[rates.Count];
            for (int trial = 0; trial < 10; trial++)
            {
                for (int i = 0; i < symbols; i++)
                {
                    // The invariant inputs change every other trial only: the precompute kernel runs after each change.
                    if (i < firstInvariant || trial % 2 == 0)
                    {
                        inputs[i] = generator.NextInput();
                    }
                }

                if (trial % 2 == 0)
                {
                    kernels.Precompute(inputs, inputs);
                }

                for (int g = 0; g < 2; g++)
                {
                    var expressions = g == 0 ? rates : others;
                    kernels.Kernels[g](inputs, outputs);
                    for (int k = 0; k < expressions.Count; k++)
                    {
                        double expected = ExprAssert.Evaluate(expressions[k], Table, inputs);
                        Assert.That(ExprAssert.SameBits(outputs[k], expected), $"{expressions[k]}: hoisted {outputs[k]:R}, interpreted {expected:R}");
                    }
                }
            }
        }

        Assert.That(hoistedTotal, Is.GreaterThan(100), "random expressions have invariant sub-expressions to hoist");
    }

    [Test]
    public void Parameter_only_sub_expressions_are_hoisted_and_time_and_states_are_not()
    {
        // k·(a/b)·x + (a/b)^2 + exp(k): k·(a/b), (a/b)^2 and exp(k) are computed once per parameter change; the product
        // with x and the sums are not.
        var table = new Dictionary<string, int> { ["x"] = 0, ["k"] = 1, ["a"] = 2, ["b"] = 3 };
        var e = Expr.Parse("k*(a/b)*x + (a/b)^2 + exp(k)");
        var kernels = ExpressionCompiler.CompileHoisted([[e], [Expr.Parse("a*b")]], table, firstInvariantInput: 1, firstHoistedInput: 4);
        Assert.That(kernels.HoistedCount, Is.EqualTo(4), "k·(a/b) (the invariant part of the left-associated product), (a/b)^2, exp(k) and a·b");

        var inputs = new double[4 + kernels.HoistedCount];
        new[] { 1.5, 2, 3, 4 }.CopyTo(inputs, 0);
        kernels.Precompute(inputs, inputs);
        var outputs = new double[1];
        kernels.Kernels[0](inputs, outputs);
        Assert.That(outputs[0], Is.EqualTo((2 * (3.0 / 4) * 1.5) + ((3.0 / 4) * (3.0 / 4)) + Math.Exp(2)));
        kernels.Kernels[1](inputs, outputs);
        Assert.That(outputs[0], Is.EqualTo(12));
    }

    [Test]
    public void Powers_expanded_without_Math_Pow_give_its_value_for_special_bases()
    {
        // x^1 is x itself; Math.Pow returns exactly that for every base, signed zeros, infinities and NaN included.
        double[] bases = [-0.0, 0.0, double.Epsilon, -double.Epsilon, 0.3, -2.5, 1e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        var compiled = ExpressionCompiler.Compile([Expr.Parse("x^k"), Expr.Parse("x^1"), Expr.Parse("pow(x, k)")], new Dictionary<string, int> { ["x"] = 0, ["k"] = 1 });
        var outputs = new double[3];
        foreach (double x in bases)
        {
            compiled.Evaluate([x, 1.0], outputs);
            foreach (double value in outputs)
            {
                Assert.That(ExprAssert.SameBits(value, Math.Pow(x, 1.0)), $"{x:R}^1 = {value:R}, Math.Pow gives {Math.Pow(x, 1.0):R}");
            }
        }
    }

    [TestCase(5.0)]
    [TestCase(6.0)]
    public void Fifth_and_sixth_powers_are_multiplications_within_rounding_of_Math_Pow_and_equal_in_compiled_and_interpreted_code(double n)
    {
        // A Hill sharpness of 6 held in a parameter (and its derivative's exponent 5) is computed by multiplication: at
        // most three roundings from the exact power, and the same bits whether compiled (literal or parameter exponent) or
        // interpreted.
        var compiled = ExpressionCompiler.Compile([Expr.Parse("x^k"), Expr.Parse($"x^{n}"), Expr.Parse("pow(x, k)")], new Dictionary<string, int> { ["x"] = 0, ["k"] = 1 });
        var outputs = new double[3];
        var random = new Random(6);
        Assert.Multiple(() =>
        {
            foreach (double x in Enumerable.Range(0, 200).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-8, 9))).Append(0.0).Append(-0.0))
            {
                compiled.Evaluate([x, n], outputs);
                double interpreted = Expr.Parse("x^k").Evaluate(name => name == "x" ? x : n);
                double exact = Math.Pow(x, n);
                foreach (double value in outputs)
                {
                    Assert.That(ExprAssert.SameBits(value, interpreted), $"{x:R}^{n}: {value:R} against the interpreter's {interpreted:R}");
                    Assert.That(value, Is.EqualTo(exact).Within(4 * Math.BitIncrement(Math.Abs(exact)) - (4 * Math.Abs(exact))), $"{x:R}^{n}");
                }
            }
        });
    }

    [TestCase(KernelEmitter.MaxCompiledStatements, TestName = "Every_builtin_compiles_and_matches_the_interpreter")]
    [TestCase(0, TestName = "Every_builtin_in_an_interpreted_kernel_matches_the_interpreter")]
    public void Every_builtin_compiles_and_matches_the_interpreter(int maxCompiledStatements)
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
        var compiled = ExpressionCompiler.CompileWithLimit(expressions, table, functions: null, maxCompiledStatements);
        var outputs = new double[expressions.Count];
        double[] samples = [-3.5, -1, -0.5, -0.0, 0.0, 0.25, 0.5, 1, 2, 3, 7.5, 170, 1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        foreach (double a in samples)
        {
            foreach (double b in samples)
            {
                double[] inputs = [a, b];
                compiled.Evaluate(inputs, outputs);
                for (int k = 0; k < expressions.Count; k++)
                {
                    double expected = ExprAssert.Evaluate(expressions[k], table, inputs);
                    Assert.That(ExprAssert.SameBits(outputs[k], expected), $"{expressions[k]} at x={a}, y={b}: {outputs[k]:R} vs {expected:R}");
                }
            }
        }
    }

    [Test]
    public void Rates_and_their_jacobian_share_subexpressions()
    {
        var rate = Expr.Parse("Vmax * S^4 / (K^4 + S^4) * exp(-k * time)");
        var expressions = new List<Expr> { rate, rate.Differentiate("S"), rate.Differentiate("K") };
        var table = new Dictionary<string, int> { ["Vmax"] = 0, ["S"] = 1, ["K"] = 2, ["k"] = 3, ["time"] = 4 };
        var compiled = ExpressionCompiler.Compile(expressions, table);

        int treeNodes = expressions.Sum(CountNodes);
        Assert.That(compiled.DistinctNodeCount, Is.LessThan(treeNodes / 2), "hash-consing merges the repeated sub-terms");
        Assert.That(compiled.SharedNodeCount, Is.GreaterThanOrEqualTo(4), "S^4, K^4 + S^4, the exponential and the symbols are computed once");

        double[] inputs = [2.0, 1.3, 0.9, 0.1, 5.0];
        var outputs = new double[3];
        compiled.Evaluate(inputs, outputs);
        for (int k = 0; k < 3; k++)
        {
            Assert.That(outputs[k], Is.EqualTo(ExprAssert.Evaluate(expressions[k], table, inputs)));
        }
    }

    [Test]
    public void More_shared_values_than_a_method_has_locals_go_to_a_scratch_array_with_the_same_results()
    {
        // 40 000 outputs (x + i)·(x + i): each sum is shared, more values than a method may keep in IL locals; a kernel
        // this large is interpreted, its shared values in a scratch array.
        const int count = 40_000;
        var x = Expr.Symbol("x");
        var expressions = Enumerable.Range(0, count).Select(i => { var sum = x + i; return sum * sum; }).ToList();
        var compiled = ExpressionCompiler.Compile(expressions, new Dictionary<string, int> { ["x"] = 0 });
        Assert.That(compiled.SharedNodeCount, Is.GreaterThan(30_000));

        var outputs = new double[count];
        for (int run = 0; run < 2; run++)
        {
            double value = 0.5 + run;
            compiled.Evaluate([value], outputs);
            for (int i = 0; i < count; i++)
            {
                double sum = value + i;
                Assert.That(outputs[i], Is.EqualTo(sum * sum), $"output {i}");
            }
        }
    }

    [Test]
    public void A_chain_deeper_than_the_inline_height_compiles_to_shallow_code_with_the_same_result()
    {
        // x + 1 + 1 + … 5000 times, each sum used once: inlined whole it would be 5000 levels deep.
        Expr e = Expr.Symbol("x");
        for (int i = 0; i < 5000; i++)
        {
            e = e + 1.0;
        }

        var compiled = Task.Run(() => ExpressionCompiler.Compile([e], new Dictionary<string, int> { ["x"] = 0 })).Result;
        var outputs = new double[1];
        compiled.Evaluate([0.25], outputs);
        Assert.That(outputs[0], Is.EqualTo(5000.25));
        Assert.That(compiled.SharedNodeCount, Is.InRange(50, 200), "one local every 48 levels");
    }

    [Test]
    public void User_functions_are_inlined_when_a_library_is_given()
    {
        var hill = new FunctionDefinition("hill", ["S", "K", "n"], Expr.Parse("S^n / (K^n + S^n)"));
        var library = new FunctionLibrary([hill]);
        var e = ExpressionParser.Parse("Vmax * hill(A, 2, 4)", ExpressionParserOptions.ForFunctions(library));
        var table = new Dictionary<string, int> { ["Vmax"] = 0, ["A"] = 1 };
        var compiled = ExpressionCompiler.Compile([e], table, library);
        var outputs = new double[1];
        compiled.Evaluate([3.0, 1.0], outputs);
        Assert.That(outputs[0], Is.EqualTo(3.0 * (1.0 / (16.0 + 1.0))));
        Assert.That(() => ExpressionCompiler.Compile([e], table), Throws.ArgumentException.With.Message.Contains("'hill'"));
    }

    [Test]
    public void Misuse_is_reported_with_the_name_to_fix()
    {
        var e = Expr.Parse("k * S");
        Assert.That(() => ExpressionCompiler.Compile([e], new Dictionary<string, int> { ["k"] = 0 }), Throws.ArgumentException.With.Message.Contains("'S'"));
        Assert.That(() => ExpressionCompiler.Compile([e], new Dictionary<string, int> { ["k"] = 0, ["S"] = -1 }), Throws.ArgumentException.With.Message.Contains("negative"));
        var compiled = ExpressionCompiler.Compile([e], new Dictionary<string, int> { ["k"] = 0, ["S"] = 3 });
        Assert.That(compiled.InputCount, Is.EqualTo(4));
        Assert.That(() => compiled.Evaluate(new double[3], new double[1]), Throws.ArgumentException.With.Message.Contains("needs 4"));
        Assert.That(() => compiled.Evaluate(new double[4], []), Throws.ArgumentException);
    }

    [TestCase(KernelEmitter.MaxCompiledStatements, TestName = "Kernel_allocates_nothing")]
    [TestCase(0, TestName = "An_interpreted_kernel_allocates_nothing")]
    public void Kernel_allocates_nothing(int maxCompiledStatements)
    {
        var expressions = Enumerable.Range(0, 20).Select(i => Expr.Parse($"k{i} * x^2 / (1 + y^3) + piecewise(sin(x), x < {i}, max(x, y, 1))")).ToList();
        var table = new Dictionary<string, int> { ["x"] = 0, ["y"] = 1 };
        for (int i = 0; i < 20; i++)
        {
            table["k" + i] = i + 2;
        }

        var kernel = ExpressionCompiler.CompileWithLimit(expressions, table, functions: null, maxCompiledStatements).Kernel;
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
    public void Five_hundred_rate_laws_with_jacobian_entries_compile_and_agree()
    {
        var laws = GeneratedRateLaws.Create(500, seed: 1);
        var table = GeneratedRateLaws.SymbolTable();
        var expressions = laws.Concat(laws.Select(l => l.Differentiate("S0"))).ToList();
        var compiled = ExpressionCompiler.Compile(expressions, table);
        var random = new Random(2);
        var inputs = Enumerable.Range(0, table.Count).Select(_ => 0.1 + random.NextDouble()).ToArray();
        var outputs = new double[expressions.Count];
        compiled.Evaluate(inputs, outputs);
        for (int k = 0; k < expressions.Count; k++)
        {
            Assert.That(ExprAssert.SameBits(outputs[k], ExprAssert.Evaluate(expressions[k], table, inputs)), expressions[k].ToString());
        }
    }

    private static int CountNodes(Expr e) => 1 + e.Children.Sum(CountNodes);
}
