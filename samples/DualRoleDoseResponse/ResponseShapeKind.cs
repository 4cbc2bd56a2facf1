/// <summary>The shapes <see cref="ResponseShape.Classify"/> tells apart.</summary>
internal enum ResponseShapeKind
{
    /// <summary>Spans less than the noise threshold: no response.</summary>
    Flat,

    /// <summary>Rises to an interior maximum and falls after it, each by at least the noise threshold.</summary>
    Bell,

    /// <summary>Falls to an interior minimum and rises after it, each by at least the noise threshold.</summary>
    U,

    /// <summary>Read by its ends (no interior extreme stands out by the threshold on both sides), with both plateaus sampled.</summary>
    Sigmoidal,

    /// <summary>Read by its ends, without both plateaus sampled.</summary>
    Graded,
}
