using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class RoundTripTests
{
    private static readonly ExpressionParserOptions WithHill =
        new() { UserFunctions = new Dictionary<string, int> { ["hill"] = 3 } };

    // Text that is already in formatter style comes back unchanged (minimal parentheses).
    [TestCase("a + b * c")]
    [TestCase("(a + b) * c")]
    [TestCase("a - (b - c)")]
    [TestCase("a - b - c")]
    [TestCase("a / (b * c)")]
    [TestCase("a^b^c")]
    [TestCase("(a^b)^c")]
    [TestCase("-x^2")]
    [TestCase("(-x)^2")]
    [TestCase("(-2)^2")]
    [TestCase("-2^2")]
    [TestCase("2^-x")]
    [TestCase("2^-1")]
    [TestCase("2^(a * b)")]
    [TestCase("-(2)")]
    [TestCase("-(-x)")]
    [TestCase("-(-2)")]
    [TestCase("-(a + b)")]
    [TestCase("a * -b")]
    [TestCase("a - -2")]
    [TestCase("!(a < b)")]
    [TestCase("!a < b")]
    [TestCase("a < b < c")]
    [TestCase("a < (b < c)")]
    [TestCase("a || b && c")]
    [TestCase("(a || b) && c")]
    [TestCase("a && (b && c)")]
    [TestCase("Vmax * S / (Km + S)")]
    [TestCase("Vmax * S^n / (K^n + S^n)")]
    [TestCase("k1 * A * B - k2 * C")]
    [TestCase("piecewise(0, time < 10, kdeg * X)")]
    [TestCase("piecewise(1, x > 0 && y > 0, -1, x < 0)")]
    [TestCase("hill(S, K, 4) * pi * exponentiale")]
    [TestCase("max(a, b, c) + min(a) + rem(a, b)")]
    [TestCase("and(true, false) || xor(a, b, c)")]
    [TestCase("1E-05 + 2.5E+20 + 0.1 + 3")]
    [TestCase("inf - -inf + NaN")]
    public void Canonical_text_round_trips_unchanged(string text)
    {
        var e = ExpressionParser.Parse(text, WithHill);
        Assert.That(e.ToString(), Is.EqualTo(text));
        Assert.That(ExpressionParser.Parse(e.ToString(), WithHill), Is.EqualTo(e));
    }

    [TestCase("((a))", "a")]
    [TestCase("(a*b)*c", "a * b * c")]
    [TestCase("a+(b+c)", "a + (b + c)")]
    [TestCase("asin(x)+ceil(y)", "arcsin(x) + ceiling(y)")]
    [TestCase("a % b", "rem(a, b)")]
    [TestCase("+x", "x")]
    [TestCase(".5", "0.5")]
    [TestCase("1e3", "1000")]
    [TestCase("INF", "inf")]
    [TestCase("notanumber", "NaN")]
    public void Text_is_normalised(string text, string formatted) =>
        Assert.That(Expr.Parse(text).ToString(), Is.EqualTo(formatted));

    [Test]
    public void Numbers_round_trip_bit_for_bit()
    {
        var random = new Random(7);
        var values = new List<double> { 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1.0 / 3.0, Math.PI, 1e-300, 123456789.123456789 };
        for (int i = 0; i < 2000; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()));
        }

        foreach (double v in values)
        {
            var e = new NumberExpr(v);
            var back = Expr.Parse(e.ToString());
            Assert.That(back, Is.EqualTo(e), $"{v:R} formatted as {e}");
        }
    }

    [Test]
    public void Programmatic_trees_round_trip_even_where_text_would_fold()
    {
        Expr[] trees =
        [
            new UnaryExpr(UnaryOperator.Negate, new NumberExpr(2)),
            new UnaryExpr(UnaryOperator.Negate, new NumberExpr(double.PositiveInfinity)),
            new UnaryExpr(UnaryOperator.Negate, new NumberExpr(-0.0)),
            new UnaryExpr(UnaryOperator.Not, new NumberExpr(-3)),
            new BinaryExpr(BinaryOperator.Power, new NumberExpr(-2), new NumberExpr(-0.5)),
            new BinaryExpr(BinaryOperator.Power, new UnaryExpr(UnaryOperator.Negate, new NumberExpr(2)), new SymbolExpr("x")),
            new UnaryExpr(UnaryOperator.Negate, new BinaryExpr(BinaryOperator.Power, new NumberExpr(2), new SymbolExpr("x"))),
            new BinaryExpr(BinaryOperator.Subtract, new NumberExpr(-1), new NumberExpr(-1)),
            new PiecewiseExpr([], new SymbolExpr("x")),
        ];
        foreach (var e in trees)
        {
            Assert.That(Expr.Parse(e.ToString()), Is.EqualTo(e), e.ToString());
        }
    }

    [Test]
    public void Random_trees_round_trip()
    {
        var generator = new RandomExpressions(11);
        for (int i = 0; i < 5000; i++)
        {
            var e = generator.Next(7);
            string text = e.ToString();
            var back = Expr.Parse(text);
            Assert.That(back, Is.EqualTo(e), text);
            Assert.That(back.ToString(), Is.EqualTo(text));
        }
    }

    [Test]
    public void Equality_is_structural_and_hashes_agree()
    {
        var a = Expr.Parse("k * S / (K + S)");
        var b = Expr.Parse("k*S/(K+S)");
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a == b, Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(Expr.Parse("k * S / (K - S)")));
        Assert.That(new NumberExpr(0.0), Is.Not.EqualTo(new NumberExpr(-0.0)), "numbers compare bit for bit");
        Assert.That(new NumberExpr(double.NaN), Is.EqualTo(new NumberExpr(-double.NaN)), "all NaNs are one literal");
    }

    [Test]
    public void Operators_build_nodes_as_written()
    {
        var x = Expr.Symbol("x");
        Expr e = (2.0 * x) + Expr.Power(x, 2.0) - (x / 3.0) + (-x);
        Assert.That(e.ToString(), Is.EqualTo("2 * x + x^2 - x / 3 + -x"));
    }

    [Test]
    public void Invalid_symbol_names_are_rejected()
    {
        Assert.That(() => new SymbolExpr("2x"), Throws.ArgumentException);
        Assert.That(() => new SymbolExpr("pi"), Throws.ArgumentException.With.Message.Contains("named constant"));
        Assert.That(() => new CallExpr("exp", NumberExpr.One, NumberExpr.One), Throws.ArgumentException.With.Message.Contains("takes 1 argument"));
        Assert.That(() => new CallExpr("piecewise", NumberExpr.One), Throws.ArgumentException);
    }
}
