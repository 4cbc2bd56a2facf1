using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class DifferentiatorTests
{
    // Every built-in, composed with an inner function so that the chain rule is exercised, on an interval where it
    // is smooth. The symbolic derivative must match a central finite difference.
    private static readonly object[] Smooth =
    [
        new object[] { "exp(u)", -1.0, 1.0 },
        new object[] { "ln(u)", 0.2, 3.0 },
        new object[] { "log(3, u)", 0.2, 3.0 },
        new object[] { "log(u, 5)", 1.5, 3.0 },
        new object[] { "log(u, u^2 + 1)", 1.5, 3.0 },
        new object[] { "log10(u)", 0.2, 3.0 },
        new object[] { "sqrt(u)", 0.2, 3.0 },
        new object[] { "root(3, u)", 0.2, 3.0 },
        new object[] { "root(3, -u)", 0.2, 3.0 },
        new object[] { "root(5, u)", 0.2, 3.0 },
        new object[] { "root(u, 5)", 1.2, 3.0 },
        new object[] { "abs(u)", 0.2, 2.0 },
        new object[] { "abs(-u)", 0.2, 2.0 },
        new object[] { "u^3", -2.0, 2.0 },
        new object[] { "u^2.5", 0.2, 2.0 },
        new object[] { "u^-2", 0.2, 2.0 },
        new object[] { "2^u", -2.0, 2.0 },
        new object[] { "u^u", 0.2, 2.0 },
        new object[] { "pow(u, u + 1)", 0.2, 2.0 },
        new object[] { "1 / u", 0.2, 2.0 },
        new object[] { "u * exp(-u) - u / (u + 1)", -0.5, 2.0 },
        new object[] { "min(u, 0.6)", 0.2, 0.5 },
        new object[] { "min(u, 0.6)", 0.7, 2.0 },
        new object[] { "max(u^2, u, 0.1)", 1.2, 2.0 },
        new object[] { "max(u^2, u, 0.1)", 0.4, 0.9 },
        new object[] { "max(u)", 0.4, 0.9 },
        new object[] { "rem(u, 0.3)", 0.31, 0.59 },
        new object[] { "rem(5, u)", 1.7, 2.4 },
        new object[] { "sin(u)", -2.0, 2.0 },
        new object[] { "cos(u)", -2.0, 2.0 },
        new object[] { "tan(u)", -1.0, 1.0 },
        new object[] { "sec(u)", -1.0, 1.0 },
        new object[] { "csc(u)", 0.2, 2.0 },
        new object[] { "cot(u)", 0.2, 2.0 },
        new object[] { "sinh(u)", -2.0, 2.0 },
        new object[] { "cosh(u)", -2.0, 2.0 },
        new object[] { "tanh(u)", -2.0, 2.0 },
        new object[] { "sech(u)", -2.0, 2.0 },
        new object[] { "csch(u)", 0.2, 2.0 },
        new object[] { "coth(u)", 0.2, 2.0 },
        new object[] { "arcsin(u)", -0.8, 0.8 },
        new object[] { "arccos(u)", -0.8, 0.8 },
        new object[] { "arctan(u)", -2.0, 2.0 },
        new object[] { "arcsec(u)", 1.2, 3.0 },
        new object[] { "arcsec(-u)", 1.2, 3.0 },
        new object[] { "arccsc(u)", 1.2, 3.0 },
        new object[] { "arccsc(-u)", 1.2, 3.0 },
        new object[] { "arccot(u)", 0.2, 2.0 },
        new object[] { "arcsinh(u)", -2.0, 2.0 },
        new object[] { "arccosh(u)", 1.2, 3.0 },
        new object[] { "arctanh(u)", -0.8, 0.8 },
        new object[] { "arcsech(u)", 0.2, 0.8 },
        new object[] { "arccsch(u)", 0.2, 2.0 },
        new object[] { "arccsch(-u)", 0.2, 2.0 },
        new object[] { "arccoth(u)", 1.2, 3.0 },
        new object[] { "piecewise(u^2, u < 1, sin(u), u < 2, 3 * u)", 0.2, 0.9 },
        new object[] { "piecewise(u^2, u < 1, sin(u), u < 2, 3 * u)", 1.1, 1.9 },
        new object[] { "piecewise(u^2, u < 1, sin(u), u < 2, 3 * u)", 2.1, 3.0 },
        new object[] { "Vmax * u / (Km + u)", 0.1, 3.0 },
        new object[] { "Vmax * u^4 / (Km^4 + u^4)", 0.1, 3.0 },
    ];

    // Piecewise-constant functions: derivative 0 where they are smooth (and the finite difference agrees).
    [TestCase("floor(u)", 1.1, 1.9)]
    [TestCase("ceiling(u)", 1.1, 1.9)]
    [TestCase("sign(u)", 0.1, 2.0)]
    [TestCase("quotient(u, 0.7)", 0.75, 1.35)]
    [TestCase("u < 1", 0.1, 0.9)]
    [TestCase("eq(u, 1)", 0.1, 0.9)]
    [TestCase("and(u > 0, u < 1) || !(u > 2)", 0.1, 0.9)]
    [TestCase("not(u)", 0.1, 0.9)]
    [TestCase("xor(u, 1)", 0.1, 0.9)]
    [TestCase("implies(u, 0)", 0.1, 0.9)]
    public void Steps_and_logic_have_zero_derivative(string text, double low, double high)
    {
        Assert.That(Compose(text).Differentiate("x"), Is.EqualTo(NumberExpr.Zero));
        Matches_central_differences(text, low, high);
    }

    [Test]
    public void Factorial_is_defined_on_integers_so_its_derivative_is_zero() =>
        Assert.That(Expr.Parse("factorial(x)").Differentiate("x"), Is.EqualTo(NumberExpr.Zero));

    [TestCaseSource(nameof(Smooth))]
    public void Matches_central_differences(string text, double low, double high)
    {
        var e = Compose(text);
        var d = e.Differentiate("x");
        var random = new Random(text.Length * 31);
        var values = new Dictionary<string, double> { ["Vmax"] = 1.7, ["Km"] = 0.6 };
        for (int i = 0; i < 8; i++)
        {
            double x = InnerInverse(low + ((high - low) * random.NextDouble()));
            double h = 1e-5 * Math.Max(1.0, Math.Abs(x));
            double F(double at) => e.Evaluate(n => n == "x" ? at : values[n]);
            double fd = (F(x + h) - F(x - h)) / (2 * h);
            double exact = d.Evaluate(n => n == "x" ? x : values[n]);
            Assert.That(exact, Is.EqualTo(fd).Within(1e-6 * Math.Max(1.0, Math.Abs(fd))), $"d/dx {e} = {d} at x = {x}");
        }
    }

    /// <summary>Substitutes the inner function u = x³/6 + x (u′ = x²/2 + 1 ≠ 1, so a missing inner derivative shows).</summary>
    private static Expr Compose(string outer) =>
        Expr.Parse(outer).Substitute(name => name == "u" ? Expr.Parse("x^3 / 6 + x") : null);

    /// <summary>Solves x³/6 + x = u by bisection (the inner function is increasing).</summary>
    private static double InnerInverse(double u)
    {
        double lo = -10, hi = 10;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if ((mid * mid * mid / 6) + mid < u)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    [Test]
    public void Michaelis_Menten_derivative_has_the_textbook_form()
    {
        var d = Expr.Parse("Vmax * S / (Km + S)").Differentiate("S");
        Assert.That(d.ToString(), Is.EqualTo("Vmax / (Km + S) - Vmax * S / (Km + S)^2"));
        Assert.That(Expr.Parse("Vmax * S / (Km + S)").Differentiate("Vmax").ToString(), Is.EqualTo("S / (Km + S)"));
    }

    [TestCase("k1 * A * B", "B", "k1 * A")]
    [TestCase("x^2", "x", "2 * x")]
    [TestCase("x^n", "x", "n * x^(n - 1)")]
    [TestCase("exp(-k * t)", "t", "-(k * exp(-(k * t)))")]
    [TestCase("x^x", "x", "x^x * (ln(x) + 1)")]
    [TestCase("abs(x)", "x", "sign(x)")]
    [TestCase("max(x, y)", "x", "piecewise(1, x == max(x, y), 0)")]
    [TestCase("piecewise(x^2, x < 0, 2 * x)", "x", "piecewise(2 * x, x < 0, 2)")]
    [TestCase("piecewise(x, x < 0)", "x", "piecewise(1, x < 0)")]
    [TestCase("k * S", "P", "0")]
    [TestCase("time * k", "time", "k")]
    public void Closed_forms(string text, string symbol, string derivative) =>
        Assert.That(Expr.Parse(text).Differentiate(symbol).ToString(), Is.EqualTo(derivative));

    [Test]
    public void A_vanishing_derivative_is_exactly_zero_for_sparsity()
    {
        var rate = Expr.Parse("kf * A * B / (1 + I / Ki) - kr * C");
        Assert.That(rate.Differentiate("D"), Is.SameAs(NumberExpr.Zero));
        Assert.That(rate.Differentiate("A"), Is.Not.EqualTo(NumberExpr.Zero));
    }

    [Test]
    public void User_function_calls_must_be_inlined_first()
    {
        var options = new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["f"] = 1 } };
        var e = ExpressionParser.Parse("f(x)", options);
        Assert.That(() => e.Differentiate("x"), Throws.ArgumentException.With.Message.Contains("Inline"));
    }

    [Test]
    public void Random_expressions_differentiate_consistently_with_finite_differences()
    {
        // Smooth random trees (arithmetic, exp, sin, powers with positive bases): a broad check of the rules' interplay.
        var random = new Random(3);
        string[] leaves = ["x", "y", "1.5", "0.5", "x", "2"];
        string Next(int depth)
        {
            if (depth == 0 || random.Next(4) == 0)
            {
                return leaves[random.Next(leaves.Length)];
            }

            string a = Next(depth - 1);
            string b = Next(depth - 1);
            return random.Next(9) switch
            {
                0 => $"({a} + {b})",
                1 => $"({a} - {b})",
                2 => $"({a} * {b})",
                3 => $"({a} / (1 + ({b})^2))",
                4 => $"exp(sin({a}))",
                5 => $"(1 + ({a})^2)^{b}",
                6 => $"sqrt(1 + ({a})^2)",
                7 => $"cos({a}) * arctan({b})",
                _ => $"-({a})",
            };
        }

        for (int i = 0; i < 300; i++)
        {
            var e = Expr.Parse(Next(5));
            var d = e.Differentiate("x");
            double x = (random.NextDouble() * 2) - 1;
            double y = (random.NextDouble() * 2) - 1;
            double h = 1e-5;
            double F(double at) => e.Evaluate(n => n == "x" ? at : y);
            double fd = (F(x + h) - F(x - h)) / (2 * h);
            double exact = d.Evaluate(n => n == "x" ? x : y);
            Assert.That(exact, Is.EqualTo(fd).Within(1e-5 * Math.Max(1.0, Math.Abs(fd))), $"d/dx {e} = {d}");
        }
    }
}
