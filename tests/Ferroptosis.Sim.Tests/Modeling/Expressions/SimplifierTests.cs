using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class SimplifierTests
{
    [TestCase("0 * x", "0")]
    [TestCase("x * 0", "0")]
    [TestCase("1 * x", "x")]
    [TestCase("x * 1", "x")]
    [TestCase("x + 0", "x")]
    [TestCase("0 + x", "x")]
    [TestCase("x - 0", "x")]
    [TestCase("0 - x", "-x")]
    [TestCase("x - x", "0")]
    [TestCase("x / 1", "x")]
    [TestCase("0 / x", "0")]
    [TestCase("x / x", "1")]
    [TestCase("x^1", "x")]
    [TestCase("x^0", "1")]
    [TestCase("1^x", "1")]
    [TestCase("-(-x)", "x")]
    [TestCase("-(a - b)", "b - a")]
    [TestCase("-1 * x", "-x")]
    [TestCase("x * -1", "-x")]
    [TestCase("x / -1", "-x")]
    [TestCase("2 * (3 * x)", "6 * x")]
    [TestCase("(2 * x) * 3", "6 * x")]
    [TestCase("x * 2", "2 * x")]
    [TestCase("(x + 2) + 3", "x + 5")]
    [TestCase("(x - 2) + 3", "x + 1")]
    [TestCase("(x + 2) - 3", "x - 1")]
    [TestCase("(x - 2) - 3", "x - 5")]
    [TestCase("2 + x", "x + 2")]
    [TestCase("x + -y", "x - y")]
    [TestCase("-y + x", "x - y")]
    [TestCase("x - -y", "x + y")]
    [TestCase("x + -2", "x - 2")]
    [TestCase("2 * -x", "-2 * x")]
    [TestCase("-x * y", "-(x * y)")]
    [TestCase("-x / y", "-(x / y)")]
    [TestCase("2 + 3 * 4", "14")]
    [TestCase("2^10", "1024")]
    [TestCase("1 / 0", "inf")]
    [TestCase("0 / 0", "NaN")]
    [TestCase("exp(0) + ln(1)", "1")]
    [TestCase("sqrt(16) * max(1, 2, 3)", "12")]
    [TestCase("pow(x, 2)", "x^2")]
    [TestCase("power(x, 1)", "x")]
    [TestCase("not(x < 1)", "!(x < 1)")]
    [TestCase("gt(x, 1)", "x > 1")]
    [TestCase("lt(x, 1, y)", "lt(x, 1, y)")]
    [TestCase("and(x < 1, y < 1)", "x < 1 && y < 1")]
    [TestCase("max(x)", "x")]
    [TestCase("1 < 2", "true")]
    [TestCase("1 > 2 || 3 > 2", "true")]
    [TestCase("true && x < 1", "x < 1")]
    [TestCase("true && x", "true && x")]
    [TestCase("false && x", "false")]
    [TestCase("false || x < 1", "x < 1")]
    [TestCase("!true", "false")]
    [TestCase("piecewise(a, false, b, true, c)", "b")]
    [TestCase("piecewise(a, x < 1, b, true, c)", "piecewise(a, x < 1, b)")]
    [TestCase("piecewise(a, false)", "NaN")]
    [TestCase("piecewise(a, x < 1, a)", "a")]
    [TestCase("piecewise(a, x < 1, 0, y < 1, 0)", "piecewise(a, x < 1, 0)")]
    [TestCase("piecewise(0 * x, x < 1, 1 * y)", "piecewise(0, x < 1, y)")]
    [TestCase("2 * pi", "2 * pi")]
    [TestCase("k1 * A * B - k2 * C", "k1 * A * B - k2 * C")]
    public void Rule(string text, string simplified) =>
        Assert.That(Expr.Parse(text).Simplify().ToString(), Is.EqualTo(simplified));

    [Test]
    public void Simplify_returns_the_same_instance_when_nothing_changes()
    {
        var e = Expr.Parse("Vmax * S / (Km + S)");
        Assert.That(e.Simplify(), Is.SameAs(e));
    }

    [Test]
    public void Simplification_never_changes_a_finite_value()
    {
        // The documented assumptions (0·x = 0, x − x = 0, x/x = 1, 0/x = 0) may turn NaN or ±∞ into a number; on
        // finite values the simplified tree agrees up to rounding from combining constants.
        var generator = new RandomExpressions(5) { ExoticNumbers = false };
        var table = ExprAssert.SymbolTable(RandomExpressions.SymbolNames);
        int compared = 0;
        for (int i = 0; i < 3000; i++)
        {
            var e = generator.Next(6);
            var s = e.Simplify();
            Assert.That(s.Simplify(), Is.EqualTo(s), $"simplification is idempotent for {e}");
            for (int j = 0; j < 4; j++)
            {
                var inputs = RandomExpressions.SymbolNames.Select(_ => generator.NextInput()).ToArray();
                double original = ExprAssert.Evaluate(e, table, inputs);
                if (!double.IsFinite(original))
                {
                    continue;
                }

                double simplified = ExprAssert.Evaluate(s, table, inputs);
                Assert.That(simplified, Is.EqualTo(original).Within(1e-9 * Math.Max(1.0, Math.Abs(original))), $"{e} → {s} at [{string.Join(", ", inputs)}]");
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(3000));
    }
}
