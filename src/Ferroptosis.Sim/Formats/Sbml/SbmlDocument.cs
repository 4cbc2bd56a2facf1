using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>An SBML document read into a reaction network, with the SBML level and version it was written in and the ids that had to be renamed.</summary>
/// <remarks>
/// A few SBML ids cannot name quantities in the expression layer (<c>pi</c>, <c>true</c>, <c>INF</c>, <c>NaN</c> …,
/// <c>time</c>, ids starting with <c>__in_</c>, and user functions named like a built-in function); the reader gives
/// them fresh names (<c>INF_</c>, <c>time_</c>, …) and lists them in <see cref="RenamedIds"/>. Use
/// <see cref="NetworkId"/> to find the network id of any SBML id. Immutable.
/// </remarks>
public sealed class SbmlDocument
{
    internal SbmlDocument(int level, int version, ReactionNetwork network, IReadOnlyDictionary<string, string> renamedIds, IReadOnlyList<string>? warnings = null)
    {
        Level = level;
        Version = version;
        Network = network;
        RenamedIds = renamedIds;
        Warnings = warnings ?? [];
    }

    /// <summary>Gets what the reader ignored that a user may want to know, one sentence each (e.g. a Level 3 package marked <c>required="false"</c>); empty for most files.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Gets the SBML level of the file (2 or 3).</summary>
    public int Level { get; }

    /// <summary>Gets the SBML version of the file within its level.</summary>
    public int Version { get; }

    /// <summary>Gets the model as a validated reaction network.</summary>
    public ReactionNetwork Network { get; }

    /// <summary>Gets the model-wide SBML ids that were renamed, mapped to their network ids (empty for most files).</summary>
    public IReadOnlyDictionary<string, string> RenamedIds { get; }

    /// <summary>Gets the network id of an SBML id: the id itself unless it was renamed.</summary>
    /// <param name="sbmlId">The id as written in the SBML file.</param>
    /// <returns>The id to use with the network, the compiler and the simulator.</returns>
    public string NetworkId(string sbmlId)
    {
        ArgumentNullException.ThrowIfNull(sbmlId);
        return RenamedIds.TryGetValue(sbmlId, out string? id) ? id : sbmlId;
    }
}
