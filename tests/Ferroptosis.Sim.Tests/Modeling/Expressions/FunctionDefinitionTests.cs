using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

public sealed class FunctionDefinitionTests
{
    private static FunctionDefinition Define(string name, string parameters, string body, params string[] callable)
    {
        var options = new ExpressionParserOptions { UserFunctions = callable.ToDictionary(c => c.Split(':')[0], c => int.Parse(c.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)) };
        var names = parameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FunctionDefinition(name, names, ExpressionParser.Parse(body, options));
    }

    [Test]
    public void Inline_substitutes_arguments_for_parameters_simultaneously()
    {
        // Arguments that mention parameter names must not be substituted again.
        var f = Define("f", "a, b", "a - b");
        var library = new FunctionLibrary([f]);
        var e = ExpressionParser.Parse("f(b, a)", ExpressionParserOptions.ForFunctions(library));
        Assert.That(e.Inline(library).ToString(), Is.EqualTo("b - a"));
    }

    [Test]
    public void Inline_expands_nested_and_chained_calls()
    {
        var hill = Define("hill", "S, K, n", "S^n / (K^n + S^n)");
        var act = Define("act", "X", "hill(X, K1, 2) * hill(X^2, 1, 1)", "hill:3");
        var library = new FunctionLibrary([act, hill]);
        var e = ExpressionParser.Parse("act(hill(A, 1, 1))", ExpressionParserOptions.ForFunctions(library));
        var inlined = e.Inline(library);
        Assert.That(inlined.FunctionCalls, Is.Empty);
        Assert.That(inlined.Symbols, Is.EqualTo(new[] { "A", "K1" }), "free symbols of bodies stay free");
        double direct = e.Evaluate(n => n == "A" ? 0.7 : 1.3, library);
        double expanded = inlined.Evaluate(n => n == "A" ? 0.7 : 1.3);
        Assert.That(expanded, Is.EqualTo(direct));
    }

    [Test]
    public void Direct_recursion_is_rejected_with_the_cycle()
    {
        var f = Define("fact", "n", "piecewise(1, n < 1, n * fact(n - 1))", "fact:1");
        Assert.That(
            () => new FunctionLibrary([f]),
            Throws.ArgumentException.With.Message.EqualTo(
                "The function 'fact' is recursive (fact → fact); function definitions must not call themselves, directly or indirectly."));
    }

    [Test]
    public void Indirect_recursion_is_rejected_with_the_cycle()
    {
        var f = Define("f", "x", "g(x) + 1", "g:1");
        var g = Define("g", "x", "h(x) * 2", "h:1");
        var h = Define("h", "x", "f(x)", "f:1");
        Assert.That(() => new FunctionLibrary([f, g, h]), Throws.ArgumentException.With.Message.Contains("(f → g → h → f)"));
    }

    [Test]
    public void Undefined_callee_and_wrong_arity_are_rejected()
    {
        var f = Define("f", "x", "g(x)", "g:1");
        Assert.That(() => new FunctionLibrary([f]), Throws.ArgumentException.With.Message.Contains("'g', which is neither built in nor defined"));
        var g = Define("g", "x, y", "x + y");
        Assert.That(() => new FunctionLibrary([f, g]), Throws.ArgumentException.With.Message.Contains("with 1 arguments but 'g' takes 2"));
    }

    [Test]
    public void Definitions_are_validated()
    {
        Assert.That(() => Define("exp", "x", "x"), Throws.ArgumentException.With.Message.Contains("built-in"));
        Assert.That(() => Define("f", "x, x", "x"), Throws.ArgumentException.With.Message.Contains("twice"));
        Assert.That(() => Define("f", "pi", "1"), Throws.ArgumentException);
        var f = Define("f", "x", "x");
        Assert.That(() => new FunctionLibrary([f, f]), Throws.ArgumentException.With.Message.Contains("defined twice"));
        Assert.That(() => f.Apply([]), Throws.ArgumentException.With.Message.Contains("takes 1 argument"));
    }

    [Test]
    public void Evaluate_calls_user_functions_from_the_library()
    {
        var mm = Define("mm", "S, V, K", "V * S / (K + S)");
        var library = new FunctionLibrary([mm]);
        var e = ExpressionParser.Parse("mm(A, 2, 1) + K", ExpressionParserOptions.ForFunctions(library));
        Assert.That(e.Evaluate(n => n == "A" ? 3.0 : 10.0, library), Is.EqualTo(1.5 + 10.0), "the caller's K is not the parameter K");
        Assert.That(() => e.Evaluate(_ => 1.0), Throws.ArgumentException.With.Message.Contains("'mm'"));
    }

    [Test]
    public void Definitions_have_structural_equality_and_text()
    {
        var a = Define("mm", "S, V, K", "V*S/(K+S)");
        var b = Define("mm", "S, V, K", "V * S / (K + S)");
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a.ToString(), Is.EqualTo("mm(S, V, K) = V * S / (K + S)"));
        Assert.That(a.Apply([Expr.Symbol("A"), 2.0, 1.0]).ToString(), Is.EqualTo("2 * A / (1 + A)"));
    }

    [Test]
    public void Substitute_replaces_all_occurrences_at_once()
    {
        var e = Expr.Parse("x * y + x");
        var swapped = e.Substitute(new Dictionary<string, Expr> { ["x"] = Expr.Symbol("y"), ["y"] = Expr.Symbol("x") });
        Assert.That(swapped.ToString(), Is.EqualTo("y * x + y"));
        Assert.That(e.Substitute(_ => null), Is.SameAs(e));
    }
}
