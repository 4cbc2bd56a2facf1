using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Translates the MathML content subset of SBML (Level 2 and Level 3 core) into <see cref="Expr"/> trees.</summary>
/// <remarks>
/// <para>
/// The subset is that of SBML Level 3 Version 2 core, section 3.4: <c>cn</c> (real, integer, e-notation, rational),
/// <c>ci</c>, <c>csymbol</c> time, the constants, <c>apply</c> with the arithmetic, relational, logical,
/// exponential, rounding and trigonometric operators, <c>piecewise</c>, <c>lambda</c> (function definitions only)
/// and <c>semantics</c> (whose annotations are ignored). Relations and connectives with two operands become
/// operator nodes (<c>a &gt; b</c>, <c>a &amp;&amp; b</c>), so event triggers expose the comparisons the event
/// detector needs; n-ary relations are chained with and. <c>log</c> without <c>logbase</c> is the base-10 logarithm
/// and <c>root</c> without <c>degree</c> the square root, as MathML defines them. The csymbol <c>avogadro</c> is
/// its number (<see cref="Avogadro"/>); <c>rateOf</c> is read as a placeholder that <see cref="RateOfExpander"/> replaces;
/// the csymbol <c>delay</c> becomes a call of the built-in <c>delay(x, τ)</c>.
/// </para>
/// <para>Not thread-safe (one instance per document).</para>
/// </remarks>
internal sealed class MathMLReader
{
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    private const string SymbolsUrl = "http://www.sbml.org/sbml/symbols/";

    private readonly SbmlIdMap _ids;
    private readonly Dictionary<string, int> _arities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _undefinedFunctions = new(StringComparer.Ordinal);

    public MathMLReader(SbmlIdMap ids)
    {
        _ids = ids;
    }

    /// <summary>Makes calls of these functions check their number of arguments (calls inside function bodies are checked by <see cref="FunctionLibrary"/>).</summary>
    public void DeclareFunctions(IEnumerable<FunctionDefinition> functions)
    {
        foreach (var f in functions)
        {
            _arities[f.Name] = f.Arity;
        }
    }

    /// <summary>Records a function definition without math (SBML id): any call of it is refused.</summary>
    public void DeclareUndefinedFunction(string id) => _undefinedFunctions.Add(id);

    /// <summary>Reads the expression inside a <c>&lt;math&gt;</c> element.</summary>
    /// <param name="math">The math element.</param>
    /// <param name="locals">Names visible only here (local parameters, function arguments): SBML id → symbol name; or null.</param>
    public Expr ReadMath(XmlElementNode math, IReadOnlyDictionary<string, string>? locals = null)
    {
        var content = SingleChild(math);
        var expression = Read(content, locals);
        if (expression.Depth > ExpressionParser.MaxTreeDepth)
        {
            throw Error($"The expression in <{math.Name}> is more than {ExpressionParser.MaxTreeDepth} operations deep", math);
        }

        return expression;
    }

    /// <summary>Reads the <c>&lt;lambda&gt;</c> of a function definition.</summary>
    public FunctionDefinition ReadLambda(string name, XmlElementNode math)
    {
        var lambda = SingleChild(math);
        if (lambda.Name == "semantics")
        {
            lambda = SingleChild(lambda);
        }

        if (lambda.Name != "lambda")
        {
            throw Error($"The function definition '{name}' must contain a <lambda>, not <{lambda.Name}>", lambda);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        XmlElementNode? body = null;
        foreach (var child in lambda.Children)
        {
            if (child.Name == "bvar")
            {
                var ci = SingleChild(child);
                if (ci.Name != "ci")
                {
                    throw Error($"A <bvar> of function '{name}' must contain a <ci>", ci);
                }

                string id = CheckId(ci.Text, ci);
                string symbol = _ids.LocalName(id);
                if (!parameters.TryAdd(id, symbol))
                {
                    throw Error($"The argument '{id}' appears twice in function '{name}'", ci);
                }

                names.Add(symbol);
            }
            else if (body is null)
            {
                body = child;
            }
            else
            {
                throw Error($"The <lambda> of function '{name}' has more than one body", child);
            }
        }

        if (body is null)
        {
            throw Error($"The <lambda> of function '{name}' has no body", lambda);
        }

        var expression = Read(body, parameters);
        try
        {
            return new FunctionDefinition(name, names, expression);
        }
        catch (ArgumentException e)
        {
            throw Error($"The function definition '{name}' is not valid: {e.Message}", lambda);
        }
    }

    private static XmlElementNode SingleChild(XmlElementNode element)
    {
        if (element.Children.Count != 1)
        {
            throw Error($"<{element.Name}> must contain exactly one element, but has {element.Children.Count}", element);
        }

        return element.Children[0];
    }

    /// <summary>Gets a value indicating whether any math read so far applies the <c>rateOf</c> csymbol.</summary>
    public bool UsesRateOf { get; private set; }

    private static SbmlFormatException Error(string message, XmlElementNode at, string? unsupported = null) =>
        new(message, at.Line, at.Position, unsupported is not null) { UnsupportedFeature = unsupported };

    private static string CheckId(string id, XmlElementNode at)
    {
        if (!SbmlIdMap.IsSId(id))
        {
            throw Error($"'{id}' in <{at.Name}> is not a valid SBML identifier", at);
        }

        return id;
    }

    private Expr Read(XmlElementNode node, IReadOnlyDictionary<string, string>? locals)
    {
        if (node.Namespace != Namespace)
        {
            throw Error($"<{node.Name}> is not a MathML element (namespace '{node.Namespace}')", node);
        }

        switch (node.Name)
        {
            case "cn":
                return new NumberExpr(ReadNumber(node));
            case "ci":
                return Symbol(CheckId(node.Text, node), locals);
            case "csymbol":
                return ReadCsymbol(node);
            case "true":
                return ConstantExpr.True;
            case "false":
                return ConstantExpr.False;
            case "pi":
                return ConstantExpr.Pi;
            case "exponentiale":
                return ConstantExpr.ExponentialE;
            case "infinity":
                return new NumberExpr(double.PositiveInfinity);
            case "notanumber":
                return new NumberExpr(double.NaN);
            case "apply":
                return ReadApply(node, locals);
            case "piecewise":
                return ReadPiecewise(node, locals);
            case "semantics":
                if (node.Children.Count == 0)
                {
                    throw Error("<semantics> is empty", node);
                }

                return Read(node.Children[0], locals);
            case "lambda":
                throw Error("<lambda> may appear only in a function definition", node);
            default:
                throw Error($"The MathML element <{node.Name}> is not supported in SBML", node, unsupported: $"MathML <{node.Name}>");
        }
    }

    private SymbolExpr Symbol(string id, IReadOnlyDictionary<string, string>? locals) =>
        new SymbolExpr(locals is not null && locals.TryGetValue(id, out string? local) ? local : _ids.Map(id));

    /// <summary>The value of the <c>avogadro</c> csymbol that the SBML Level 3 specifications fix (6.02214179e23 mol⁻¹).</summary>
    public const double Avogadro = 6.02214179e23;

    private static Expr ReadCsymbol(XmlElementNode node)
    {
        string url = (node.Attribute("definitionURL") ?? string.Empty).Trim();
        return url switch
        {
            SymbolsUrl + "time" => new SymbolExpr(ReactionNetwork.TimeSymbol),
            SymbolsUrl + "delay" => throw Error("The csymbol 'delay' must be applied to two arguments", node),
            SymbolsUrl + "rateOf" => throw Error("The csymbol 'rateOf' must be applied to one argument", node),
            SymbolsUrl + "avogadro" => new NumberExpr(Avogadro),
            _ => throw Error($"The csymbol with definitionURL '{url}' is not supported", node, unsupported: "csymbol " + url),
        };
    }

    private static double ReadNumber(XmlElementNode node)
    {
        string type = (node.Attribute("type") ?? "real").Trim();
        string? b = node.Attribute("base");
        if (b is not null && b.Trim() != "10")
        {
            throw Error($"<cn> with base {b} is not supported; write the number in base 10", node, unsupported: "MathML cn base");
        }

        switch (type)
        {
            case "real" or "integer" or "double":
                if (node.Children.Count > 0)
                {
                    throw Error($"<cn type=\"{type}\"> must contain only a number", node);
                }

                return Parse(node.Text, node);
            case "e-notation" or "rational":
                var segments = node.TextSegments;
                if (node.Children.Count != 1 || node.Children[0].Name != "sep" || segments.Count != 2)
                {
                    throw Error($"<cn type=\"{type}\"> must contain two numbers separated by <sep/>", node);
                }

                double a = Parse(segments[0].Trim(), node);
                double c = Parse(segments[1].Trim(), node);
                if (type == "rational")
                {
                    return a / c;
                }

                // Parsed as one decimal literal, so that m·10^e is rounded once (as a writer's round-trip text was).
                double number = c == Math.Floor(c) && Math.Abs(c) < 10000 && SbmlValues.TryParseDouble(string.Create(CultureInfo.InvariantCulture, $"{segments[0].Trim()}E{c:R}"), out double exact)
                    ? exact
                    : a * Math.Pow(10, c);
                return double.IsInfinity(number) && double.IsFinite(a) && double.IsFinite(c)
                    ? throw Error($"The number {segments[0].Trim()}e{segments[1].Trim()} in <cn type=\"e-notation\"> is beyond the range of a double (±1.8e308); write <infinity/> for an infinite value", node)
                    : number;
            default:
                throw Error($"<cn type=\"{type}\"> is not supported; use real, integer, e-notation or rational", node, unsupported: "MathML cn type");
        }
    }

    private static double Parse(string text, XmlElementNode node) =>
        SbmlValues.TryParseDouble(text, out double value) ? value
        : SbmlValues.IsOutOfRange(text) ? throw Error($"The number '{text.Trim()}' in <{node.Name}> is beyond the range of a double (±1.8e308); write <infinity/> for an infinite value", node)
        : throw Error($"'{text}' in <{node.Name}> is not a number", node);

    private PiecewiseExpr ReadPiecewise(XmlElementNode node, IReadOnlyDictionary<string, string>? locals)
    {
        var cases = new List<PiecewiseCase>();
        Expr? otherwise = null;
        foreach (var child in node.Children)
        {
            if (child.Name == "piece" && otherwise is null)
            {
                if (child.Children.Count != 2)
                {
                    throw Error("<piece> must contain a value and a condition", child);
                }

                cases.Add(new PiecewiseCase(Read(child.Children[0], locals), Read(child.Children[1], locals)));
            }
            else if (child.Name == "otherwise" && otherwise is null)
            {
                otherwise = Read(SingleChild(child), locals);
            }
            else
            {
                throw Error($"<{child.Name}> cannot appear here in <piecewise>; write <piece> elements, then at most one <otherwise>", child);
            }
        }

        if (cases.Count == 0 && otherwise is null)
        {
            throw Error("<piecewise> is empty", node);
        }

        return new PiecewiseExpr(cases, otherwise);
    }

    private Expr ReadApply(XmlElementNode node, IReadOnlyDictionary<string, string>? locals)
    {
        if (node.Children.Count == 0)
        {
            throw Error("<apply> is empty", node);
        }

        var op = node.Children[0];
        XmlElementNode? qualifier = null;
        var args = new List<Expr>(node.Children.Count - 1);
        for (int i = 1; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (child.Name is "degree" or "logbase" or "bvar")
            {
                if (child.Name == "bvar" || qualifier is not null || i != 1)
                {
                    throw Error($"<{child.Name}> cannot appear here", child);
                }

                qualifier = child;
                continue;
            }

            args.Add(Read(child, locals));
        }

        if (op.Namespace == Namespace && op.Name == "ci")
        {
            string id = CheckId(op.Text, op);
            if (!_ids.IsFunction(id))
            {
                throw Error($"'{id}' is applied as a function but is not a function definition", op);
            }

            if (_undefinedFunctions.Contains(id))
            {
                throw Error($"Function '{id}' is called, but its function definition has no <math>, so its value is undefined", op);
            }

            string name = _ids.Map(id);
            if (_arities.TryGetValue(name, out int arity) && arity != args.Count)
            {
                throw Error($"Function '{id}' takes {arity} argument{(arity == 1 ? string.Empty : "s")} but is given {args.Count}", op);
            }

            return new CallExpr(name, args);
        }

        if (op.Namespace == Namespace && op.Name == "csymbol" && (op.Attribute("definitionURL") ?? string.Empty).Trim() == SymbolsUrl + "rateOf")
        {
            // rateOf(x): a placeholder call, replaced by x's time derivative once the whole model is read (RateOfExpander).
            if (args is not [SymbolExpr])
            {
                throw Error("The csymbol 'rateOf' takes one argument, the <ci> of a species, compartment, parameter or species reference", op);
            }

            UsesRateOf = true;
            return new CallExpr(RateOfExpander.Marker, args);
        }

        if (op.Namespace == Namespace && op.Name == "csymbol" && (op.Attribute("definitionURL") ?? string.Empty).Trim() == SymbolsUrl + "delay")
        {
            // delay(x, τ): the value of x at time t − τ, evaluated from the simulation's history.
            if (args.Count != 2)
            {
                throw Error("The csymbol 'delay' takes two arguments, the expression and the delay", op);
            }

            return new CallExpr("delay", args);
        }

        if (op.Namespace == Namespace && op.Name == "csymbol")
        {
            // Only delay and rateOf are functions among the SBML csymbols.
            string name = ReadCsymbol(op) is NumberExpr ? "avogadro" : "time";
            throw Error($"The csymbol '{name}' cannot be applied as a function", op);
        }

        if (qualifier is not null && !(qualifier.Name == "degree" && op.Name == "root") && !(qualifier.Name == "logbase" && op.Name == "log"))
        {
            throw Error($"<{qualifier.Name}> cannot qualify <{op.Name}>", qualifier);
        }

        var q = qualifier is null ? null : Read(SingleChild(qualifier), locals);
        return MathMLOperators.Apply(op, q, args);
    }
}
