using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>The outcome of <see cref="TissueSystem.Simulate"/>: the state of every cell at the output times.</summary>
/// <remarks>Immutable.</remarks>
public sealed class TissueResult
{
    internal TissueResult(TissueSystem tissue, OdeSolution solution)
    {
        Tissue = tissue;
        Solution = solution;
    }

    /// <summary>Gets the tissue that was simulated.</summary>
    public TissueSystem Tissue { get; }

    /// <summary>Gets the underlying solution (all states, statistics, status).</summary>
    public OdeSolution Solution { get; }

    /// <summary>Gets a value indicating whether the integration reached the end.</summary>
    public bool IsSuccess => Solution.IsSuccess;

    /// <summary>Gets the number of output times reached.</summary>
    public int Count => Solution.Count;

    /// <summary>Gets the output times reached.</summary>
    public ReadOnlySpan<double> Times => Solution.Times;

    /// <summary>Gets one variable of one cell at one output time.</summary>
    /// <param name="point">The output index, in [0, <see cref="Count"/>).</param>
    /// <param name="cell">The cell.</param>
    /// <param name="stateId">A state variable of the cell model.</param>
    /// <returns>The value.</returns>
    public double Value(int point, int cell, string stateId) => Solution[point, Tissue.IndexOf(cell, stateId)];

    /// <summary>Gets one variable in every cell at every output time.</summary>
    /// <param name="stateId">A state variable of the cell model.</param>
    /// <returns>An array [output index, cell].</returns>
    public double[,] Values(string stateId)
    {
        int offset = Tissue.IndexOf(0, stateId);
        int n = Tissue.StatesPerCell;
        var values = new double[Count, Tissue.CellCount];
        for (int p = 0; p < Count; p++)
        {
            var state = Solution.GetState(p);
            for (int c = 0; c < Tissue.CellCount; c++)
            {
                values[p, c] = state[(c * n) + offset];
            }
        }

        return values;
    }

    /// <summary>Gets, at every output time, the fraction of a region's cells in which a variable lies below a threshold (e.g. the surviving fraction <c>S</c> below 0.5: the fraction dead).</summary>
    /// <param name="stateId">A state variable of the cell model.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="cells">The cells of the region; every cell by default.</param>
    /// <returns>One fraction in [0, 1] per output time.</returns>
    public double[] FractionBelow(string stateId, double threshold, IReadOnlyList<int>? cells = null)
    {
        int offset = Tissue.IndexOf(0, stateId);
        int n = Tissue.StatesPerCell;
        int[] region = cells is null ? [.. Enumerable.Range(0, Tissue.CellCount)] : [.. cells];
        ArgumentOutOfRangeException.ThrowIfZero(region.Length, nameof(cells));
        foreach (int c in region)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(cells));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c, Tissue.CellCount, nameof(cells));
        }

        var fractions = new double[Count];
        for (int p = 0; p < Count; p++)
        {
            var state = Solution.GetState(p);
            int below = 0;
            foreach (int c in region)
            {
                below += state[(c * n) + offset] < threshold ? 1 : 0;
            }

            fractions[p] = (double)below / region.Length;
        }

        return fractions;
    }
}
