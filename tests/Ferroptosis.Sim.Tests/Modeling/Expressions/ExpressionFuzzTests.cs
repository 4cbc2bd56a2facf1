using System.Text;
using System.Text.RegularExpressions;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Mutated valid texts must end in an expression or a positioned <see cref="ModelParseException"/>, nothing else.</summary>
public sealed partial class ExpressionFuzzTests
{
    private static readonly string[] Corpus =
    [
        "k1 * A * B - k2 * C",
        "Vmax * S / (Km + S)",
        "Vmax * S^n / (K^n + S^n)",
        "kcat * E * S / (Km * (1 + I / Ki) + S)",
        "piecewise(0, time < 10, kdeg * X * exp(-0.5 * (time - 10)))",
        "piecewise(1, x > 0 && y <= 2 || !(z == 3), -1.5e-3, x != 0, .5)",
        "max(a, b, 2.) + min(c) - abs(-d) + rem(e, 3) + quotient(f, 2) % 4",
        "log(2, x) + log10(y) + ln(z) + root(3, w) + sqrt(v) + factorial(3)",
        "arcsin(x) + acos(x) + sinh(y)^2 - cosh(y)^2 + sec(pi) * exponentiale",
        "and(a < b, gt(c, d, e)) || xor(true, false, f) && not(g) || implies(h, i)",
        "hill(S, K, 4) * inf - NaN + -2^-x^2",
    ];

    [Test]
    public void Mutated_texts_parse_or_fail_with_a_position()
    {
        var options = new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["hill"] = 3 } };
        var random = new Random(20240611);
        var generator = new RandomExpressions(99);
        var sources = Corpus.Concat(Enumerable.Range(0, 200).Select(_ => generator.Next(6).ToString())).ToList();
        int parsed = 0;
        int failed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            string text = Mutate(sources[random.Next(sources.Count)], random);
            Expr e;
            try
            {
                e = ExpressionParser.Parse(text, options);
            }
            catch (ModelParseException ex)
            {
                Assert.That(ex.Line, Is.GreaterThanOrEqualTo(1), text);
                Assert.That(ex.Column, Is.GreaterThanOrEqualTo(1), text);
                Assert.That(ex.Message, Does.Contain($"at {ex.Line}:{ex.Column}"), text);
                failed++;
                continue;
            }

            // A text that parses must format and parse back to the same tree and evaluate without throwing.
            Assert.That(ExpressionParser.Parse(e.ToString(), options), Is.EqualTo(e), text);
            var library = new FunctionLibrary([new FunctionDefinition("hill", ["S", "K", "n"], Expr.Parse("S^n / (K^n + S^n)"))]);
            Assert.DoesNotThrow(() => e.Evaluate(_ => 0.5, library), text);
            parsed++;
        }

        Assert.That(parsed, Is.GreaterThan(1000), "the mutations keep some texts valid");
        Assert.That(failed, Is.GreaterThan(1000), "the mutations break some texts");
    }

    [Test]
    public void Random_bytes_parse_or_fail_with_a_position()
    {
        var random = new Random(5);
        for (int i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            string text = random.Next(2) == 0 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
            try
            {
                ExpressionParser.Parse(text);
            }
            catch (ModelParseException ex)
            {
                Assert.That(ex.Line, Is.GreaterThanOrEqualTo(1));
                Assert.That(ex.Column, Is.GreaterThanOrEqualTo(1));
            }
        }
    }

    [Test]
    public void Random_expressions_compile_to_kernels_that_never_throw()
    {
        var generator = new RandomExpressions(31);
        var table = ExprAssert.SymbolTable(RandomExpressions.SymbolNames);
        var expressions = Enumerable.Range(0, 300).Select(_ => generator.Next(8)).ToList();
        var compiled = ExpressionCompiler.Compile(expressions, table);
        var outputs = new double[expressions.Count];
        double[] extremes = [0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-308, 171];
        var random = new Random(8);
        for (int trial = 0; trial < 200; trial++)
        {
            var inputs = RandomExpressions.SymbolNames.Select(_ => random.Next(2) == 0 ? extremes[random.Next(extremes.Length)] : generator.NextInput()).ToArray();
            Assert.DoesNotThrow(() => compiled.Evaluate(inputs, outputs));
        }
    }

    private static string Mutate(string text, Random random)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && tokens.Count > 0; m++)
        {
            int i = random.Next(tokens.Count);
            switch (random.Next(7))
            {
                case 0:
                    tokens.RemoveAt(i);
                    break;
                case 1:
                    tokens.Insert(i, tokens[i]);
                    break;
                case 2:
                    int j = random.Next(tokens.Count);
                    (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                    break;
                case 3:
                    tokens.Insert(i, ((char)random.Next(0, 256)).ToString());
                    break;
                case 4:
                    tokens[i] = ((char)random.Next(32, 127)).ToString();
                    break;
                case 5:
                    tokens.Insert(i, random.Next(2) == 0 ? "(" : ")");
                    break;
                default:
                    tokens.Insert(i, random.Next(3) switch { 0 => "\n", 1 => ",", _ => "-" });
                    break;
            }
        }

        string result = string.Join(random.Next(3) == 0 ? "" : " ", tokens);
        return random.Next(5) == 0 && result.Length > 0 ? result[..random.Next(result.Length)] : result;
    }

    [GeneratedRegex(@"\d*\.?\d+(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|&&|\|\||[<>=!]=|\S")]
    private static partial Regex TokenPattern();
}
