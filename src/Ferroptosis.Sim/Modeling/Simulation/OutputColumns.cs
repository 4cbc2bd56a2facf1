namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>The reported values of a run, one array per quantity, filled row by row as the integrator records points.</summary>
/// <remarks>
/// One array per column instead of one row-major array: a default report of model v2 (60 quantities at 193 times)
/// would be a single 93 KB array, which the runtime puts on the large-object heap, collected only with generation 2.
/// Columns sized for the expected number of rows are handed over as they are (no final copy) when that many
/// rows were recorded.
/// </remarks>
internal sealed class OutputColumns
{
    private readonly double[][] _columns;
    private double[] _times;

    public OutputColumns(int columns, int expectedRows)
    {
        int capacity = Math.Max(expectedRows, 1);
        _times = new double[capacity];
        _columns = new double[columns][];
        for (int c = 0; c < columns; c++)
        {
            _columns[c] = new double[capacity];
        }
    }

    /// <summary>Gets the number of recorded rows.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a row.</summary>
    public void Add(double t, ReadOnlySpan<double> row)
    {
        if (Count == _times.Length)
        {
            Grow();
        }

        _times[Count] = t;
        for (int c = 0; c < _columns.Length; c++)
        {
            _columns[c][Count] = row[c];
        }

        Count++;
    }

    /// <summary>Returns the times and the columns trimmed to <see cref="Count"/> rows; the recorder must not be used afterwards.</summary>
    public (double[] Times, double[][] Columns) Take()
    {
        if (Count != _times.Length)
        {
            Array.Resize(ref _times, Count);
            for (int c = 0; c < _columns.Length; c++)
            {
                Array.Resize(ref _columns[c], Count);
            }
        }

        return (_times, _columns);
    }

    private void Grow()
    {
        int capacity = _times.Length * 2;
        Array.Resize(ref _times, capacity);
        for (int c = 0; c < _columns.Length; c++)
        {
            Array.Resize(ref _columns[c], capacity);
        }
    }
}
