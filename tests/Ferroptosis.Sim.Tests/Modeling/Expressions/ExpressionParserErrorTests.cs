using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>One test per parse error message: exact text, line, column and token.</summary>
public sealed class ExpressionParserErrorTests
{
    private static readonly ExpressionParserOptions WithHill =
        new() { UserFunctions = new Dictionary<string, int> { ["hill"] = 3 } };

    private static ModelParseException Fail(string text, ExpressionParserOptions? options = null, int line = 1, int column = 1) =>
        Assert.Throws<ModelParseException>(() => ExpressionParser.Parse(text, line, column, options))!;

    private static void AssertError(ModelParseException ex, string message, int line, int column, string? token)
    {
        Assert.That(ex.Message, Is.EqualTo(message));
        Assert.That(ex.Line, Is.EqualTo(line));
        Assert.That(ex.Column, Is.EqualTo(column));
        Assert.That(ex.Token, Is.EqualTo(token));
        Assert.That(ex, Is.InstanceOf<FormatException>());
    }

    [Test]
    public void Unknown_function_with_suggestion_from_user_functions() =>
        AssertError(
            Fail("Vmax * S\n  + k *\n  hil(S, K, n)", WithHill, 2, 9),
            "unknown function 'hil' at 4:3; did you mean 'hill'?", 4, 3, "hil");

    [Test]
    public void Unknown_function_with_suggestion_from_builtins() =>
        AssertError(Fail("1 + sinn(x)"), "unknown function 'sinn' at 1:5; did you mean 'sign', 'sin' or 'sinh'?", 1, 5, "sinn");

    [Test]
    public void Unknown_function_without_suggestion() =>
        AssertError(Fail("michaelis(S)"), "unknown function 'michaelis' at 1:1", 1, 1, "michaelis");

    [Test]
    public void Constant_called_as_function() =>
        AssertError(Fail("2 * pi(3)"), "unknown function 'pi' at 1:5", 1, 5, "pi");

    [Test]
    public void Expected_closing_parenthesis() =>
        AssertError(Fail("2*(a + b, c)"), "expected ')' at 1:9 but found ','", 1, 9, ",");

    [Test]
    public void Expected_closing_parenthesis_at_end() =>
        AssertError(Fail("2 * (a + b"), "expected ')' at 1:11 but found end of text", 1, 11, null);

    [Test]
    public void Expected_comma_or_parenthesis_in_call() =>
        AssertError(Fail("exp(x y)"), "expected ',' or ')' at 1:7 but found 'y'", 1, 7, "y");

    [Test]
    public void Expected_expression_after_operator() =>
        AssertError(Fail("1 + * 2"), "expected an expression at 1:5 but found '*'", 1, 5, "*");

    [Test]
    public void Expected_expression_for_empty_argument() =>
        AssertError(Fail("max(a, )"), "expected an expression at 1:8 but found ')'", 1, 8, ")");

    [Test]
    public void Expected_expression_in_empty_text() =>
        AssertError(Fail("   "), "expected an expression at 1:4 but found end of text", 1, 4, null);

    [Test]
    public void Expected_operator_between_operands() =>
        AssertError(Fail("k1 A"), "expected an operator or end of text at 1:4 but found 'A'", 1, 4, "A");

    [Test]
    public void Expected_operator_after_unbalanced_parenthesis() =>
        AssertError(Fail("(a + b))"), "expected an operator or end of text at 1:8 but found ')'", 1, 8, ")");

    [Test]
    public void Unexpected_character() =>
        AssertError(Fail("a # b"), "unexpected character '#' at 1:3", 1, 3, "#");

    [Test]
    public void Unexpected_control_character_is_shown_as_code_point() =>
        AssertError(Fail("a\u0001"), "unexpected character U+0001 at 1:2", 1, 2, "\u0001");

    [Test]
    public void Single_ampersand_suggests_double() =>
        AssertError(Fail("a & b"), "unexpected character '&' at 1:3; did you mean '&&'?", 1, 3, "&");

    [Test]
    public void Single_bar_suggests_double() =>
        AssertError(Fail("a | b"), "unexpected character '|' at 1:3; did you mean '||'?", 1, 3, "|");

    [Test]
    public void Single_equals_suggests_double() =>
        AssertError(Fail("a = b"), "unexpected character '=' at 1:3; did you mean '=='?", 1, 3, "=");

    [Test]
    public void Malformed_exponent() =>
        AssertError(Fail("2 * 1.5e+"), "malformed number '1.5e+' at 1:5; an exponent needs digits, as in 1e-3", 1, 5, "1.5e+");

    [Test]
    public void Number_too_large() =>
        AssertError(Fail("1e999"), "number '1e999' at 1:1 is too large for a double; write inf for infinity", 1, 1, "1e999");

    [Test]
    public void Builtin_arity_exact() =>
        AssertError(Fail("exp(1, 2)"), "function 'exp' takes 1 argument but was given 2 at 1:1", 1, 1, "exp");

    [Test]
    public void Builtin_arity_range() =>
        AssertError(Fail("log(1, 2, 3)"), "function 'log' takes 2 arguments but was given 3 at 1:1", 1, 1, "log");

    [Test]
    public void Builtin_arity_minimum() =>
        AssertError(Fail("x + max()"), "function 'max' takes at least 1 argument but was given 0 at 1:5", 1, 5, "max");

    [Test]
    public void Piecewise_without_arguments() =>
        AssertError(Fail("piecewise()"), "function 'piecewise' takes at least 1 argument but was given 0 at 1:1", 1, 1, "piecewise");

    [Test]
    public void User_function_arity() =>
        AssertError(Fail("hill(S, K)", WithHill), "function 'hill' takes 3 arguments but was given 2 at 1:1", 1, 1, "hill");

    [Test]
    public void Nesting_too_deep_in_parentheses()
    {
        var text = new string('(', 100_000) + "x" + new string(')', 100_000);
        int limit = ExpressionParser.MaxNestingDepth;
        AssertError(Fail(text), $"expression nested too deeply at 1:{limit + 1} (more than {limit} levels)", 1, limit + 1, "(");
    }

    [Test]
    public void Tree_too_deep()
    {
        var text = string.Join("+", Enumerable.Repeat("x", 100_000));
        int limit = ExpressionParser.MaxTreeDepth;
        AssertError(Fail(text), $"expression nested too deeply at 1:{2 * limit} (the tree is more than {limit} levels deep)", 1, 2 * limit, "+");
    }

    [Test]
    public void Tree_too_deep_through_calls()
    {
        // A sum of 999 terms is 999 deep; one call around it is allowed, a second one passes the limit.
        string sum = string.Join("+", Enumerable.Repeat("x", ExpressionParser.MaxTreeDepth - 1));
        Assert.That(Expr.Parse("exp(" + sum + ")").Depth, Is.EqualTo(ExpressionParser.MaxTreeDepth));
        AssertError(
            Fail("ln(exp(" + sum + "))"),
            $"expression nested too deeply at 1:1 (the tree is more than {ExpressionParser.MaxTreeDepth} levels deep)", 1, 1, "ln");
    }

    [TestCase("-")]
    [TestCase("!")]
    [TestCase("x^")]
    [TestCase("exp(")]
    [TestCase("f(")]
    public void Deep_nesting_of_every_construct_is_rejected_without_stack_overflow(string unit)
    {
        var options = new ExpressionParserOptions { UserFunctions = new Dictionary<string, int> { ["f"] = 1 } };
        var text = string.Concat(Enumerable.Repeat(unit, 100_000)) + "x";
        var ex = Assert.Throws<ModelParseException>(() => ExpressionParser.Parse(text, options))!;
        Assert.That(ex.Message, Does.StartWith("expression nested too deeply at 1:"));
    }

    [Test]
    public void Positions_count_lines_after_the_first_from_column_one()
    {
        var ex = Fail("a +\r\n  b +\n    * c", null, 7, 20);
        Assert.That((ex.Line, ex.Column), Is.EqualTo((9, 5)));
    }

    [Test]
    public void Very_long_tokens_are_shortened_in_messages()
    {
        var name = new string('q', 500);
        var ex = Fail(name + "(x)");
        Assert.That(ex.Message, Is.EqualTo($"unknown function '{new string('q', 32)}…' at 1:1"));
        Assert.That(ex.Token, Is.EqualTo(name));
    }

    [Test]
    public void Offsets_below_one_are_misuse() =>
        Assert.That(() => ExpressionParser.Parse("x", 0, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
