using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A validated reaction network with SBML semantics: compartments, species, parameters, reactions, rules, initial assignments, function definitions and events.</summary>
/// <remarks>
/// <para>
/// The structure follows SBML Level 3 core so that SBML and Antimony files map onto it one to one.
/// Construction validates the whole network (undefined symbols, duplicate ids, conflicting rules,
/// cyclic assignment rules, negative sizes, changes to constants) and throws
/// <see cref="ModelValidationException"/> listing every problem.
/// </para>
/// <para>Immutable and shareable across threads; <see cref="WithValues"/> returns a modified copy.</para>
/// </remarks>
public sealed partial class ReactionNetwork
{
    /// <summary>The reserved symbol for the simulation time.</summary>
    public const string TimeSymbol = "time";

    private readonly Dictionary<string, SymbolKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Compartment> _compartments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Species> _species = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Parameter> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reaction> _reactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssignmentRule> _assignmentRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateRule> _rateRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InitialAssignment> _initialAssignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Reaction>> _reactionsBySpecies = new(StringComparer.Ordinal);

    /// <summary>Initialises and validates a network.</summary>
    /// <param name="id">The model identifier.</param>
    /// <param name="compartments">The compartments.</param>
    /// <param name="species">The species.</param>
    /// <param name="parameters">The global parameters.</param>
    /// <param name="reactions">The reactions.</param>
    /// <param name="assignmentRules">Rules that hold at all times.</param>
    /// <param name="rateRules">Rules that give rates of change.</param>
    /// <param name="initialAssignments">Assignments at t0.</param>
    /// <param name="functions">Function definitions usable in every expression.</param>
    /// <param name="events">Discrete events.</param>
    /// <param name="conversionFactor">An optional model-wide conversion factor parameter (SBML Level 3).</param>
    /// <exception cref="ModelValidationException">The network is not valid; the message lists every problem.</exception>
    public ReactionNetwork(
        string id,
        IEnumerable<Compartment> compartments,
        IEnumerable<Species> species,
        IEnumerable<Parameter> parameters,
        IEnumerable<Reaction> reactions,
        IEnumerable<AssignmentRule>? assignmentRules = null,
        IEnumerable<RateRule>? rateRules = null,
        IEnumerable<InitialAssignment>? initialAssignments = null,
        IEnumerable<FunctionDefinition>? functions = null,
        IEnumerable<ModelEvent>? events = null,
        string? conversionFactor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Compartments = [.. compartments];
        Species = [.. species];
        Parameters = [.. parameters];
        Reactions = [.. reactions];
        AssignmentRules = assignmentRules is null ? [] : [.. assignmentRules];
        RateRules = rateRules is null ? [] : [.. rateRules];
        InitialAssignments = initialAssignments is null ? [] : [.. initialAssignments];
        Functions = functions is null ? [] : [.. functions];
        Events = events is null ? [] : [.. events];
        ConversionFactor = conversionFactor;
        var problems = new List<string>();
        Index(problems);
        NetworkValidator.Validate(this, problems);
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }

        FunctionLibrary = new FunctionLibrary(Functions);
    }

    /// <summary>Gets the model identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the compartments.</summary>
    public IReadOnlyList<Compartment> Compartments { get; }

    /// <summary>Gets the species.</summary>
    public IReadOnlyList<Species> Species { get; }

    /// <summary>Gets the global parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Gets the reactions.</summary>
    public IReadOnlyList<Reaction> Reactions { get; }

    /// <summary>Gets the assignment rules.</summary>
    public IReadOnlyList<AssignmentRule> AssignmentRules { get; }

    /// <summary>Gets the rate rules.</summary>
    public IReadOnlyList<RateRule> RateRules { get; }

    /// <summary>Gets the initial assignments.</summary>
    public IReadOnlyList<InitialAssignment> InitialAssignments { get; }

    /// <summary>Gets the function definitions.</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; }

    /// <summary>Gets the function definitions as a library for inlining and evaluation.</summary>
    public FunctionLibrary FunctionLibrary { get; }

    /// <summary>Gets the events.</summary>
    public IReadOnlyList<ModelEvent> Events { get; }

    /// <summary>Gets the model-wide conversion factor parameter id, or null.</summary>
    public string? ConversionFactor { get; }

    /// <summary>Tells what an identifier names.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>Its kind, or <see cref="SymbolKind.Undefined"/>.</returns>
    public SymbolKind KindOf(string id) =>
        id == TimeSymbol ? SymbolKind.Time : _kinds.GetValueOrDefault(id, SymbolKind.Undefined);

    /// <summary>Finds a compartment.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The compartment, or null.</returns>
    public Compartment? FindCompartment(string id) => _compartments.GetValueOrDefault(id);

    /// <summary>Finds a species.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The species, or null.</returns>
    public Species? FindSpecies(string id) => _species.GetValueOrDefault(id);

    /// <summary>Finds a parameter.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The parameter, or null.</returns>
    public Parameter? FindParameter(string id) => _parameters.GetValueOrDefault(id);

    /// <summary>Finds a reaction.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The reaction, or null.</returns>
    public Reaction? FindReaction(string id) => _reactions.GetValueOrDefault(id);

    /// <summary>Finds the assignment rule for a variable.</summary>
    /// <param name="variable">The variable id.</param>
    /// <returns>The rule, or null.</returns>
    public AssignmentRule? FindAssignmentRule(string variable) => _assignmentRules.GetValueOrDefault(variable);

    /// <summary>Finds the rate rule for a variable.</summary>
    /// <param name="variable">The variable id.</param>
    /// <returns>The rule, or null.</returns>
    public RateRule? FindRateRule(string variable) => _rateRules.GetValueOrDefault(variable);

    /// <summary>Finds the (first) initial assignment to a symbol, or null.</summary>
    internal InitialAssignment? FindInitialAssignment(string symbol) => _initialAssignments.GetValueOrDefault(symbol);

    /// <summary>Gets the reactions that have <paramref name="species"/> among their reactants or products, in reaction order, each once.</summary>
    internal IReadOnlyList<Reaction> ReactionsOf(string species) =>
        _reactionsBySpecies.TryGetValue(species, out var list) ? list : [];

    /// <summary>Returns a copy with new values for parameters, compartment sizes or species initial values (in the unit the species was declared with).</summary>
    /// <param name="values">New values by id.</param>
    /// <returns>A new, validated network.</returns>
    /// <exception cref="ArgumentException">An id is not a parameter, compartment or species.</exception>
    public ReactionNetwork WithValues(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string key in values.Keys)
        {
            if (KindOf(key) is not (SymbolKind.Parameter or SymbolKind.Compartment or SymbolKind.Species))
            {
                throw new ArgumentException($"'{key}' is not a parameter, compartment or species of model '{Id}'.", nameof(values));
            }
        }

        return new ReactionNetwork(
            Id,
            Compartments.Select(c => values.TryGetValue(c.Id, out double v) ? c with { Size = v } : c),
            Species.Select(s => values.TryGetValue(s.Id, out double v) ? s with { InitialValue = v } : s),
            Parameters.Select(p => values.TryGetValue(p.Id, out double v) ? p with { Value = v } : p),
            Reactions,
            AssignmentRules,
            RateRules,
            InitialAssignments.Where(a => !values.ContainsKey(a.Symbol)),
            Functions,
            Events,
            ConversionFactor);
    }

    private void Index(List<string> problems)
    {
        void Add(string id, SymbolKind kind)
        {
            if (id.StartsWith("__in_", StringComparison.Ordinal))
            {
                problems.Add($"Id '{id}' starts with '__in_', which is reserved for compiled model inputs.");
            }
            else if (id == TimeSymbol)
            {
                problems.Add($"'{TimeSymbol}' is reserved for the simulation time and cannot name a {kind.ToString().ToLowerInvariant()}.");
            }
            else if (!_kinds.TryAdd(id, kind))
            {
                problems.Add($"Duplicate id '{id}': used for a {_kinds[id].ToString().ToLowerInvariant()} and a {kind.ToString().ToLowerInvariant()}.");
            }
        }

        foreach (var c in Compartments)
        {
            Add(c.Id, SymbolKind.Compartment);
            _compartments.TryAdd(c.Id, c);
        }

        foreach (var s in Species)
        {
            Add(s.Id, SymbolKind.Species);
            _species.TryAdd(s.Id, s);
        }

        foreach (var p in Parameters)
        {
            Add(p.Id, SymbolKind.Parameter);
            _parameters.TryAdd(p.Id, p);
        }

        foreach (var r in Reactions)
        {
            Add(r.Id, SymbolKind.Reaction);
            _reactions.TryAdd(r.Id, r);
            foreach (var reference in r.Reactants.Concat(r.Products))
            {
                if (reference.Id is { } referenceId)
                {
                    Add(referenceId, SymbolKind.SpeciesReference);
                }

                if (!_reactionsBySpecies.TryGetValue(reference.Species, out var reactionsOfSpecies))
                {
                    reactionsOfSpecies = [];
                    _reactionsBySpecies[reference.Species] = reactionsOfSpecies;
                }

                if (reactionsOfSpecies.Count == 0 || !ReferenceEquals(reactionsOfSpecies[^1], r))
                {
                    reactionsOfSpecies.Add(r);
                }
            }
        }

        // The first rule or assignment of a variable counts; duplicates are reported by validation.
        foreach (var rule in AssignmentRules)
        {
            _assignmentRules.TryAdd(rule.Variable, rule);
        }

        foreach (var rule in RateRules)
        {
            _rateRules.TryAdd(rule.Variable, rule);
        }

        foreach (var assignment in InitialAssignments)
        {
            _initialAssignments.TryAdd(assignment.Symbol, assignment);
        }

        foreach (var f in Functions)
        {
            Add(f.Name, SymbolKind.Function);
        }

        foreach (var e in Events)
        {
            Add(e.Id, SymbolKind.Event);
        }
    }
}
