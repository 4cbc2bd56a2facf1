using System.Globalization;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Turns the XML tree of an SBML Level 2 or 3 core document into a <see cref="ReactionNetwork"/>.</summary>
/// <remarks>
/// <para>
/// Attribute defaults follow each level's specification: Level 2 gives defaults (e.g. <c>constant="true"</c> for
/// parameters, <c>reversible="true"</c>, stoichiometry 1, events persistent with <c>initialValue="true"</c>), Level 3
/// has none, so a missing required attribute is an error. Values SBML leaves undefined (a parameter without value, a
/// species without initial amount or concentration, a Level 3 stoichiometry left out) are NaN unless an initial
/// assignment or rule defines them; a compartment without size must have one defined that way, except a
/// zero-dimensional one, whose size is taken as 1 (its species are amounts). Units are not read: SBML units do not
/// change numbers. Constraints are not checked. Elements of Level 3 packages other than layout, render and those marked
/// <c>required="false"</c> (ignored, with a warning for the latter), algebraic rules that
/// cannot be solved exactly (see <c>SolveAlgebraicRules</c>) and reactions without a rate are rejected
/// as unsupported, naming the feature; Level 2 stoichiometryMath becomes an assignment rule on the species reference,
/// and <c>rateOf</c> the derivative it denotes (<see cref="RateOfExpander"/>). Fast reactions are read as such
/// (<see cref="Reaction.IsFast"/>); the model compiler turns them into equilibrium constraints.
/// </para>
/// <para>Not thread-safe (one instance per document).</para>
/// </remarks>
internal sealed partial class SbmlModelReader
{
    private readonly XmlElementNode _root;
    private readonly int _level;
    private readonly int _version;
    private readonly string _ns;
    private readonly HashSet<string> _ignoredNamespaces = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly List<AssignmentRule> _stoichiometryRules = [];
    private readonly List<(Expr Math, XmlElementNode Element)> _algebraicRules = [];
    private readonly Dictionary<string, XmlElementNode> _sizeless = new(StringComparer.Ordinal);
    private bool _hasAlgebraicRules;
    private SbmlIdMap _ids = null!;
    private MathMLReader _math = null!;

    private SbmlModelReader(XmlElementNode root, int level, int version, string ns)
    {
        _root = root;
        _level = level;
        _version = version;
        _ns = ns;
    }

    private bool IsLevel3 => _level == 3;

    public static SbmlDocument Read(XmlElementNode root)
    {
        if (root.Name != "sbml")
        {
            throw Error($"The root element is <{root.Name}>, not <sbml>; this is not an SBML file", root);
        }

        int level = RequiredInt(root, "level");
        int version = RequiredInt(root, "version");
        string expected = level switch
        {
            2 when version == 1 => "http://www.sbml.org/sbml/level2",
            2 when version is >= 2 and <= 5 => $"http://www.sbml.org/sbml/level2/version{version}",
            3 when version is 1 or 2 => $"http://www.sbml.org/sbml/level3/version{version}/core",
            _ => throw Error($"SBML Level {level} Version {version} is not supported; use Level 2 (Versions 1 to 5) or Level 3 (Versions 1 and 2)", root, unsupported: $"SBML Level {level} Version {version}"),
        };

        if (root.Namespace != expected)
        {
            throw Error($"<sbml level=\"{level}\" version=\"{version}\"> must be in namespace '{expected}', not '{root.Namespace}'", root);
        }

        var reader = new SbmlModelReader(root, level, version, expected);
        reader.CheckPackages();
        return reader.ReadDocument();
    }

    /// <summary>Refuses Level 3 packages that change the model's meaning; layout, render and packages marked <c>required="false"</c> are ignored (the latter with a warning).</summary>
    private void CheckPackages()
    {
        foreach (var (prefix, uri) in _root.NamespaceDeclarations)
        {
            if (!uri.StartsWith("http://www.sbml.org/sbml/level3/", StringComparison.Ordinal) || uri.EndsWith("/core", StringComparison.Ordinal))
            {
                continue;
            }

            string package = uri.Split('/')[^2];
            string? required = _root.Attributes.FirstOrDefault(a => a.Name == "required" && a.Namespace == uri).Value;
            if (package is "layout" or "render")
            {
                _ignoredNamespaces.Add(uri);
            }
            else if (required is not null && SbmlValues.TryParseBoolean(required, out bool isRequired) && !isRequired)
            {
                // SBML Level 3 §4.1.2: a package marked required="false" cannot change the mathematical meaning of the core model.
                _ignoredNamespaces.Add(uri);
                _warnings.Add($"The SBML Level 3 package '{package}' (namespace '{uri}') is not supported; its elements and attributes are ignored, which the file allows (required=\"false\")");
            }
            else
            {
                throw Error($"The SBML Level 3 package '{package}' (namespace '{uri}', prefix '{prefix}') is not supported", _root, unsupported: $"package {package}");
            }
        }
    }

    private SbmlDocument ReadDocument()
    {
        var model = _root.Child("model", _ns) ?? throw Error("The document has no <model>", _root);
        foreach (var child in _root.Children)
        {
            if (child.Namespace == _ns && child.Name is not ("model" or "notes" or "annotation"))
            {
                throw Error($"<{child.Name}> cannot appear in <sbml>", child);
            }
        }

        var lists = Lists(model);
        _ids = CollectIds(lists);
        _math = new MathMLReader(_ids);

        var functions = ReadFunctions(lists);
        _math.DeclareFunctions(functions);
        var targets = RuleAndAssignmentTargets(lists);
        var compartments = ReadCompartments(lists, targets);
        // Duplicate ids are reported by network validation; the first definition counts here.
        var compartmentDimensions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in compartments)
        {
            compartmentDimensions.TryAdd(c.Id, c.SpatialDimensions);
        }

        var species = ReadSpecies(lists, compartmentDimensions);
        var parameters = ReadParameters(lists);
        var initialAssignments = ReadInitialAssignments(lists);
        var (assignmentRules, rateRules) = ReadRules(lists);
        var reactions = ReadReactions(lists);
        assignmentRules.AddRange(_stoichiometryRules);
        var events = ReadEvents(lists);
        string? conversionFactor = IsLevel3 && model.Attribute("conversionFactor") is { } cf ? _ids.Map(ReferenceId(model, "conversionFactor", cf)) : null;
        var eventTargets = events.SelectMany(e => e.Assignments).Select(a => a.Variable).ToHashSet(StringComparer.Ordinal);
        assignmentRules.AddRange(SolveAlgebraicRules(new AlgebraicContext(compartments, species, parameters, reactions, assignmentRules, rateRules, functions, eventTargets, conversionFactor)));
        if (_math.UsesRateOf)
        {
            if (reactions.Any(r => r.IsFast))
            {
                // The rate of a quantity moved by a fast reaction is not the sum of the reaction rates (the fast rates are held at zero).
                throw new SbmlFormatException("The csymbol 'rateOf' is not supported in a model with fast reactions", 0, 0, isUnsupportedFeature: true) { UnsupportedFeature = "csymbol rateOf" };
            }

            var expander = new RateOfExpander(compartments, species, parameters, reactions, assignmentRules, rateRules, conversionFactor);
            if (functions.Any(f => RateOfExpander.Contains(f.Body)))
            {
                throw new SbmlFormatException("The csymbol 'rateOf' is not supported inside a function definition", 0, 0, isUnsupportedFeature: true) { UnsupportedFeature = "csymbol rateOf" };
            }

            initialAssignments = [.. initialAssignments.Select(a => a with { Expression = expander.Expand(a.Expression) })];
            assignmentRules = [.. assignmentRules.Select(r => r with { Expression = expander.Expand(r.Expression) })];
            rateRules = [.. rateRules.Select(r => r with { Expression = expander.Expand(r.Expression) })];
            reactions = [.. reactions.Select(r => new Reaction(r.Id, r.Reactants, r.Products, expander.Expand(r.KineticLaw, r), r.Modifiers, r.LocalParameters, r.IsReversible) { IsFast = r.IsFast })];
            events = [.. events.Select(e => new ModelEvent(
                e.Id,
                expander.Expand(e.Trigger),
                e.Assignments.Select(a => a with { Expression = expander.Expand(a.Expression) }),
                e.Priority is { } priority ? expander.Expand(priority) : null,
                e.TriggerInitialValue,
                e.IsPersistent,
                e.UseValuesFromTriggerTime) { Delay = e.Delay is { } delay ? expander.Expand(delay) : null })];
        }
        string id = model.Attribute("id") is { } modelId && SbmlIdMap.IsSId(modelId) ? modelId : "model";

        try
        {
            var network = new ReactionNetwork(id, compartments, species, parameters, reactions, assignmentRules, rateRules, initialAssignments, functions, events, conversionFactor);
            return new SbmlDocument(_level, _version, network, new Dictionary<string, string>(_ids.Renamed, StringComparer.Ordinal), [.. _warnings]);
        }
        catch (ModelValidationException e)
        {
            throw new SbmlFormatException($"The SBML model is not valid: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new SbmlFormatException($"The SBML model is not valid: {e.Message}", e);
        }
    }

    /// <summary>Gets the <c>listOf…</c> elements of the model by name, rejecting unknown and package elements.</summary>
    private Dictionary<string, XmlElementNode> Lists(XmlElementNode model)
    {
        var lists = new Dictionary<string, XmlElementNode>(StringComparer.Ordinal);
        foreach (var child in model.Children)
        {
            if (_ignoredNamespaces.Contains(child.Namespace))
            {
                continue;
            }

            if (child.Namespace != _ns)
            {
                throw Error($"The element <{child.Name}> from namespace '{child.Namespace}' is not part of SBML core and is not supported", child, unsupported: $"package element <{child.Name}>");
            }

            if (_level == 2 && _version == 1 && child.Name is "listOfInitialAssignments" or "listOfConstraints" or "listOfCompartmentTypes" or "listOfSpeciesTypes")
            {
                throw Error($"<{child.Name}> is not part of SBML Level 2 Version 1 (it came with Version 2); declare the file as Level 2 Version 2 or later", child);
            }

            switch (child.Name)
            {
                case "notes" or "annotation" or "listOfUnitDefinitions" or "listOfCompartmentTypes" or "listOfSpeciesTypes" or "listOfConstraints":
                    break;
                case "listOfFunctionDefinitions" or "listOfCompartments" or "listOfSpecies" or "listOfParameters" or "listOfInitialAssignments" or "listOfRules" or "listOfReactions" or "listOfEvents":
                    if (!lists.TryAdd(child.Name, child))
                    {
                        throw Error($"<{child.Name}> appears twice in <model>", child);
                    }

                    break;
                default:
                    throw Error($"<{child.Name}> cannot appear in <model>", child);
            }
        }

        return lists;
    }

    /// <summary>Gets the items of a list, checking that each is an element of the expected kind.</summary>
    private IEnumerable<XmlElementNode> Items(Dictionary<string, XmlElementNode> lists, string list, params string[] names) =>
        lists.TryGetValue(list, out var element) ? Items(element, names) : [];

    private IEnumerable<XmlElementNode> Items(XmlElementNode list, params string[] names)
    {
        foreach (var child in list.Children)
        {
            if ((child.Namespace == _ns && child.Name is "notes" or "annotation") || _ignoredNamespaces.Contains(child.Namespace))
            {
                continue;
            }

            if (child.Namespace != _ns || Array.IndexOf(names, child.Name) < 0)
            {
                throw Error($"<{child.Name}> cannot appear in <{list.Name}>; expected <{string.Join(">, <", names)}>", child, unsupported: child.Namespace != _ns ? $"package element <{child.Name}>" : null);
            }

            yield return child;
        }
    }

    private SbmlIdMap CollectIds(Dictionary<string, XmlElementNode> lists)
    {
        var global = new List<string>();
        var all = new List<string>();
        var functions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Items(lists, "listOfFunctionDefinitions", "functionDefinition"))
        {
            string id = RequiredId(f);
            functions.Add(id);
            global.Add(id);
        }

        foreach (var (list, item) in new[] { ("listOfCompartments", "compartment"), ("listOfSpecies", "species"), ("listOfParameters", "parameter") })
        {
            global.AddRange(Items(lists, list, item).Select(RequiredId));
        }

        foreach (var reaction in Items(lists, "listOfReactions", "reaction"))
        {
            global.Add(RequiredId(reaction));
            foreach (var reference in SpeciesReferences(reaction))
            {
                if (reference.Attribute("id") is not null)
                {
                    global.Add(RequiredId(reference));
                }
            }

            if (reaction.Child("kineticLaw", _ns) is { } law)
            {
                all.AddRange(LocalParameterElements(law).Select(RequiredId));
            }
        }

        foreach (var e in Items(lists, "listOfEvents", "event"))
        {
            if (e.Attribute("id") is not null)
            {
                global.Add(RequiredId(e));
            }
        }

        all.AddRange(global);
        return new SbmlIdMap(global, functions, all);
    }

    private List<FunctionDefinition> ReadFunctions(Dictionary<string, XmlElementNode> lists)
    {
        // Level 3 Version 2 allows a function definition without math; it is left out, and a call of it is an error.
        var definitions = Items(lists, "listOfFunctionDefinitions", "functionDefinition").ToList();
        foreach (var f in definitions)
        {
            if (f.Child("math", MathMLReader.Namespace) is null)
            {
                string sbmlId = RequiredId(f);
                if (!(_level == 3 && _version >= 2))
                {
                    throw Error($"The function definition '{sbmlId}' has no <math>, which SBML Level {_level} Version {_version} requires", f);
                }

                _math.DeclareUndefinedFunction(sbmlId);
            }
        }

        var functions = new List<FunctionDefinition>();
        foreach (var f in definitions)
        {
            if (f.Child("math", MathMLReader.Namespace) is { } math)
            {
                functions.Add(_math.ReadLambda(_ids.Map(RequiredId(f)), math));
            }
        }

        return functions;
    }

    /// <summary>Reads an element's math, or null when it has none (allowed in Level 3 Version 2).</summary>
    private Expr? OptionalMath(XmlElementNode element, IReadOnlyDictionary<string, string>? locals = null)
    {
        var math = element.Child("math", MathMLReader.Namespace);
        if (math is null && !(_level == 3 && _version >= 2))
        {
            throw Error($"{element.Describe()} has no <math>", element);
        }

        return math is null ? null : _math.ReadMath(math, locals);
    }

    private static SbmlFormatException Error(string message, XmlElementNode at, string? unsupported = null) =>
        new(message, at.Line, at.Position, unsupported is not null) { UnsupportedFeature = unsupported };

    private static int RequiredInt(XmlElementNode element, string name)
    {
        string text = element.Attribute(name) ?? throw Error($"<{element.Name}> has no '{name}' attribute", element);
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Error($"The '{name}' attribute of <{element.Name}> is '{text}', not an integer", element);
    }

    private static string RequiredId(XmlElementNode element) => RequiredSId(element, "id");

    private static string RequiredSId(XmlElementNode element, string name)
    {
        string id = element.Attribute(name) ?? throw Error($"{element.Describe()} has no '{name}' attribute", element);
        return ReferenceId(element, name, id);
    }

    private static string ReferenceId(XmlElementNode element, string name, string id) =>
        SbmlIdMap.IsSId(id) ? id : throw Error($"The '{name}' attribute of <{element.Name}> is '{id}', which is not a valid SBML identifier", element);

    private static double? OptionalDouble(XmlElementNode element, string name)
    {
        string? text = element.Attribute(name);
        if (text is null)
        {
            return null;
        }

        if (SbmlValues.TryParseDouble(text, out double value))
        {
            return value;
        }

        throw Error(
            SbmlValues.IsOutOfRange(text)
                ? $"The '{name}' attribute of {element.Describe()} is '{text}', beyond the range of a double (±1.8e308); write INF or -INF for an infinite value"
                : $"The '{name}' attribute of {element.Describe()} is '{text}', not a number",
            element);
    }

    /// <summary>Reads a boolean attribute: required in Level 3, <paramref name="level2Default"/> when absent in Level 2.</summary>
    private bool Boolean(XmlElementNode element, string name, bool level2Default, bool requiredInLevel3 = true)
    {
        string? text = element.Attribute(name);
        if (text is null)
        {
            return IsLevel3 && requiredInLevel3
                ? throw Error($"{element.Describe()} has no '{name}' attribute, which SBML Level 3 requires", element)
                : level2Default;
        }

        return SbmlValues.TryParseBoolean(text, out bool value)
            ? value
            : throw Error($"The '{name}' attribute of {element.Describe()} is '{text}', not true or false", element);
    }
}
