using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>Builds a <see cref="ReactionNetwork"/> in code, with reactions written as equations and rate laws as infix text.</summary>
/// <remarks>
/// <para>
/// Expressions are parsed when <see cref="Build"/> is called, so functions may be defined after the
/// reactions that use them. A species declared without a compartment goes into the only compartment
/// (one named <c>default_compartment</c> of size 1 is created when none is declared). Species named in
/// reaction equations but not declared are created with initial concentration 0; a <c>$</c> prefix
/// makes them boundary species, as in Antimony.
/// </para>
/// <para>Not thread-safe; the network it builds is immutable.</para>
/// </remarks>
/// <example>
/// <code>
/// var network = new ReactionNetworkBuilder("enzyme")
///     .Compartment("cell", 1.0)
///     .Species("S", 10).Species("P", 0)
///     .Parameter("Vmax", 1.0).Parameter("Km", 0.5)
///     .Reaction("J1", "S => P", "Vmax*S/(Km + S)")
///     .Build();
/// </code>
/// </example>
public sealed class ReactionNetworkBuilder
{
    private const string DefaultCompartment = "default_compartment";
    private readonly string _id;
    private readonly List<Compartment> _compartments = [];
    private readonly List<Species> _species = [];
    private readonly List<Parameter> _parameters = [];
    private readonly List<Func<FunctionLibrary, Reaction>> _reactions = [];
    private readonly List<(string Variable, string Text)> _assignmentRules = [];
    private readonly List<(string Variable, string Text)> _rateRules = [];
    private readonly List<(string Symbol, string Text)> _initialAssignments = [];
    private readonly List<(string Name, string[] Parameters, string Body)> _functions = [];
    private readonly List<Func<FunctionLibrary, ModelEvent>> _events = [];
    private readonly List<(string Id, bool Boundary)> _implicitSpecies = [];

    /// <summary>Initialises a builder for a model with the given id.</summary>
    /// <param name="id">The model identifier.</param>
    public ReactionNetworkBuilder(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _id = id;
    }

    /// <summary>Adds a compartment.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="size">The size (volume).</param>
    /// <param name="isConstant">False if rules or events change the size.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Compartment(string id, double size = 1.0, bool isConstant = true)
    {
        _compartments.Add(new Compartment(id, size, isConstant));
        return this;
    }

    /// <summary>Adds a species with an initial concentration (or amount).</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="initialValue">The initial concentration, or amount when <paramref name="initialIsAmount"/>.</param>
    /// <param name="compartment">The compartment id, or null for the only/default compartment.</param>
    /// <param name="isBoundary">True if reactions do not change it.</param>
    /// <param name="isConstant">True if nothing changes it.</param>
    /// <param name="hasOnlySubstanceUnits">True if its symbol denotes the amount.</param>
    /// <param name="initialIsAmount">True if <paramref name="initialValue"/> is an amount.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Species(string id, double initialValue = 0, string? compartment = null, bool isBoundary = false, bool isConstant = false, bool hasOnlySubstanceUnits = false, bool initialIsAmount = false)
    {
        _species.Add(new Species(id, compartment ?? string.Empty, initialValue, !initialIsAmount, hasOnlySubstanceUnits, isBoundary, isConstant));
        return this;
    }

    /// <summary>Adds a species.</summary>
    /// <param name="species">The species.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Species(Species species)
    {
        ArgumentNullException.ThrowIfNull(species);
        _species.Add(species);
        return this;
    }

    /// <summary>Adds a global parameter.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="value">The value.</param>
    /// <param name="isConstant">False if rules or events change it.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Parameter(string id, double value, bool isConstant = true)
    {
        _parameters.Add(new Parameter(id, value, isConstant));
        return this;
    }

    /// <summary>Adds a reaction written as an equation, e.g. <c>"A + 2 B -> C"</c> (reversible) or <c>"S => P"</c> (irreversible).</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="equation">Reactants, an arrow (<c>-&gt;</c> or <c>=&gt;</c>), products; either side may be empty.</param>
    /// <param name="rateLaw">The kinetic law as infix text.</param>
    /// <param name="localParameters">Parameters local to the rate law.</param>
    /// <param name="modifiers">Species that affect the rate without being changed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FormatException">The equation cannot be read.</exception>
    public ReactionNetworkBuilder Reaction(string id, string equation, string rateLaw, IReadOnlyDictionary<string, double>? localParameters = null, IEnumerable<string>? modifiers = null)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(rateLaw);
        var (reactants, products, reversible) = ParseEquation(id, equation);
        var modifierList = modifiers?.ToArray() ?? [];
        _reactions.Add(functions => new Reaction(id, reactants, products, ExpressionParser.Parse(rateLaw, ExpressionParserOptions.ForFunctions(functions)), modifierList, localParameters, reversible));
        return this;
    }

    /// <summary>Adds a reaction.</summary>
    /// <param name="reaction">The reaction.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Reaction(Reaction reaction)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        _reactions.Add(_ => reaction);
        return this;
    }

    /// <summary>Adds an assignment rule <c>variable := expression</c>.</summary>
    /// <param name="variable">The assigned id.</param>
    /// <param name="expression">The expression.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder AssignmentRule(string variable, string expression)
    {
        _assignmentRules.Add((variable, expression));
        return this;
    }

    /// <summary>Adds a rate rule <c>d(variable)/dt = expression</c>.</summary>
    /// <param name="variable">The id.</param>
    /// <param name="expression">The rate.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder RateRule(string variable, string expression)
    {
        _rateRules.Add((variable, expression));
        return this;
    }

    /// <summary>Adds an initial assignment evaluated at t0.</summary>
    /// <param name="symbol">The id.</param>
    /// <param name="expression">The expression.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder InitialAssignment(string symbol, string expression)
    {
        _initialAssignments.Add((symbol, expression));
        return this;
    }

    /// <summary>Defines a function usable in every expression, e.g. <c>Function("hill", ["x", "K", "n"], "x^n/(K^n + x^n)")</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameters">The argument names.</param>
    /// <param name="body">The body, using only the arguments.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Function(string name, IReadOnlyList<string> parameters, string body)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _functions.Add((name, [.. parameters], body));
        return this;
    }

    /// <summary>Adds an event: when <paramref name="trigger"/> becomes true, the assignments are executed.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="trigger">The trigger, e.g. <c>"time &gt;= 10"</c>.</param>
    /// <param name="assignments">Pairs of assigned id and expression text.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Event(string id, string trigger, params (string Variable, string Expression)[] assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        _events.Add(functions => new ModelEvent(
            id,
            ExpressionParser.Parse(trigger, ExpressionParserOptions.ForFunctions(functions)),
            assignments.Select(a => new EventAssignment(a.Variable, ExpressionParser.Parse(a.Expression, ExpressionParserOptions.ForFunctions(functions))))));
        return this;
    }

    /// <summary>Adds an event.</summary>
    /// <param name="modelEvent">The event.</param>
    /// <returns>This builder.</returns>
    public ReactionNetworkBuilder Event(ModelEvent modelEvent)
    {
        ArgumentNullException.ThrowIfNull(modelEvent);
        _events.Add(_ => modelEvent);
        return this;
    }

    /// <summary>Parses all expressions and builds the validated network.</summary>
    /// <returns>The network.</returns>
    /// <exception cref="ModelParseException">An expression cannot be parsed.</exception>
    /// <exception cref="ModelValidationException">The network is not valid.</exception>
    public ReactionNetwork Build()
    {
        var functionDefinitions = _functions.Select(f => new FunctionDefinition(f.Name, f.Parameters, ExpressionParser.Parse(f.Body, ExpressionParserOptions.ForFunctions(FunctionLibrary.Empty)))).ToList();
        var functions = new FunctionLibrary(functionDefinitions);
        var compartments = _compartments.Count > 0 ? _compartments.ToList() : [new Compartment(DefaultCompartment)];
        string fallback = compartments[0].Id;
        var species = _species.Select(s => s.Compartment.Length == 0 ? s with { Compartment = fallback } : s).ToList();
        var declared = new HashSet<string>(species.Select(s => s.Id), StringComparer.Ordinal);
        foreach (var (speciesId, boundary) in _implicitSpecies)
        {
            if (declared.Add(speciesId))
            {
                species.Add(new Species(speciesId, fallback, 0.0, IsBoundary: boundary));
            }
        }

        return new ReactionNetwork(
            _id,
            compartments,
            species,
            _parameters,
            _reactions.Select(r => r(functions)),
            _assignmentRules.Select(r => new AssignmentRule(r.Variable, ExpressionParser.Parse(r.Text, ExpressionParserOptions.ForFunctions(functions)))),
            _rateRules.Select(r => new RateRule(r.Variable, ExpressionParser.Parse(r.Text, ExpressionParserOptions.ForFunctions(functions)))),
            _initialAssignments.Select(a => new InitialAssignment(a.Symbol, ExpressionParser.Parse(a.Text, ExpressionParserOptions.ForFunctions(functions)))),
            functionDefinitions,
            _events.Select(e => e(functions)));
    }

    private (List<SpeciesReference> Reactants, List<SpeciesReference> Products, bool Reversible) ParseEquation(string id, string equation)
    {
        bool reversible = true;
        int arrow = equation.IndexOf("->", StringComparison.Ordinal);
        if (arrow < 0)
        {
            arrow = equation.IndexOf("=>", StringComparison.Ordinal);
            reversible = false;
        }

        if (arrow < 0)
        {
            throw new FormatException($"Reaction '{id}': the equation '{equation}' has no arrow; write e.g. \"A + B -> C\" or \"S => P\".");
        }

        return (Side(equation[..arrow]), Side(equation[(arrow + 2)..]), reversible);

        List<SpeciesReference> Side(string text)
        {
            var list = new List<SpeciesReference>();
            foreach (string raw in text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                double coefficient = 1;
                string name = parts[^1];
                if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c > 0)
                {
                    coefficient = c;
                }
                else if (parts.Length != 1)
                {
                    throw new FormatException($"Reaction '{id}': cannot read the term '{raw}' in '{equation}'; write a positive coefficient and a species, e.g. \"2 A\".");
                }

                bool boundary = name.StartsWith('$');
                name = name.TrimStart('$');
                _implicitSpecies.Add((name, boundary));
                list.Add(new SpeciesReference(name, coefficient));
            }

            return list;
        }
    }
}
