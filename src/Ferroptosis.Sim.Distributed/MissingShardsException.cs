namespace Ferroptosis.Sim.Distributed;

/// <summary>Thrown by a reduce when some shards of the plan are not complete; lists them by index.</summary>
public sealed class MissingShardsException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MissingShardsException"/> class.</summary>
    public MissingShardsException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MissingShardsException"/> class.</summary>
    /// <param name="message">The message.</param>
    public MissingShardsException(string message)
        : base(message)
    {
        Shards = [];
    }

    /// <summary>Initializes a new instance of the <see cref="MissingShardsException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingShardsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Shards = [];
    }

    /// <summary>Initializes a new instance of the <see cref="MissingShardsException"/> class.</summary>
    /// <param name="shards">The missing shard indices, in order.</param>
    public MissingShardsException(IReadOnlyList<int> shards)
        : base($"{shards.Count} shard(s) missing: {Describe(shards)}; run them (ferrosim ensemble shard --index N) before the reduce.")
    {
        Shards = shards;
    }

    /// <summary>Gets the missing shard indices.</summary>
    public IReadOnlyList<int> Shards { get; }

    /// <summary>Writes shard indices compactly: <c>0-3,7,9-10</c>.</summary>
    /// <param name="shards">Indices in increasing order.</param>
    /// <returns>The text.</returns>
    public static string Describe(IReadOnlyList<int> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var parts = new List<string>();
        int i = 0;
        while (i < shards.Count)
        {
            int j = i;
            while (j + 1 < shards.Count && shards[j + 1] == shards[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? shards[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{shards[i]}-{shards[j]}"));
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
