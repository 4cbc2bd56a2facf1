using System.Numerics;
using System.Text.Json;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The exact sums behind the Saltelli first-order and Jansen total-effect estimators of one read-out, over the complete rows (A, B, A_B^(1…k)) of a Saltelli design; mergeable exactly.</summary>
/// <remarks>
/// With N rows, S = Σ(f_A + f_B), Q = Σ(f_A² + f_B²), P_i = Σ f_B·(f_ABi − f_A) and T_i = Σ (f_A − f_ABi)², all kept as
/// exact integers (every double is an integer times 2^−1074, products times 2^−2148), the estimators of
/// <see cref="SobolAnalysis"/> become S_i = 4N·P_i / (2N·Q − S²) and S_Ti = 2N·T_i / (2N·Q − S²): one rounding at the
/// end, so the indices do not depend on how the rows were split into shards. A row with a NaN value of this read-out is
/// left out. Not thread-safe.
/// </remarks>
internal sealed class SaltelliSums
{
    private readonly BigInteger[] _first;
    private readonly BigInteger[] _total;

    public SaltelliSums(int factors)
    {
        _first = new BigInteger[factors];
        _total = new BigInteger[factors];
    }

    public long Rows { get; private set; }

    public BigInteger Sum { get; private set; }

    public BigInteger SumOfSquares { get; private set; }

    /// <summary>Adds one design row: the values of A, B, then A_B^(i) for every factor i.</summary>
    public void Add(ReadOnlySpan<double> block)
    {
        foreach (double v in block)
        {
            if (!double.IsFinite(v))
            {
                return;
            }
        }

        var a = ExactMoments.Scaled(block[0]);
        var b = ExactMoments.Scaled(block[1]);
        Rows++;
        Sum += a + b;
        SumOfSquares += (a * a) + (b * b);
        for (int i = 0; i < _first.Length; i++)
        {
            var ab = ExactMoments.Scaled(block[2 + i]);
            _first[i] += b * (ab - a);
            var d = a - ab;
            _total[i] += d * d;
        }
    }

    public void Merge(SaltelliSums other)
    {
        Rows += other.Rows;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
        for (int i = 0; i < _first.Length; i++)
        {
            _first[i] += other._first[i];
            _total[i] += other._total[i];
        }
    }

    /// <summary>The variance of f_A ∪ f_B, (2N·Q − S²) / (2N)², rounded once (NaN without rows).</summary>
    public double Variance()
    {
        var n = new BigInteger(Rows);
        return Rows == 0 ? double.NaN : ExactMoments.Ratio((2 * n * SumOfSquares) - (Sum * Sum), (4 * n * n) << 2148);
    }

    /// <summary>The point estimates of every factor (no bootstrap: the reduce sees sums, not rows).</summary>
    public SobolIndex[] Indices(IReadOnlyList<string> factors)
    {
        var n = new BigInteger(Rows);
        var denominator = (2 * n * SumOfSquares) - (Sum * Sum);
        var result = new SobolIndex[_first.Length];
        for (int i = 0; i < result.Length; i++)
        {
            double first = Rows < 2 || denominator.IsZero ? double.NaN : ExactMoments.Ratio(4 * n * _first[i], denominator);
            double total = Rows < 2 || denominator.IsZero ? double.NaN : ExactMoments.Ratio(2 * n * _total[i], denominator);
            result[i] = new SobolIndex(factors[i], first, double.NaN, double.NaN, double.NaN, total, double.NaN, double.NaN, double.NaN);
        }

        return result;
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("rows", Rows);
        w.WriteString("sum", ExactMoments.Format(Sum));
        w.WriteString("sumOfSquares", ExactMoments.Format(SumOfSquares));
        w.WriteStartArray("firstOrderSums");
        foreach (var x in _first)
        {
            w.WriteStringValue(ExactMoments.Format(x));
        }

        w.WriteEndArray();
        w.WriteStartArray("totalSums");
        foreach (var x in _total)
        {
            w.WriteStringValue(ExactMoments.Format(x));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static SaltelliSums Read(JsonElement e, int factors)
    {
        var sums = new SaltelliSums(factors)
        {
            Rows = e.GetProperty("rows").GetInt64(),
            Sum = ExactMoments.Parse(e.GetProperty("sum").GetString() ?? "0"),
            SumOfSquares = ExactMoments.Parse(e.GetProperty("sumOfSquares").GetString() ?? "0"),
        };
        var first = e.GetProperty("firstOrderSums").EnumerateArray().ToList();
        var total = e.GetProperty("totalSums").EnumerateArray().ToList();
        if (first.Count != factors || total.Count != factors)
        {
            throw new FormatException($"The Saltelli sums name {first.Count} factors; the plan has {factors}.");
        }

        for (int i = 0; i < factors; i++)
        {
            sums._first[i] = ExactMoments.Parse(first[i].GetString() ?? "0");
            sums._total[i] = ExactMoments.Parse(total[i].GetString() ?? "0");
        }

        return sums;
    }
}
