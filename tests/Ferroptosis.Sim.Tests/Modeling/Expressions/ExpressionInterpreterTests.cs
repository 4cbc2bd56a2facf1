using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class ExpressionInterpreterTests
{
    private static double Eval(string text) => Expr.Parse(text).Evaluate(_ => throw new InvalidOperationException("no symbols expected"));

    // Values from identities and tables (Abramowitz & Stegun ch. 4; MathML 2.0 definitions of rem and quotient).
    [TestCase("exp(1)", Math.E)]
    [TestCase("ln(exponentiale)", 1.0)]
    [TestCase("log(2, 1024)", 10.0)]
    [TestCase("log(10, 0.001)", -3.0)]
    [TestCase("log(x)", 0.0)]
    [TestCase("log10(1e5)", 5.0)]
    [TestCase("sqrt(2)^2", 2.0000000000000004)]
    [TestCase("root(3, 27)", 3.0)]
    [TestCase("root(3, -8)", -2.0)]
    [TestCase("root(5, -32)", -2.0)]
    [TestCase("root(2, 9)", 3.0)]
    [TestCase("abs(-2.5)", 2.5)]
    [TestCase("sign(-3) + sign(0) * 10 + sign(4) * 100", 99.0)]
    [TestCase("floor(-2.5)", -3.0)]
    [TestCase("ceiling(-2.5)", -2.0)]
    [TestCase("ceil(2.1)", 3.0)]
    [TestCase("factorial(0)", 1.0)]
    [TestCase("factorial(5)", 120.0)]
    [TestCase("factorial(20)", 2432902008176640000.0)]
    [TestCase("factorial(171)", double.PositiveInfinity)]
    [TestCase("pow(2, 10)", 1024.0)]
    [TestCase("power(9, 0.5)", 3.0)]
    [TestCase("rem(7, 3)", 1.0)]
    [TestCase("rem(-7, 3)", -1.0)]
    [TestCase("rem(7, -3)", 1.0)]
    [TestCase("quotient(7, 3)", 2.0)]
    [TestCase("quotient(-7, 3)", -2.0)]
    [TestCase("-7 % 3", -1.0)]
    [TestCase("min(3, 1, 2)", 1.0)]
    [TestCase("max(3, 1, 2)", 3.0)]
    [TestCase("sin(pi / 6)", 0.49999999999999994)]
    [TestCase("cos(0)", 1.0)]
    [TestCase("tan(pi / 4)", 0.9999999999999999)]
    [TestCase("sec(0)", 1.0)]
    [TestCase("csc(pi / 2)", 1.0)]
    [TestCase("cot(pi / 4)", 1.0000000000000002)]
    [TestCase("sinh(0)", 0.0)]
    [TestCase("cosh(0)", 1.0)]
    [TestCase("tanh(0)", 0.0)]
    [TestCase("sech(0)", 1.0)]
    [TestCase("arcsin(1)", Math.PI / 2)]
    [TestCase("arccos(-1)", Math.PI)]
    [TestCase("arctan(1)", Math.PI / 4)]
    [TestCase("arcsec(2)", 1.0471975511965979)]
    [TestCase("arccsc(2)", 0.52359877559829893)]
    [TestCase("arccot(1)", Math.PI / 4)]
    [TestCase("arcsinh(1)", 0.88137358701954305)]
    [TestCase("arccosh(2)", 1.3169578969248166)]
    [TestCase("arctanh(0.5)", 0.54930614433405489)]
    [TestCase("arcsech(0.5)", 1.3169578969248166)]
    [TestCase("arccsch(1)", 0.88137358701954305)]
    [TestCase("arccoth(2)", 0.54930614433405489)]
    public void Builtin_values(string text, double expected)
    {
        double value = Expr.Parse(text).Evaluate(_ => 1.0);
        Assert.That(value, Is.EqualTo(expected).Within(2e-16 * Math.Max(1, Math.Abs(expected))), text);
    }

    // IEEE semantics: no exception, ever.
    [TestCase("1 / 0", double.PositiveInfinity)]
    [TestCase("-1 / 0", double.NegativeInfinity)]
    [TestCase("0 / 0", double.NaN)]
    [TestCase("ln(0)", double.NegativeInfinity)]
    [TestCase("ln(-1)", double.NaN)]
    [TestCase("sqrt(-1)", double.NaN)]
    [TestCase("factorial(2.5)", double.NaN)]
    [TestCase("factorial(-1)", double.NaN)]
    [TestCase("rem(1, 0)", double.NaN)]
    [TestCase("arcsin(2)", double.NaN)]
    [TestCase("inf - inf", double.NaN)]
    [TestCase("0 * inf", double.NaN)]
    [TestCase("(-8)^(1/3)", double.NaN)]
    [TestCase("sign(NaN)", double.NaN)]
    [TestCase("piecewise(1, false)", double.NaN)]
    [TestCase("max(1, NaN)", double.NaN)]
    public void Ieee_results(string text, double expected) => Assert.That(Eval(text), Is.EqualTo(expected));

    // Truth values are 1/0; a condition holds when it is not 0 (so NaN holds, as in C); comparisons with NaN are false.
    [TestCase("2 < 3", 1.0)]
    [TestCase("3 <= 3", 1.0)]
    [TestCase("2 > 3", 0.0)]
    [TestCase("2 >= 3", 0.0)]
    [TestCase("2 == 2", 1.0)]
    [TestCase("2 != 2", 0.0)]
    [TestCase("NaN == NaN", 0.0)]
    [TestCase("NaN != NaN", 1.0)]
    [TestCase("NaN < 1 || NaN >= 1", 0.0)]
    [TestCase("2 && 3", 1.0)]
    [TestCase("2 && 0", 0.0)]
    [TestCase("0 || -1", 1.0)]
    [TestCase("NaN && 1", 1.0)]
    [TestCase("!NaN", 0.0)]
    [TestCase("!0", 1.0)]
    [TestCase("!5", 0.0)]
    [TestCase("not(0)", 1.0)]
    [TestCase("and()", 1.0)]
    [TestCase("or()", 0.0)]
    [TestCase("xor()", 0.0)]
    [TestCase("and(1, 2, 0)", 0.0)]
    [TestCase("or(0, 0, 3)", 1.0)]
    [TestCase("xor(1, 1, 1)", 1.0)]
    [TestCase("xor(1, 1)", 0.0)]
    [TestCase("lt(1, 2, 3)", 1.0)]
    [TestCase("lt(1, 3, 2)", 0.0)]
    [TestCase("leq(1, 1, 2)", 1.0)]
    [TestCase("gt(3, 2, 1)", 1.0)]
    [TestCase("geq(3, 3, 4)", 0.0)]
    [TestCase("eq(2, 2, 2)", 1.0)]
    [TestCase("eq(2, 2, 3)", 0.0)]
    [TestCase("eq(5)", 1.0)]
    [TestCase("neq(1, 2)", 1.0)]
    [TestCase("implies(0, 0)", 1.0)]
    [TestCase("implies(1, 0)", 0.0)]
    [TestCase("true + true", 2.0)]
    [TestCase("piecewise(10, 0, 20, NaN, 30)", 20.0)]
    [TestCase("piecewise(10, 1 > 2, 20, 2 > 3, 30)", 30.0)]
    public void Truth_values(string text, double expected) => Assert.That(Eval(text), Is.EqualTo(expected));

    [Test]
    public void Symbols_are_looked_up_by_name()
    {
        var e = Expr.Parse("Vmax * S / (Km + S) + time");
        var values = new Dictionary<string, double> { ["Vmax"] = 2, ["S"] = 3, ["Km"] = 1, ["time"] = 10 };
        Assert.That(e.Evaluate(values), Is.EqualTo(11.5));
        Assert.That(() => e.Evaluate(new Dictionary<string, double>()), Throws.ArgumentException.With.Message.Contains("'Vmax'"));
    }

    [Test]
    public void Small_integer_powers_are_multiplications()
    {
        // x^3 is (x·x)·x, as in the compiled kernel; it may differ from Math.Pow in the last bit, never by more than 2 ulp.
        var random = new Random(1);
        var cube = Expr.Parse("x^3");
        for (int i = 0; i < 1000; i++)
        {
            double x = (random.NextDouble() * 20) - 10;
            double v = cube.Evaluate(_ => x);
            Assert.That(v, Is.EqualTo(x * x * x));
            Assert.That(Math.Abs(v - Math.Pow(x, 3)), Is.LessThanOrEqualTo(2 * Math.Abs(Math.BitIncrement(Math.Abs(v)) - Math.Abs(v))));
        }
    }
}
