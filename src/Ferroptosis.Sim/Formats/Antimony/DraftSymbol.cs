namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>What a name stands for once the whole file has been read.</summary>
internal enum DraftRole
{
    /// <summary>Not fixed by any statement yet: becomes a parameter if it has a value, rule or declaration.</summary>
    Unknown,
    Species,
    Compartment,

    /// <summary>Declared with <c>formula</c>.</summary>
    Parameter,
    Reaction,
    Event,
}

/// <summary>An explicit <c>var</c> or <c>const</c> (or <c>$</c>, which means <c>const</c> for species).</summary>
internal enum Constness
{
    Default,
    Var,
    Const,
}

/// <summary>A value, rule or rate given to a name: its formula, its place in the file and the order in which it was written.</summary>
/// <param name="Formula">The formula tokens.</param>
/// <param name="Sequence">A counter over all definitions in the file; later definitions replace earlier ones.</param>
/// <param name="At">The token that names the defined element.</param>
internal sealed record DraftValue(FormulaSpan Formula, int Sequence, AntimonyToken At);

/// <summary>Everything the statements of a file say about one name (a species, compartment, parameter, reaction or event).</summary>
/// <remarks>Antimony semantics: order does not matter and a later definition replaces an earlier one.</remarks>
internal sealed class DraftSymbol
{
    public DraftSymbol(string name, AntimonyToken definedAt, int order)
    {
        Name = name;
        DefinedAt = definedAt;
        Order = order;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the token of the first statement that defined or declared the name.</summary>
    public AntimonyToken DefinedAt { get; }

    /// <summary>Gets the rank of the first definition, which orders the network's lists.</summary>
    public int Order { get; }

    public DraftRole Role { get; set; }

    /// <summary>Gets or sets where <see cref="Role"/> was fixed.</summary>
    public AntimonyToken RoleAt { get; set; }

    public Constness Constness { get; set; }

    public bool SubstanceOnly { get; set; }

    public string? Compartment { get; set; }

    /// <summary>Gets or sets the initial value (<c>x = …</c>): a number, or an initial assignment.</summary>
    public DraftValue? Value { get; set; }

    /// <summary>Gets or sets the assignment rule (<c>x := …</c>).</summary>
    public DraftValue? AssignmentRule { get; set; }

    /// <summary>Gets or sets the rate rule (<c>x' = …</c>).</summary>
    public DraftValue? RateRule { get; set; }

    /// <summary>Gets or sets a value indicating whether an event assigns the name.</summary>
    public bool IsEventTarget { get; set; }

    /// <summary>Gets or sets a value indicating whether a declaration (<c>var</c>, <c>const</c>, <c>formula</c>, …) names it.</summary>
    public bool IsDeclared { get; set; }
}
