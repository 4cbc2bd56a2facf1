using System.Globalization;

namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>The arrangement of the cells of a tissue: how many there are, where they sit and which of them exchange species.</summary>
/// <remarks>
/// <para>
/// A line or a rectangular lattice has nearest-neighbour edges of weight 1/h² (h the cell spacing) and no-flux
/// boundaries: a cell at the border simply has fewer neighbours. A graph takes any edges and weights, for example
/// the gap junctions of an osteocyte network.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CellTopology
{
    private readonly CellEdge[] _edges;
    private readonly double[] _x;
    private readonly double[] _y;

    private CellTopology(int cellCount, CellEdge[] edges, double[] x, double[] y)
    {
        CellCount = cellCount;
        _edges = edges;
        _x = x;
        _y = y;
    }

    /// <summary>Gets the number of cells.</summary>
    public int CellCount { get; }

    /// <summary>Gets the edges, each listed once.</summary>
    public IReadOnlyList<CellEdge> Edges => _edges;

    /// <summary>Gets the x coordinate of every cell.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Gets the y coordinate of every cell (0 on a line).</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Creates a line of cells at x = i·h, each linked to its neighbours with weight 1/h².</summary>
    /// <param name="cells">The number of cells (at least 1).</param>
    /// <param name="spacing">The distance h between neighbouring cells (positive).</param>
    /// <returns>The topology.</returns>
    public static CellTopology Line(int cells, double spacing) => Lattice(1, cells, spacing);

    /// <summary>Creates a rows × columns lattice with cell (r, c) at index r·columns + c and position (c·h, r·h), each linked to its four neighbours with weight 1/h².</summary>
    /// <param name="rows">The number of rows (at least 1).</param>
    /// <param name="columns">The number of columns (at least 1).</param>
    /// <param name="spacing">The distance h between neighbouring cells (positive).</param>
    /// <returns>The topology.</returns>
    public static CellTopology Lattice(int rows, int columns, double spacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (!(spacing > 0) || double.IsInfinity(spacing))
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "The spacing must be positive and finite.");
        }

        int count = checked(rows * columns);
        double weight = 1 / (spacing * spacing);
        var edges = new List<CellEdge>((2 * count) - rows - columns);
        var x = new double[count];
        var y = new double[count];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int cell = (r * columns) + c;
                x[cell] = c * spacing;
                y[cell] = r * spacing;
                if (c + 1 < columns)
                {
                    edges.Add(new CellEdge(cell, cell + 1, weight));
                }

                if (r + 1 < rows)
                {
                    edges.Add(new CellEdge(cell, cell + columns, weight));
                }
            }
        }

        return new CellTopology(count, [.. edges], x, y);
    }

    /// <summary>Creates a graph of cells at given positions with given edges.</summary>
    /// <param name="x">The x coordinate of every cell; its length is the number of cells (at least 1).</param>
    /// <param name="y">The y coordinate of every cell; the same length as <paramref name="x"/>.</param>
    /// <param name="edges">The edges: cells in range, no self-links, non-negative finite weights; a pair may occur only once.</param>
    /// <returns>The topology.</returns>
    /// <exception cref="ArgumentException">The coordinates differ in length, or an edge is invalid or repeated.</exception>
    public static CellTopology Graph(ReadOnlySpan<double> x, ReadOnlySpan<double> y, IEnumerable<CellEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, 1, nameof(x));
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"y has {y.Length} coordinates but x has {x.Length}.", nameof(y));
        }

        int count = x.Length;
        var seen = new HashSet<(int, int)>();
        var list = new List<CellEdge>();
        foreach (var edge in edges)
        {
            if (edge.First < 0 || edge.First >= count || edge.Second < 0 || edge.Second >= count || edge.First == edge.Second
                || !(edge.Weight >= 0) || double.IsInfinity(edge.Weight)
                || !seen.Add((Math.Min(edge.First, edge.Second), Math.Max(edge.First, edge.Second))))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Edge ({edge.First}, {edge.Second}, {edge.Weight}) must link two different cells in [0, {count}) once, with a non-negative finite weight."),
                    nameof(edges));
            }

            list.Add(edge);
        }

        return new CellTopology(count, [.. list], x.ToArray(), y.ToArray());
    }
}
