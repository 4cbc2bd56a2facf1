namespace Ferroptosis.Sim.Analysis;

/// <summary>Counter-based random numbers: a uniform variate is a pure function of (seed, index, stream), so any thread can draw the numbers of any sample and results do not depend on scheduling.</summary>
/// <remarks>
/// Each call hashes the counters with the SplitMix64 finaliser (Steele, Lea &amp; Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014), whose output passes BigCrush as a generator; two rounds
/// separate the sample index from the stream. The approach is that of counter-based generators
/// (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011), with a simpler mixer.
/// </remarks>
internal static class CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>A uniform variate in the open interval (0, 1).</summary>
    public static double Uniform(ulong seed, long index, int stream)
    {
        ulong z = Mix(seed + (Golden * (ulong)(index + 1)));
        z = Mix(z ^ (0xD1B54A32D192ED03UL * (ulong)(stream + 1)));
        return ((z >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>A uniform integer in [0, count).</summary>
    public static int Integer(ulong seed, long index, int stream, int count) => Math.Min(count - 1, (int)(Uniform(seed, index, stream) * count));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
