using System.Collections.Frozen;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>The words of Antimony: keywords of the supported subset, keywords of constructs outside it (with the reason), and event settings.</summary>
/// <remarks>Keywords are case-sensitive, as in libAntimony since version 2.13.1; a differently cased keyword gets a "did you mean" hint.</remarks>
internal static class AntimonySyntax
{
    /// <summary>The name libAntimony gives the compartment of species declared without one (size 1).</summary>
    public const string DefaultCompartment = "default_compartment";

    /// <summary>The model id libAntimony gives statements written outside <c>model … end</c>.</summary>
    public const string ImplicitModelId = "__main";

    /// <summary>Keywords of the supported subset.</summary>
    public static readonly FrozenSet<string> Supported = FrozenSet.Create(
        StringComparer.Ordinal,
        "model", "module", "end", "function", "species", "compartment", "formula", "var", "const", "substanceOnly",
        "unit", "at", "after", "in", "is", "has");

    /// <summary>Keywords of constructs outside the subset, with the sentence that explains the rejection.</summary>
    public static readonly FrozenDictionary<string, string> Rejected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["import"] = "'import' is not supported: a model file must be self-contained",
        ["delete"] = "deletions ('delete') are not supported: they act on submodels, which are not supported",
        ["DNA"] = "DNA strands ('DNA') are not supported",
        ["gene"] = "DNA strands ('gene') are not supported",
        ["operator"] = "DNA strands ('operator') are not supported",
        ["reaction"] = "'reaction' declarations are not supported; define a reaction by its equation, e.g. 'J1: A -> B; k*A'",
        ["event"] = "'event' declarations are not supported; define an event with 'at', e.g. 'E1: at time > 10: k = 2'",
        ["ext"] = "'ext' is not supported; declare constant symbols with 'const'",
        ["constraint"] = "flux-balance constraints ('constraint') are not supported",
        ["maximize"] = "flux-balance objectives ('maximize') are not supported",
        ["minimize"] = "flux-balance objectives ('minimize') are not supported",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The settings an event may carry between its trigger and its colon.</summary>
    public static readonly FrozenSet<string> EventSettings = FrozenSet.Create(StringComparer.Ordinal, "priority", "t0", "persistent", "fromTrigger");

    /// <summary>Tells whether <paramref name="word"/> is a keyword (supported or not) and so cannot name anything.</summary>
    public static bool IsKeyword(string word) => Supported.Contains(word) || Rejected.ContainsKey(word);

    /// <summary>Tells why <paramref name="name"/> cannot name a model element, or returns null when it can.</summary>
    /// <remarks>Keywords, the constants of the expression syntax (pi, true, inf, …) and the time symbol are reserved.</remarks>
    public static string? WhyReserved(string name)
    {
        if (IsKeyword(name))
        {
            return $"'{name}' is a keyword and cannot name a model element";
        }

        if (ExpressionSyntax.IsConstantWord(name))
        {
            return $"'{name}' is a constant and cannot name a model element";
        }

        return name == ReactionNetwork.TimeSymbol ? $"'{name}' is the simulation time and cannot name a model element" : null;
    }

    /// <summary>Suggests the keyword that <paramref name="word"/> probably misspells, as a "; did you mean …?" hint (empty when none is close).</summary>
    public static string KeywordHint(string word)
    {
        var exactButCase = Supported.Concat(Rejected.Keys).FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
        if (exactButCase is not null)
        {
            return $"; did you mean '{exactButCase}'?";
        }

        return NameSuggestions.Hint(NameSuggestions.Closest(word, ["species", "compartment", "formula", "var", "const", "substanceOnly", "function", "model", "unit", "end"], 1));
    }
}
