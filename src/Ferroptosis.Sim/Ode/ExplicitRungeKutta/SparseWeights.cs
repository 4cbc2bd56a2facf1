using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>The weights of one linear combination of stages, Σ_j w_j k_j, with zeros skipped, and the kernels that form it.</summary>
/// <remarks>
/// Tableaus have many zero coefficients (Verner's methods skip stages 2 and 3 in most rows), so the
/// combinations skip them. With SIMD the state is processed a vector of components at a time, the sum
/// over stages kept in a register; a scalar loop does the rest (or all, see
/// <see cref="VectorizeFreshStages"/>). The increment is summed before it is scaled by h and added to
/// y, as in Hairer's codes, so rounding at the scale of |y| happens once per stage and not once per
/// term; vector lanes and the scalar loop do the same operations in the same order, so the results do
/// not depend on the path.
/// </remarks>
internal sealed class SparseWeights
{
    private SparseWeights(int[] stages, double[] weights)
    {
        Stages = stages;
        Weights = weights;
        IsLeading = true;
        for (int t = 0; t < stages.Length; t++)
        {
            IsLeading &= stages[t] == t;
        }
    }

    /// <summary>Whether SIMD pays off for stages the right-hand side has only just written.</summary>
    /// <remarks>
    /// A vector load of values written a moment ago by scalar stores (the right-hand side fills k_i one
    /// component at a time) cannot be forwarded from the store buffer and stalls. When one vector is the
    /// whole state (AREN, n = 4) the stall costs more than SIMD saves (measured: 20–65 % slower steps);
    /// from n = 8 on SIMD wins (stacked AREN copies, n = 8 … 64: steps 25–65 % faster). Combinations of
    /// older stages (dense output) always vectorise.
    /// </remarks>
    public static bool VectorizeFreshStages(int n) => n >= 8;

    /// <summary>Gets the stage indices of the terms, ascending.</summary>
    public int[] Stages { get; }

    /// <summary>Gets the weights of <see cref="Stages"/>.</summary>
    public double[] Weights { get; }

    /// <summary>Gets a value indicating whether the terms are stages 0, 1, 2, … (no stage skipped), so the scalar kernels index stages directly.</summary>
    public bool IsLeading { get; }

    /// <summary>Collects the non-zero entries of <paramref name="weights"/>.</summary>
    /// <remarks>
    /// A row that would skip at most a quarter of its leading stages keeps its few zeros instead, so
    /// the kernels index the stages directly; the indirection costs more than a multiply by zero.
    /// </remarks>
    public static SparseWeights From(ReadOnlySpan<double> weights)
    {
        int last = weights.Length - 1;
        while (last >= 0 && weights[last] == 0)
        {
            last--;
        }

        var stages = new List<int>();
        var values = new List<double>();
        for (int j = 0; j <= last; j++)
        {
            if (weights[j] != 0)
            {
                stages.Add(j);
                values.Add(weights[j]);
            }
        }

        if (4 * (last + 1 - stages.Count) <= last + 1)
        {
            return new SparseWeights([.. Enumerable.Range(0, last + 1)], weights[..(last + 1)].ToArray());
        }

        return new SparseWeights([.. stages], [.. values]);
    }

    /// <summary>destination = y + h Σ_j w_j k_j.</summary>
    /// <param name="y">The state the increment is added to.</param>
    /// <param name="h">The step size.</param>
    /// <param name="k">The stage derivatives.</param>
    /// <param name="destination">Receives the combination (not aliasing <paramref name="k"/>).</param>
    /// <param name="vectorize">Whether to use SIMD; see <see cref="VectorizeFreshStages"/>.</param>
    public void Combine(double[] y, double h, double[][] k, double[] destination, bool vectorize)
    {
        int n = destination.Length;
        int i = 0;
        if (vectorize && Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(y, i) + (h * VectorSum(k, i))).CopyTo(destination, i);
            }
        }

        for (; i < n; i++)
        {
            destination[i] = y[i] + (h * ScalarSum(k, i));
        }
    }

    /// <summary>destination[offset … offset + n) = scale · Σ_j w_j k_j, with n the length of the stage vectors.</summary>
    /// <param name="k">The stage derivatives.</param>
    /// <param name="destination">Receives the sum.</param>
    /// <param name="offset">Where the sum starts in <paramref name="destination"/>.</param>
    /// <param name="scale">The factor applied to the sum.</param>
    /// <param name="vectorize">Whether to use SIMD; see <see cref="VectorizeFreshStages"/>.</param>
    public void Sum(double[][] k, double[] destination, int offset, double scale, bool vectorize)
    {
        int n = k[0].Length;
        int i = 0;
        if (vectorize && Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                (scale * VectorSum(k, i)).CopyTo(destination, offset + i);
            }
        }

        for (; i < n; i++)
        {
            destination[offset + i] = scale * ScalarSum(k, i);
        }
    }

    // Σ_t w_t k_{stage t}[i … i + width).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<double> VectorSum(double[][] k, int i)
    {
        var stages = Stages;
        var weights = Weights;
        var sum = Vector<double>.Zero;
        for (int t = 0; t < stages.Length; t++)
        {
            sum += weights[t] * new Vector<double>(k[stages[t]], i);
        }

        return sum;
    }

    // Σ_t w_t k_{stage t}[i], in the same order as the vector lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ScalarSum(double[][] k, int i)
    {
        var weights = Weights;
        double sum = 0;
        if (IsLeading)
        {
            for (int t = 0; t < weights.Length; t++)
            {
                sum += weights[t] * k[t][i];
            }

            return sum;
        }

        var stages = Stages;
        for (int t = 0; t < stages.Length; t++)
        {
            sum += weights[t] * k[stages[t]][i];
        }

        return sum;
    }
}
