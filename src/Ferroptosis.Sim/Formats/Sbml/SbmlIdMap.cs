using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Maps SBML identifiers to network identifiers, renaming the few SBML ids the expression layer cannot use as names.</summary>
/// <remarks>
/// SBML ids are arbitrary SIds, but in the expression layer some words are constants (pi, true, INF, NaN, …),
/// <c>time</c> is the simulation time, ids starting with <c>__in_</c> are reserved, and a user function cannot take
/// the name of a built-in one. Such an id gets the first free name of the form <c>id_</c>, <c>id_2</c>, … that
/// clashes with no SBML id in the document; every other id is kept as it is.
/// </remarks>
internal sealed class SbmlIdMap
{
    private readonly HashSet<string> _taken;
    private readonly IReadOnlySet<string> _functions;
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _locals = new(StringComparer.Ordinal);

    /// <summary>Initialises the map for a document.</summary>
    /// <param name="globalIds">The model-wide ids (compartments, species, parameters, reactions, species references, events, functions).</param>
    /// <param name="functionIds">The ids of function definitions.</param>
    /// <param name="allIds">Every id in the document, local ones included (renamed ids avoid all of them).</param>
    public SbmlIdMap(IEnumerable<string> globalIds, IReadOnlySet<string> functionIds, IEnumerable<string> allIds)
    {
        _taken = new HashSet<string>(allIds, StringComparer.Ordinal);
        _functions = functionIds;
        foreach (string id in globalIds)
        {
            if (!_renamed.ContainsKey(id) && NeedsRename(id, functionIds.Contains(id)))
            {
                _renamed[id] = Fresh(id);
            }
        }
    }

    /// <summary>Gets the ids that were renamed: SBML id → network id.</summary>
    public IReadOnlyDictionary<string, string> Renamed => _renamed;

    /// <summary>Tells whether a string is an SBML SId: a letter or '_' followed by letters, digits and '_'.</summary>
    public static bool IsSId(string text) => ExpressionSyntax.IsIdentifier(text);

    /// <summary>Tells whether an SBML id names a function definition.</summary>
    public bool IsFunction(string id) => _functions.Contains(id);

    /// <summary>Gets the network id of a model-wide SBML id (the id itself unless renamed).</summary>
    public string Map(string id) => _renamed.TryGetValue(id, out string? renamed) ? renamed : id;

    /// <summary>Gets a usable name for an id that is visible only locally (a local parameter, a function argument).</summary>
    public string LocalName(string id)
    {
        if (!NeedsRename(id, isFunction: false))
        {
            return id;
        }

        if (!_locals.TryGetValue(id, out string? name))
        {
            name = Fresh(id);
            _locals[id] = name;
        }

        return name;
    }

    private static bool NeedsRename(string id, bool isFunction) =>
        ExpressionSyntax.IsConstantWord(id)
        || id == ReactionNetwork.TimeSymbol
        || id == ExpressionSyntax.Piecewise
        || id.StartsWith("__in_", StringComparison.Ordinal)
        || (isFunction && BuiltinFunctions.IsBuiltin(id));

    /// <summary>Returns <paramref name="stem"/>, or <c>stem_2</c>, <c>stem_3</c>, … : the first name that no SBML id uses and that needs no renaming.</summary>
    public string Generate(string stem)
    {
        string candidate = stem;
        for (int n = 2; _taken.Contains(candidate) || NeedsRename(candidate, isFunction: true); n++)
        {
            candidate = stem + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(candidate);
        return candidate;
    }

    // Reserved-prefix ids lose a leading underscore (a suffix would keep the prefix); the others get a trailing one.
    private string Fresh(string id) =>
        Generate(id.StartsWith("__in_", StringComparison.Ordinal) ? id[1..] : id + "_");
}
