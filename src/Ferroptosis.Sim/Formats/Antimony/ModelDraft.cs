using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>One reactant or product of a draft reaction.</summary>
internal sealed record DraftParticipant(string Species, double Stoichiometry, AntimonyToken At);

/// <summary>A reaction as written: participants, arrow and rate formula (null when the rate was left out).</summary>
internal sealed record DraftReaction(string Id, AntimonyToken At, IReadOnlyList<DraftParticipant> Reactants, IReadOnlyList<DraftParticipant> Products, bool IsReversible, FormulaSpan? Rate, int Sequence);

/// <summary>One assignment of a draft event.</summary>
internal sealed record DraftEventAssignment(string Variable, AntimonyToken At, FormulaSpan Value);

/// <summary>An event as written: trigger, settings and assignments.</summary>
internal sealed record DraftEvent(string Id, AntimonyToken At, FormulaSpan Trigger, FormulaSpan? Priority, bool TriggerInitialValue, bool IsPersistent, bool UseValuesFromTriggerTime, IReadOnlyList<DraftEventAssignment> Assignments);

/// <summary>A function definition as written.</summary>
internal sealed record DraftFunction(string Name, AntimonyToken At, IReadOnlyList<string> Parameters, IReadOnlyList<AntimonyToken> ParameterTokens, FormulaSpan Body);

/// <summary>The result of reading the statements of a file, before formulas are parsed and the network is built.</summary>
internal sealed class ModelDraft
{
    private int _order;
    private int _sequence;
    private int _unnamedReactions;
    private int _unnamedEvents;

    public ModelDraft(AntimonyLexer lexer)
    {
        Lexer = lexer;
        foreach (var token in lexer.Tokens)
        {
            if (token.Kind == AntimonyTokenKind.Identifier)
            {
                FirstUse.TryAdd(token.Text, token);
            }
        }
    }

    public AntimonyLexer Lexer { get; }

    public IReadOnlyList<AntimonyToken> Tokens => Lexer.Tokens;

    /// <summary>Gets or sets the model id (null until a <c>model</c> header is read).</summary>
    public string? Id { get; set; }

    public Dictionary<string, DraftSymbol> Symbols { get; } = new(StringComparer.Ordinal);

    public List<DraftReaction> Reactions { get; } = [];

    public List<DraftEvent> Events { get; } = [];

    public List<DraftFunction> Functions { get; } = [];

    /// <summary>Gets the names given display names (<c>x is "…"</c>), which are checked to exist and otherwise ignored.</summary>
    public List<AntimonyToken> DisplayNames { get; } = [];

    /// <summary>Gets the first token of every identifier in the file, for pointing validation errors at a place.</summary>
    public Dictionary<string, AntimonyToken> FirstUse { get; } = new(StringComparer.Ordinal);

    /// <summary>Returns the next definition counter value.</summary>
    public int NextSequence() => _sequence++;

    /// <summary>Gets the symbol for a defined name, creating it (in definition order) on first definition.</summary>
    /// <exception cref="ModelParseException">The name is reserved (keyword, constant, time).</exception>
    public DraftSymbol Define(AntimonyToken name)
    {
        if (Symbols.TryGetValue(name.Text, out var symbol))
        {
            return symbol;
        }

        if (AntimonySyntax.WhyReserved(name.Text) is { } why)
        {
            throw new ModelParseException($"{why} (at {name.Position})", name.Line, name.Column, name.Text);
        }

        symbol = new DraftSymbol(name.Text, name, _order++);
        Symbols.Add(name.Text, symbol);
        return symbol;
    }

    /// <summary>Fixes the role of a symbol, or reports a conflict with its earlier role.</summary>
    /// <exception cref="ModelParseException">The symbol already has another role.</exception>
    public static void SetRole(DraftSymbol symbol, DraftRole role, AntimonyToken at)
    {
        if (symbol.Role == DraftRole.Unknown)
        {
            symbol.Role = role;
            symbol.RoleAt = at;
        }
        else if (symbol.Role != role)
        {
            throw new ModelParseException(
                $"'{symbol.Name}' at {at.Position} is used as {Describe(role)}, but it is {Describe(symbol.Role)} (since {symbol.RoleAt.Position})",
                at.Line,
                at.Column,
                at.Text);
        }
    }

    /// <summary>Returns a fresh automatic reaction id (<c>_J0</c>, <c>_J1</c>, … as libAntimony names them).</summary>
    public string NextReactionId() => NextFreeId("_J", ref _unnamedReactions);

    /// <summary>Returns a fresh automatic event id (<c>_E0</c>, <c>_E1</c>, …).</summary>
    public string NextEventId() => NextFreeId("_E", ref _unnamedEvents);

    /// <summary>Describes a role with its article, for messages.</summary>
    public static string Describe(DraftRole role) => role switch
    {
        DraftRole.Species => "a species",
        DraftRole.Compartment => "a compartment",
        DraftRole.Parameter => "a parameter",
        DraftRole.Reaction => "a reaction",
        DraftRole.Event => "an event",
        _ => "undefined",
    };

    private string NextFreeId(string prefix, ref int counter)
    {
        while (true)
        {
            string id = prefix + counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            counter++;
            if (!FirstUse.ContainsKey(id))
            {
                return id;
            }
        }
    }
}
