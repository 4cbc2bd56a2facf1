namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>The solutions of every cell of a batched ensemble, indexed by cell: status, work, final state and the states at the output times.</summary>
/// <remarks>
/// Filled by <see cref="BatchedEnsemble.Solve"/>; each cell's entries are written by the one lane that solved it, so
/// they do not depend on the number of threads. Output rows a failed cell did not reach hold NaN. Immutable once
/// returned; safe to read from several threads.
/// </remarks>
public sealed class BatchedEnsembleSolution
{
    private readonly double[] _outputTimes;
    private readonly double[] _states;
    private readonly double[] _finalStates;
    private readonly double[] _finalTimes;
    private readonly SolverStatus[] _status;
    private readonly string?[] _messages;
    private readonly long[] _work;

    internal BatchedEnsembleSolution(string solverName, int cellCount, int dimension, double[] outputTimes)
    {
        SolverName = solverName;
        CellCount = cellCount;
        Dimension = dimension;
        _outputTimes = outputTimes;
        _states = new double[(long)cellCount * outputTimes.Length * dimension];
        _finalStates = new double[(long)cellCount * dimension];
        _finalTimes = new double[cellCount];
        _status = new SolverStatus[cellCount];
        _messages = new string?[cellCount];
        _work = new long[3L * cellCount];
    }

    /// <summary>Gets the name of the method that solved the cells.</summary>
    public string SolverName { get; }

    /// <summary>Gets the number of cells.</summary>
    public int CellCount { get; }

    /// <summary>Gets the number of state variables per cell, n.</summary>
    public int Dimension { get; }

    /// <summary>Gets the output times (empty when only the final states were asked for).</summary>
    public IReadOnlyList<double> OutputTimes => _outputTimes;

    /// <summary>Gets a value indicating whether every cell reached the end time.</summary>
    public bool AllSucceeded => Array.TrueForAll(_status, s => s == SolverStatus.Success);

    /// <summary>Gets how the integration of a cell ended.</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>Its status.</returns>
    public SolverStatus GetStatus(int cell) => _status[cell];

    /// <summary>Gets the failure message of a cell, or null.</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>The message.</returns>
    public string? GetMessage(int cell) => _messages[cell];

    /// <summary>Gets the time a cell reached (the end time on success).</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>The time of its final state.</returns>
    public double GetFinalTime(int cell) => _finalTimes[cell];

    /// <summary>Gets the last accepted state of a cell.</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>n values.</returns>
    public ReadOnlySpan<double> GetFinalState(int cell) => _finalStates.AsSpan(cell * Dimension, Dimension);

    /// <summary>Gets the states of a cell at the output times, row-major (row k = <see cref="OutputTimes"/>[k]).</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>OutputTimes.Count × n values.</returns>
    public ReadOnlySpan<double> GetStates(int cell)
    {
        int rows = _outputTimes.Length * Dimension;
        return _states.AsSpan(cell * rows, rows);
    }

    /// <summary>Gets the work spent on a cell: right-hand-side evaluations (its lane's share), accepted and rejected steps.</summary>
    /// <param name="cell">The cell index.</param>
    /// <returns>The statistics, counted as the scalar integrator counts them.</returns>
    public SolverStatistics GetStatistics(int cell) =>
        new(_work[3 * cell], 0, 0, 0, 0, 0, _work[(3 * cell) + 1], _work[(3 * cell) + 2], 0);

    /// <summary>Gets the output rows of a cell for writing.</summary>
    internal Span<double> StatesOf(int cell)
    {
        int rows = _outputTimes.Length * Dimension;
        return _states.AsSpan(cell * rows, rows);
    }

    internal ReadOnlySpan<double> OutputTimesSpan => _outputTimes;

    /// <summary>Records how a cell ended.</summary>
    internal void Complete(int cell, SolverStatus status, string? message, double time, ReadOnlySpan<double> state, long rhs, long accepted, long rejected)
    {
        _status[cell] = status;
        _messages[cell] = message;
        _finalTimes[cell] = time;
        state.CopyTo(_finalStates.AsSpan(cell * Dimension, Dimension));
        _work[3 * cell] = rhs;
        _work[(3 * cell) + 1] = accepted;
        _work[(3 * cell) + 2] = rejected;
    }
}
