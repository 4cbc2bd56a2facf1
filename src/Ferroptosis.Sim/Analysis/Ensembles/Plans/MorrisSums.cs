using System.Numerics;
using System.Text.Json;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The exact sums behind the Morris statistics of one read-out: per factor the number of elementary effects and Σ EE, Σ |EE|, Σ EE², mergeable exactly.</summary>
/// <remarks>
/// Each elementary effect is computed in double precision from its trajectory, exactly as <see cref="MorrisScreening"/>
/// does; the sums are exact integers (EE · 2^1074), so μ, μ* and σ are rounded once at the end and do not depend on the
/// shard split. Not thread-safe.
/// </remarks>
internal sealed class MorrisSums
{
    private readonly long[] _count;
    private readonly BigInteger[] _sum;
    private readonly BigInteger[] _absolute;
    private readonly BigInteger[] _squares;

    public MorrisSums(int factors)
    {
        _count = new long[factors];
        _sum = new BigInteger[factors];
        _absolute = new BigInteger[factors];
        _squares = new BigInteger[factors];
    }

    public void Add(int factor, double effect)
    {
        if (!double.IsFinite(effect))
        {
            return;
        }

        var e = ExactMoments.Scaled(effect);
        _count[factor]++;
        _sum[factor] += e;
        _absolute[factor] += BigInteger.Abs(e);
        _squares[factor] += e * e;
    }

    public void Merge(MorrisSums other)
    {
        for (int i = 0; i < _count.Length; i++)
        {
            _count[i] += other._count[i];
            _sum[i] += other._sum[i];
            _absolute[i] += other._absolute[i];
            _squares[i] += other._squares[i];
        }
    }

    public MorrisIndex[] Indices(IReadOnlyList<string> factors)
    {
        var result = new MorrisIndex[_count.Length];
        for (int i = 0; i < result.Length; i++)
        {
            long n = _count[i];
            if (n == 0)
            {
                result[i] = new MorrisIndex(factors[i], double.NaN, double.NaN, double.NaN, 0);
                continue;
            }

            var scaledN = new BigInteger(n) << 1074;
            double mu = ExactMoments.Ratio(_sum[i], scaledN);
            double muStar = ExactMoments.Ratio(_absolute[i], scaledN);
            double sigma = double.NaN;
            if (n > 1)
            {
                var numerator = (n * _squares[i]) - (_sum[i] * _sum[i]);
                sigma = numerator.IsZero ? 0 : Math.Sqrt(Math.Max(0, ExactMoments.Ratio(numerator, new BigInteger(n) * (n - 1) << 2148)));
            }

            result[i] = new MorrisIndex(factors[i], mu, muStar, sigma, checked((int)n));
        }

        return result;
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("effects");
        foreach (long c in _count)
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        WriteArray(w, "sums", _sum);
        WriteArray(w, "absoluteSums", _absolute);
        WriteArray(w, "squareSums", _squares);
        w.WriteEndObject();
    }

    public static MorrisSums Read(JsonElement e, int factors)
    {
        var sums = new MorrisSums(factors);
        var counts = e.GetProperty("effects").EnumerateArray().ToList();
        if (counts.Count != factors)
        {
            throw new FormatException($"The Morris sums name {counts.Count} factors; the plan has {factors}.");
        }

        ReadArray(e, "sums", sums._sum);
        ReadArray(e, "absoluteSums", sums._absolute);
        ReadArray(e, "squareSums", sums._squares);
        for (int i = 0; i < factors; i++)
        {
            sums._count[i] = counts[i].GetInt64();
        }

        return sums;
    }

    private static void WriteArray(Utf8JsonWriter w, string name, BigInteger[] values)
    {
        w.WriteStartArray(name);
        foreach (var x in values)
        {
            w.WriteStringValue(ExactMoments.Format(x));
        }

        w.WriteEndArray();
    }

    private static void ReadArray(JsonElement e, string name, BigInteger[] target)
    {
        var items = e.GetProperty(name).EnumerateArray().ToList();
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = ExactMoments.Parse(items[i].GetString() ?? "0");
        }
    }
}
