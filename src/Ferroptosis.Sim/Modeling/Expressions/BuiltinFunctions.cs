using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The catalogue of built-in functions: SBML Level 3 Version 2 MathML functions plus a few common extensions.</summary>
/// <remarks>
/// <para>
/// Canonical names follow MathML: exp, ln, log (log(b, x) is the base-b logarithm), log10, sqrt, root(n, x), abs,
/// floor, ceiling, factorial, pow (x^y), rem, quotient, min and max (n-ary), sin … arccoth (all twelve
/// trigonometric and hyperbolic functions and their inverses), relations eq, neq, gt, lt, geq, leq (n-ary: chained),
/// logic and, or, xor (n-ary), not, implies; extension: sign.
/// </para>
/// <para>
/// Aliases are mapped to canonical names when a <see cref="CallExpr"/> is built: asin → arcsin (and the other
/// a-prefixed inverses), ceil → ceiling, power → pow, log(x) with one argument → ln(x) (natural logarithm, as in
/// Antimony; libSBML reads it as log10 by default), root(x) → sqrt(x). Thread-safe (read-only tables).
/// </para>
/// </remarks>
public static class BuiltinFunctions
{
    private const int NAry = int.MaxValue;

    private static readonly FrozenDictionary<string, BuiltinFunction> ByName = Build().ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> AliasTable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["asin"] = "arcsin",
        ["acos"] = "arccos",
        ["atan"] = "arctan",
        ["asec"] = "arcsec",
        ["acsc"] = "arccsc",
        ["acot"] = "arccot",
        ["asinh"] = "arcsinh",
        ["acosh"] = "arccosh",
        ["atanh"] = "arctanh",
        ["asech"] = "arcsech",
        ["acsch"] = "arccsch",
        ["acoth"] = "arccoth",
        ["ceil"] = "ceiling",
        ["power"] = "pow",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets every built-in function that computes from its arguments' present values, by canonical name.</summary>
    /// <remarks>
    /// <c>delay(x, τ)</c>, the value of x at time t − τ, is also a built-in name but is not listed: it reads the past of
    /// a simulation, so only a model compiled by <see cref="Compilation.ModelCompiler"/> evaluates it (from the solution's
    /// history); a plain <see cref="ExpressionCompiler"/> kernel refuses it, and <see cref="Expr.Evaluate(Func{string, double})"/>
    /// without a history takes x at the present.
    /// </remarks>
    public static IReadOnlyCollection<BuiltinFunction> All { get; } = [.. ByName.Values.Where(f => f.Kind != BuiltinKind.Delay)];

    /// <summary>Gets the aliases (alias → canonical name); log(x) → ln(x) and root(x) → sqrt(x) depend on arity and are not listed.</summary>
    public static IReadOnlyDictionary<string, string> Aliases => AliasTable;

    /// <summary>Tells whether <paramref name="name"/> is a built-in function name or alias (including <c>piecewise</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>True for built-in names.</returns>
    public static bool IsBuiltin(string name) =>
        name is not null && (ByName.ContainsKey(name) || AliasTable.ContainsKey(name) || name == ExpressionSyntax.Piecewise);

    /// <summary>Looks up a built-in function by canonical name or alias (ignoring arity-dependent mappings).</summary>
    /// <param name="name">The name.</param>
    /// <param name="function">The function, when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string name, [NotNullWhen(true)] out BuiltinFunction? function)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (AliasTable.TryGetValue(name, out var canonical))
        {
            name = canonical;
        }

        return ByName.TryGetValue(name, out function);
    }

    /// <summary>Finds the built-in function that a call of <paramref name="name"/> with <paramref name="arity"/> arguments means.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="arity">The number of arguments.</param>
    /// <returns>The function (arity not checked), or null when the name is not built in.</returns>
    internal static BuiltinFunction? Resolve(string name, int arity)
    {
        if (arity == 1 && name is "log")
        {
            return ByName["ln"];
        }

        if (arity == 1 && name is "root")
        {
            return ByName["sqrt"];
        }

        return TryGet(name, out var f) ? f : null;
    }

    /// <summary>Gets every name a call may use (canonical names, aliases and piecewise), for suggestions.</summary>
    internal static IEnumerable<string> AllNames() => ByName.Keys.Concat(AliasTable.Keys).Append(ExpressionSyntax.Piecewise);

    private static List<BuiltinFunction> Build()
    {
        var list = new List<BuiltinFunction>();
        void Numeric(string name, BuiltinKind kind, Type type, string method, int arity)
        {
            var parameters = Enumerable.Repeat(typeof(double), arity).ToArray();
            var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, parameters)
                ?? throw new InvalidOperationException($"Missing {type.Name}.{method}.");
            list.Add(new BuiltinFunction(name, kind, arity, arity, false, info));
        }

        void Special(string name, BuiltinKind kind, int min, int max, bool isBoolean) =>
            list.Add(new BuiltinFunction(name, kind, min, max, isBoolean, null));

        var m = typeof(Math);
        var b = typeof(BuiltinMath);
        Numeric("exp", BuiltinKind.Exp, m, nameof(Math.Exp), 1);
        Numeric("ln", BuiltinKind.Ln, m, nameof(Math.Log), 1);
        Numeric("log", BuiltinKind.Log, b, nameof(BuiltinMath.Log), 2);
        Numeric("log10", BuiltinKind.Log10, m, nameof(Math.Log10), 1);
        Numeric("sqrt", BuiltinKind.Sqrt, m, nameof(Math.Sqrt), 1);
        Numeric("root", BuiltinKind.Root, b, nameof(BuiltinMath.Root), 2);
        Numeric("abs", BuiltinKind.Abs, m, nameof(Math.Abs), 1);
        Numeric("sign", BuiltinKind.Sign, b, nameof(BuiltinMath.Sign), 1);
        Numeric("floor", BuiltinKind.Floor, m, nameof(Math.Floor), 1);
        Numeric("ceiling", BuiltinKind.Ceiling, m, nameof(Math.Ceiling), 1);
        Numeric("factorial", BuiltinKind.Factorial, b, nameof(BuiltinMath.Factorial), 1);
        Numeric("pow", BuiltinKind.Pow, b, nameof(BuiltinMath.Pow), 2);
        Numeric("rem", BuiltinKind.Rem, b, nameof(BuiltinMath.Rem), 2);
        Numeric("quotient", BuiltinKind.Quotient, b, nameof(BuiltinMath.Quotient), 2);
        Special("min", BuiltinKind.Min, 1, NAry, false);
        Special("max", BuiltinKind.Max, 1, NAry, false);
        Special("delay", BuiltinKind.Delay, 2, 2, false);
        Numeric("sin", BuiltinKind.Sin, m, nameof(Math.Sin), 1);
        Numeric("cos", BuiltinKind.Cos, m, nameof(Math.Cos), 1);
        Numeric("tan", BuiltinKind.Tan, m, nameof(Math.Tan), 1);
        Numeric("sec", BuiltinKind.Sec, b, nameof(BuiltinMath.Sec), 1);
        Numeric("csc", BuiltinKind.Csc, b, nameof(BuiltinMath.Csc), 1);
        Numeric("cot", BuiltinKind.Cot, b, nameof(BuiltinMath.Cot), 1);
        Numeric("sinh", BuiltinKind.Sinh, m, nameof(Math.Sinh), 1);
        Numeric("cosh", BuiltinKind.Cosh, m, nameof(Math.Cosh), 1);
        Numeric("tanh", BuiltinKind.Tanh, m, nameof(Math.Tanh), 1);
        Numeric("sech", BuiltinKind.Sech, b, nameof(BuiltinMath.Sech), 1);
        Numeric("csch", BuiltinKind.Csch, b, nameof(BuiltinMath.Csch), 1);
        Numeric("coth", BuiltinKind.Coth, b, nameof(BuiltinMath.Coth), 1);
        Numeric("arcsin", BuiltinKind.Arcsin, m, nameof(Math.Asin), 1);
        Numeric("arccos", BuiltinKind.Arccos, m, nameof(Math.Acos), 1);
        Numeric("arctan", BuiltinKind.Arctan, m, nameof(Math.Atan), 1);
        Numeric("arcsec", BuiltinKind.Arcsec, b, nameof(BuiltinMath.Arcsec), 1);
        Numeric("arccsc", BuiltinKind.Arccsc, b, nameof(BuiltinMath.Arccsc), 1);
        Numeric("arccot", BuiltinKind.Arccot, b, nameof(BuiltinMath.Arccot), 1);
        Numeric("arcsinh", BuiltinKind.Arcsinh, m, nameof(Math.Asinh), 1);
        Numeric("arccosh", BuiltinKind.Arccosh, m, nameof(Math.Acosh), 1);
        Numeric("arctanh", BuiltinKind.Arctanh, m, nameof(Math.Atanh), 1);
        Numeric("arcsech", BuiltinKind.Arcsech, b, nameof(BuiltinMath.Arcsech), 1);
        Numeric("arccsch", BuiltinKind.Arccsch, b, nameof(BuiltinMath.Arccsch), 1);
        Numeric("arccoth", BuiltinKind.Arccoth, b, nameof(BuiltinMath.Arccoth), 1);
        Special("eq", BuiltinKind.Eq, 1, NAry, true);
        Special("neq", BuiltinKind.Neq, 2, 2, true);
        Special("gt", BuiltinKind.Gt, 1, NAry, true);
        Special("lt", BuiltinKind.Lt, 1, NAry, true);
        Special("geq", BuiltinKind.Geq, 1, NAry, true);
        Special("leq", BuiltinKind.Leq, 1, NAry, true);
        Special("and", BuiltinKind.And, 0, NAry, true);
        Special("or", BuiltinKind.Or, 0, NAry, true);
        Special("xor", BuiltinKind.Xor, 0, NAry, true);
        Special("not", BuiltinKind.Not, 1, 1, true);
        Special("implies", BuiltinKind.Implies, 2, 2, true);
        return list;
    }
}
