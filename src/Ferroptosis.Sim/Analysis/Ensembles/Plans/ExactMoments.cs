using System.Globalization;
using System.Numerics;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Mergeable statistics of one read-out: count, missing, exact sums of x and x², extremes and a log-binned histogram; merging is exact, so the result does not depend on how the runs were split or in which order the parts are merged.</summary>
/// <remarks>
/// <para>
/// Sums are kept exactly: a double x = ±m·2^e is added as ±m·2^(e+1074) and x² as m²·2^(2(e+1074)) into fixed-point
/// accumulators (<see cref="ExactAccumulator"/>, Kulisch-style; no allocation per value), so addition is associative. Floating-point Welford or Chan merges would make 1 shard
/// and 64 shards differ in the last bits; exact sums make them bit-identical.
/// </para>
/// <para>
/// The quantile sketch is a histogram over the top 19 bits of the double (sign, exponent, 7 mantissa bits): bin
/// counts add exactly, and a quantile is the midpoint of the bin holding its rank, within 2⁻⁸ ≈ 0.4 % relative error
/// of the nearest-rank value (clamped to [min, max]). Not thread-safe.
/// </para>
/// </remarks>
internal sealed class ExactMoments
{
    private const int Offset = 1074;
    private const int BinShift = 45;
    private readonly Dictionary<long, long> _bins = [];
    private readonly ExactAccumulator _sum = new(2048 + 53 + 64);
    private readonly ExactAccumulator _squares = new(4096 + 106 + 64);

    public ExactMoments(string name) => Name = name;

    public string Name { get; }

    public long Count { get; private set; }

    public long Missing { get; private set; }

    public BigInteger Sum => _sum.ToBigInteger();

    public BigInteger SumOfSquares => _squares.ToBigInteger();

    public double Minimum { get; private set; } = double.PositiveInfinity;

    public double Maximum { get; private set; } = double.NegativeInfinity;

    /// <summary>Gets the histogram's (bin, count) pairs in bin order.</summary>
    public IEnumerable<KeyValuePair<long, long>> Bins => _bins.OrderBy(b => b.Key);

    public void Add(double x)
    {
        if (double.IsNaN(x))
        {
            Missing++;
            return;
        }

        Count++;
        Minimum = Math.Min(Minimum, x);
        Maximum = Math.Max(Maximum, x);
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_bins, BinOf(x), out _)++;
        if (double.IsInfinity(x))
        {
            return;
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int exponentField = (int)((bits >> 52) & 0x7FF);
        ulong fraction = bits & ((1UL << 52) - 1);
        ulong mantissa = exponentField == 0 ? fraction : fraction | (1UL << 52);
        int shift = (exponentField == 0 ? 1 : exponentField) - 1075 + Offset;
        _sum.Add(mantissa, shift, (long)bits < 0);
        _squares.Add((UInt128)mantissa * mantissa, 2 * shift, negative: false);
    }

    public void Merge(ExactMoments other)
    {
        Count += other.Count;
        Missing += other.Missing;
        _sum.Add(other._sum);
        _squares.Add(other._squares);
        Minimum = Math.Min(Minimum, other.Minimum);
        Maximum = Math.Max(Maximum, other.Maximum);
        foreach (var (key, count) in other._bins)
        {
            _bins[key] = _bins.GetValueOrDefault(key) + count;
        }
    }

    public void SetState(long count, long missing, BigInteger sum, BigInteger sumOfSquares, double minimum, double maximum, IEnumerable<KeyValuePair<long, long>> bins)
    {
        Count = count;
        Missing = missing;
        _sum.Set(sum);
        _squares.Set(sumOfSquares);
        Minimum = minimum;
        Maximum = maximum;
        foreach (var (key, value) in bins)
        {
            _bins[key] = value;
        }
    }

    public OutputSummary ToSummary(IReadOnlyList<double> probabilities)
    {
        if (Count == 0)
        {
            return new OutputSummary(Name, 0, Missing, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [.. probabilities.Select(p => new QuantileEstimate(p, double.NaN))]);
        }

        bool infinite = double.IsInfinity(Minimum) || double.IsInfinity(Maximum);
        double n = Count;
        var sum = Sum;
        double mean = infinite ? double.NaN : ToDouble(sum, Offset) / n;
        double sd = double.NaN;
        if (!infinite && Count > 1)
        {
            // n·Σx² − (Σx)², exact, then one rounding: var = that / (n(n − 1)).
            var numerator = (SumOfSquares * Count) - (sum * sum);
            sd = Math.Sqrt(Math.Max(0, ToDouble(numerator, 2 * Offset) / (n * (n - 1))));
        }

        return new OutputSummary(Name, Count, Missing, mean, sd, Count > 1 ? sd / Math.Sqrt(n) : double.NaN, Minimum, Maximum, [.. probabilities.Select(p => new QuantileEstimate(p, Quantile(p)))]);
    }

    public static string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    public static BigInteger Parse(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private double Quantile(double p)
    {
        long rank = Math.Max(1, (long)Math.Ceiling(p * Count));
        long seen = 0;
        foreach (var (key, count) in Bins)
        {
            seen += count;
            if (seen >= rank)
            {
                var (lo, hi) = Edges(key);
                double mid = double.IsFinite(lo) && double.IsFinite(hi) ? lo + ((hi - lo) / 2) : lo;
                return Math.Clamp(mid, Minimum, Maximum);
            }
        }

        return Maximum;
    }

    private static long BinOf(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        long magnitude = (long)((bits & 0x7FFF_FFFF_FFFF_FFFFUL) >> BinShift);
        return (long)bits < 0 ? -magnitude - 1 : magnitude;
    }

    private static (double Lo, double Hi) Edges(long key)
    {
        long magnitude = key >= 0 ? key : -key - 1;
        double lo = BitConverter.UInt64BitsToDouble((ulong)magnitude << BinShift);
        double hi = BitConverter.UInt64BitsToDouble((ulong)(magnitude + 1) << BinShift);
        return key >= 0 ? (lo, hi) : (-hi, -lo);
    }

    /// <summary>x · 2^1074 as an exact integer (x finite).</summary>
    internal static BigInteger Scaled(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int exponentField = (int)((bits >> 52) & 0x7FF);
        ulong fraction = bits & ((1UL << 52) - 1);
        ulong mantissa = exponentField == 0 ? fraction : fraction | (1UL << 52);
        var term = new BigInteger(mantissa) << ((exponentField == 0 ? 1 : exponentField) - 1075 + Offset);
        return (long)bits < 0 ? -term : term;
    }

    /// <summary>The ratio of two exact integers of the same scale, rounded from their top bits (deterministic).</summary>
    internal static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        int scale = (int)Math.Max(numerator.GetBitLength(), denominator.GetBitLength());
        return ToDouble(numerator, scale) / ToDouble(denominator, scale);
    }

    /// <summary>value · 2^−scale, rounded once from the top 63 bits (deterministic).</summary>
    private static double ToDouble(BigInteger value, int scale)
    {
        if (value.IsZero)
        {
            return 0;
        }

        var magnitude = BigInteger.Abs(value);
        int bits = (int)magnitude.GetBitLength();
        int shift = Math.Max(0, bits - 63);
        double top = (double)(long)(magnitude >> shift);
        double result = Math.ScaleB(top, shift - scale);
        return value.Sign < 0 ? -result : result;
    }
}
