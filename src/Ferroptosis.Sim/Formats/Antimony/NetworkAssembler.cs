using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Builds a <see cref="ReactionNetwork"/> from a <see cref="ModelDraft"/>: parses every formula, decides what each name is, applies Antimony's defaults, and points validation errors at the file.</summary>
/// <remarks>
/// Mapping (Antimony → SBML semantics of the network): a name in a reaction is a species; <c>x in c</c> makes c a
/// compartment; any other defined name is a parameter. <c>x = number</c> is an initial value, <c>x = formula</c> an
/// initial assignment, <c>x := formula</c> an assignment rule, <c>x' = formula</c> a rate rule. Species values are
/// concentrations unless the species is <c>substanceOnly</c> (then amounts, and the symbol means the amount);
/// <c>$x</c> and <c>const</c> species are boundary species (constant = false, as libAntimony exports them). Species
/// declared without a compartment live in <c>default_compartment</c> of size 1. Parameters and compartments are
/// constant unless declared <c>var</c> or changed by a rule or event. A reaction without a rate law has rate 0.
/// </remarks>
internal sealed partial class NetworkAssembler
{
    private readonly ModelDraft _draft;
    private readonly Dictionary<string, DraftFunction> _functionsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _assignmentRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _rateRules = new(StringComparer.Ordinal);
    private FormulaReader _reader = null!;

    private NetworkAssembler(ModelDraft draft) => _draft = draft;

    /// <summary>Builds and validates the network.</summary>
    /// <exception cref="ModelParseException">A formula is invalid, a name is misused, or the network fails validation (the message lists every problem with its position).</exception>
    public static ReactionNetwork Build(ModelDraft draft) => new NetworkAssembler(draft).Build();

    private static ModelParseException Error(AntimonyToken at, string message) => new(message, at.Line, at.Column, at.ReportedText);

    private ReactionNetwork Build()
    {
        var functions = BuildFunctions();
        _reader = new FormulaReader(_draft.Lexer, new ExpressionParserOptions { UserFunctions = functions.Arities }, IsDefinedName);
        CheckSymbols();
        ParseSymbolFormulas();
        var compartments = new List<Compartment>();
        var species = new List<Species>();
        var parameters = new List<Parameter>();
        var initialAssignments = new List<(int Sequence, InitialAssignment Assignment)>();
        bool needsDefaultCompartment = false;
        foreach (var symbol in _draft.Symbols.Values.OrderBy(s => s.Order))
        {
            var value = _values.GetValueOrDefault(symbol.Name);

            // A value next to an assignment rule never takes effect (the rule holds from t0 on); it is not kept.
            double? number = value is NumberExpr n && symbol.AssignmentRule is null ? n.Value : null;
            if (value is not null and not NumberExpr && symbol.Role is not (DraftRole.Reaction or DraftRole.Event))
            {
                initialAssignments.Add((symbol.Value!.Sequence, new InitialAssignment(symbol.Name, value)));
            }

            switch (symbol.Role)
            {
                case DraftRole.Compartment:
                    compartments.Add(new Compartment(symbol.Name, number ?? 1.0, IsConstant(symbol)));
                    break;
                case DraftRole.Species:
                    needsDefaultCompartment |= symbol.Compartment is null;
                    species.Add(new Species(
                        symbol.Name,
                        symbol.Compartment ?? AntimonySyntax.DefaultCompartment,
                        number ?? 0.0,
                        InitialIsConcentration: !symbol.SubstanceOnly,
                        HasOnlySubstanceUnits: symbol.SubstanceOnly,
                        IsBoundary: symbol.Constness == Constness.Const));
                    break;
                case DraftRole.Unknown or DraftRole.Parameter:
                    if (value is null && symbol.AssignmentRule is null)
                    {
                        // A misspelt name assigned by an event or rule becomes a parameter without a value: suggest the intended one.
                        string hint = symbol.Name.Length < 2 ? string.Empty : NameSuggestions.Hint(NameSuggestions.Closest(symbol.Name, _draft.Symbols.Keys.Where(k => k != symbol.Name)));
                        throw Error(symbol.DefinedAt, $"parameter '{symbol.Name}' (at {symbol.DefinedAt.Position}) has no value; give it one, e.g. '{symbol.Name} = 0'{hint}");
                    }

                    parameters.Add(new Parameter(symbol.Name, number ?? 0.0, IsConstant(symbol)));
                    break;
                default:
                    break;
            }
        }

        if (needsDefaultCompartment)
        {
            AddDefaultCompartment(compartments);
        }

        CheckDisplayNames();
        var reactions = BuildReactions();
        var events = BuildEvents();
        try
        {
            return new ReactionNetwork(
                _draft.Id ?? AntimonySyntax.ImplicitModelId,
                compartments,
                species,
                parameters,
                reactions,
                Rules(s => s.AssignmentRule, _assignmentRules).Select(r => new AssignmentRule(r.Name, r.Expression)),
                Rules(s => s.RateRule, _rateRules).Select(r => new RateRule(r.Name, r.Expression)),
                initialAssignments.OrderBy(a => a.Sequence).Select(a => a.Assignment),
                functions.Definitions,
                events);
        }
        catch (ModelValidationException ex) when (Locate(ex) is { } located)
        {
            throw located;
        }
    }

    /// <summary>Tells whether a name is defined in the model (so it is not a unit after a number).</summary>
    private bool IsDefinedName(string name) => _draft.Symbols.ContainsKey(name) || _functionsByName.ContainsKey(name);

    /// <summary>Parameters and compartments are constant unless declared var or changed by a rule or an event (libAntimony's defaults).</summary>
    private static bool IsConstant(DraftSymbol symbol) => symbol.Constness switch
    {
        Constness.Const => true,
        Constness.Var => false,
        _ => symbol.AssignmentRule is null && symbol.RateRule is null && !symbol.IsEventTarget,
    };

    /// <summary>Checks what statements cannot check alone, once every statement has been read.</summary>
    private void CheckSymbols()
    {
        foreach (var symbol in _draft.Symbols.Values)
        {
            if (_functionsByName.TryGetValue(symbol.Name, out var function))
            {
                throw Error(symbol.DefinedAt, $"'{symbol.Name}' at {symbol.DefinedAt.Position} is also the name of the function defined at {function.At.Position}");
            }

            switch (symbol.Role)
            {
                case DraftRole.Event when symbol.Value is not null || symbol.AssignmentRule is not null || symbol.RateRule is not null || symbol.IsEventTarget || symbol.IsDeclared:
                    throw Error(symbol.DefinedAt, $"'{symbol.Name}' (at {symbol.DefinedAt.Position}) names an event and cannot also have a value, rule or declaration");
                case DraftRole.Reaction when symbol.AssignmentRule is not null || symbol.RateRule is not null || symbol.IsEventTarget || symbol.IsDeclared || symbol.Constness != Constness.Default:
                    throw Error(symbol.DefinedAt, $"'{symbol.Name}' (at {symbol.DefinedAt.Position}) names a reaction; only its rate can be set ('{symbol.Name} = rate')");
                default:
                    break;
            }
        }
    }

    private void ParseSymbolFormulas()
    {
        foreach (var symbol in _draft.Symbols.Values)
        {
            if (symbol.Value is { } value)
            {
                _values[symbol.Name] = _reader.Read(value.Formula);
            }

            if (symbol.AssignmentRule is { } rule)
            {
                _assignmentRules[symbol.Name] = _reader.Read(rule.Formula);
            }

            if (symbol.RateRule is { } rate)
            {
                _rateRules[symbol.Name] = _reader.Read(rate.Formula);
            }
        }
    }

    private IEnumerable<(string Name, Expr Expression)> Rules(Func<DraftSymbol, DraftValue?> select, Dictionary<string, Expr> parsed) =>
        _draft.Symbols.Values
            .Where(s => select(s) is not null)
            .OrderBy(s => select(s)!.Sequence)
            .Select(s => (s.Name, parsed[s.Name]));

    private void AddDefaultCompartment(List<Compartment> compartments)
    {
        if (!_draft.Symbols.TryGetValue(AntimonySyntax.DefaultCompartment, out var existing))
        {
            compartments.Add(new Compartment(AntimonySyntax.DefaultCompartment));
        }
        else if (existing.Role != DraftRole.Compartment)
        {
            throw Error(existing.DefinedAt, $"'{AntimonySyntax.DefaultCompartment}' (at {existing.DefinedAt.Position}) must be a compartment: it holds the species declared without one");
        }
    }

    private void CheckDisplayNames()
    {
        foreach (var name in _draft.DisplayNames)
        {
            if (!IsDefinedName(name.Text) && !_draft.Reactions.Any(r => r.Id == name.Text) && !_draft.Events.Any(e => e.Id == name.Text))
            {
                throw Error(name, $"display name for '{name.Text}' at {name.Position}, which is not defined{Suggest(name.Text)}");
            }
        }
    }

    private string Suggest(string name) =>
        NameSuggestions.Hint(NameSuggestions.Closest(name, _draft.Symbols.Keys.Concat(_functionsByName.Keys)));
}
