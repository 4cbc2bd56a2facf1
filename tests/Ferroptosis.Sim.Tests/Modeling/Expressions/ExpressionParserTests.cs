using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class ExpressionParserTests
{
    // The shapes follow the SBML Level 3 infix precedence (libSBML L3 parser) with C-style && above ||.
    [TestCase("a + b * c", "(+ a (* b c))")]
    [TestCase("a * b + c", "(+ (* a b) c)")]
    [TestCase("a - b - c", "(- (- a b) c)")]
    [TestCase("a / b / c", "(/ (/ a b) c)")]
    [TestCase("a / b * c", "(* (/ a b) c)")]
    [TestCase("a ^ b ^ c", "(^ a (^ b c))")]
    [TestCase("-x^2", "(neg (^ x 2))")]
    [TestCase("-2^2", "(neg (^ 2 2))")]
    [TestCase("(-2)^2", "(^ -2 2)")]
    [TestCase("-2", "-2")]
    [TestCase("- 2.5e3", "-2500")]
    [TestCase("-(2)", "(neg 2)")]
    [TestCase("2^-x", "(^ 2 (neg x))")]
    [TestCase("2^-1", "(^ 2 -1)")]
    [TestCase("2^-x^2", "(^ 2 (neg (^ x 2)))")]
    [TestCase("a * -b", "(* a (neg b))")]
    [TestCase("a - -b", "(- a (neg b))")]
    [TestCase("--x", "(neg (neg x))")]
    [TestCase("+x", "x")]
    [TestCase("-x * y", "(* (neg x) y)")]
    [TestCase("!a && b", "(&& (! a) b)")]
    [TestCase("!a < b", "(< (! a) b)")]
    [TestCase("a < b == c", "(== (< a b) c)")]
    [TestCase("a + 1 < b * 2", "(< (+ a 1) (* b 2))")]
    [TestCase("a < b && c >= d", "(&& (< a b) (>= c d))")]
    [TestCase("a || b && c", "(|| a (&& b c))")]
    [TestCase("a && b || c", "(|| (&& a b) c)")]
    [TestCase("a || b || c", "(|| (|| a b) c)")]
    [TestCase("a != b", "(!= a b)")]
    [TestCase("a <= b", "(<= a b)")]
    [TestCase("a > b", "(> a b)")]
    [TestCase("a % b * c", "(* (rem a b) c)")]
    [TestCase("(a + b) * c", "(* (+ a b) c)")]
    [TestCase("f(a + b, c)", "(f (+ a b) c)")]
    [TestCase("Vmax*S/(Km + S)", "(/ (* Vmax S) (+ Km S))")]
    [TestCase("k1*A*B - k2*C", "(- (* (* k1 A) B) (* k2 C))")]
    [TestCase("piecewise(1, x < 2, 3)", "(piecewise 1 (< x 2) 3)")]
    [TestCase("piecewise(1, x < 2)", "(piecewise 1 (< x 2))")]
    [TestCase("piecewise(x)", "(piecewise x)")]
    public void Precedence_and_associativity(string text, string tree)
    {
        var options = new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["f"] = 2 } };
        Assert.That(ExprAssert.Tree(ExpressionParser.Parse(text, options)), Is.EqualTo(tree));
    }

    [TestCase("1e-3", 1e-3)]
    [TestCase("1E+3", 1e3)]
    [TestCase(".5", 0.5)]
    [TestCase("2.", 2.0)]
    [TestCase("2.5e-10", 2.5e-10)]
    [TestCase("0012", 12.0)]
    [TestCase("1e-400", 0.0)]
    [TestCase("inf", double.PositiveInfinity)]
    [TestCase("INF", double.PositiveInfinity)]
    [TestCase("infinity", double.PositiveInfinity)]
    [TestCase("-inf", double.NegativeInfinity)]
    [TestCase("NaN", double.NaN)]
    [TestCase("nan", double.NaN)]
    [TestCase("notanumber", double.NaN)]
    public void Numbers(string text, double value) =>
        Assert.That(((NumberExpr)Expr.Parse(text)).Value, Is.EqualTo(value));

    [TestCase("pi", ConstantKind.Pi)]
    [TestCase("exponentiale", ConstantKind.ExponentialE)]
    [TestCase("true", ConstantKind.True)]
    [TestCase("false", ConstantKind.False)]
    public void Named_constants(string text, ConstantKind kind) =>
        Assert.That(((ConstantExpr)Expr.Parse(text)).Kind, Is.EqualTo(kind));

    [Test]
    public void Time_and_e_are_ordinary_symbols()
    {
        Assert.That(Expr.Parse("time"), Is.EqualTo(new SymbolExpr("time")));
        Assert.That(Expr.Parse("e"), Is.EqualTo(new SymbolExpr("e")));
        Assert.That(Expr.Parse("sin"), Is.EqualTo(new SymbolExpr("sin")), "a function name without parentheses is a symbol");
    }

    [TestCase("asin(x)", "arcsin")]
    [TestCase("acos(x)", "arccos")]
    [TestCase("atan(x)", "arctan")]
    [TestCase("atanh(x)", "arctanh")]
    [TestCase("ceil(x)", "ceiling")]
    [TestCase("power(x, 2)", "pow")]
    [TestCase("log(x)", "ln")]
    [TestCase("log(2, x)", "log")]
    [TestCase("root(x)", "sqrt")]
    [TestCase("root(3, x)", "root")]
    public void Aliases_become_canonical_names(string text, string name) =>
        Assert.That(((CallExpr)Expr.Parse(text)).Name, Is.EqualTo(name));

    [TestCase("min(a)")]
    [TestCase("max(a, b, c, d)")]
    [TestCase("and()")]
    [TestCase("or(a, b, c)")]
    [TestCase("xor(a, b, c)")]
    [TestCase("lt(a, b, c)")]
    [TestCase("eq(a)")]
    [TestCase("not(a)")]
    [TestCase("implies(a, b)")]
    [TestCase("neq(a, b)")]
    [TestCase("quotient(a, b)")]
    [TestCase("rem(a, b)")]
    [TestCase("factorial(3)")]
    [TestCase("sign(x)")]
    public void Function_forms_with_valid_arities_parse(string text) =>
        Assert.That(Expr.Parse(text), Is.InstanceOf<CallExpr>());

    [Test]
    public void User_functions_are_accepted_when_declared()
    {
        var options = new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["hill"] = 3 } };
        var e = ExpressionParser.Parse("hill(S, K, n) * Vmax", options);
        Assert.That(e.FunctionCalls, Is.EqualTo(new[] { "hill" }));
        Assert.That(((CallExpr)((BinaryExpr)e).Left).IsBuiltin, Is.False);
    }

    [Test]
    public void Options_reject_a_user_function_named_like_a_builtin() =>
        Assert.That(
            () => new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["exp"] = 1 } },
            Throws.ArgumentException.With.Message.Contains("'exp'"));

    [Test]
    public void Whitespace_and_newlines_are_insignificant()
    {
        var e = Expr.Parse(" k1 *\n\tA\r\n  * B ");
        Assert.That(e, Is.EqualTo(Expr.Parse("k1*A*B")));
    }

    [Test]
    public void Symbols_and_calls_are_listed_in_order_of_first_appearance()
    {
        var e = Expr.Parse("k2*exp(-Ea/(R*T)) + k1*A*exp(B) - k2");
        Assert.That(e.Symbols, Is.EqualTo(new[] { "k2", "Ea", "R", "T", "k1", "A", "B" }));
        Assert.That(e.FunctionCalls, Is.EqualTo(new[] { "exp" }));
        Assert.That(e.ContainsSymbol("T"), Is.True);
        Assert.That(e.ContainsSymbol("exp"), Is.False);
    }

    [Test]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        int depth = ExpressionParser.MaxNestingDepth - 1;
        var text = new string('(', depth) + "x" + new string(')', depth);
        Assert.That(Expr.Parse(text), Is.EqualTo(new SymbolExpr("x")));
        var sum = string.Join(" + ", Enumerable.Repeat("x", ExpressionParser.MaxTreeDepth - 1));
        Assert.That(Expr.Parse(sum).Depth, Is.EqualTo(ExpressionParser.MaxTreeDepth - 1));
    }
}
