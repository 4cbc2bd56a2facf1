using System.Globalization;
using System.Runtime.CompilerServices;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>A simulated time course with named columns: time, then one column per reported quantity; plus how the run went.</summary>
/// <remarks>
/// Immutable; values are stored as one array per quantity (column). A run that recorded its states (fewer states than
/// quantities) computes each column from them when it is first read, with the same bits as computing it during the
/// run; a run that recorded only some quantities (an internal setting of the pathway API) computes the others from a
/// second run of its settings, when the first of them is read. Reading is thread-safe either way.
/// </remarks>
public sealed class SimulationResult
{
    private readonly double[] _times;
    private readonly double[]?[] _values;
    private readonly StateTrajectory? _trajectory;

    // The columns not recorded by the run come from a second run of its settings (SimulationSettings.RecordedQuantities).
    private readonly Lazy<StateTrajectory>? _replay;
    private readonly Dictionary<string, int> _columns;

    /// <summary>The column index of each name, built once per list of names (the lists of compiled output programs are reused by every run) and only read afterwards.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, Dictionary<string, int>> ColumnIndices = new();

    internal SimulationResult(IReadOnlyList<string> names, double[] times, double[][] values, OdeSolution solution, IReadOnlyList<ThresholdCrossing> crossings, string? failureCause = null)
        : this(names, times, values, (StateTrajectory?)null, solution, crossings, failureCause)
    {
    }

    internal SimulationResult(IReadOnlyList<string> names, StateTrajectory trajectory, OdeSolution solution, IReadOnlyList<ThresholdCrossing> crossings, string? failureCause = null)
        : this(names, trajectory.TakeTimes(), new double[]?[names.Count], trajectory, solution, crossings, failureCause)
    {
    }

    internal SimulationResult(IReadOnlyList<string> names, double[] times, double[]?[] values, Func<StateTrajectory> replay, OdeSolution solution, IReadOnlyList<ThresholdCrossing> crossings, string? failureCause = null)
        : this(names, times, values, (StateTrajectory?)null, solution, crossings, failureCause)
    {
        _replay = new Lazy<StateTrajectory>(replay, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private SimulationResult(IReadOnlyList<string> names, double[] times, double[]?[] values, StateTrajectory? trajectory, OdeSolution solution, IReadOnlyList<ThresholdCrossing> crossings, string? failureCause)
    {
        Crossings = crossings;
        Names = names;
        _times = times;
        _values = values;
        _trajectory = trajectory;
        _columns = ColumnIndices.GetValue(names, static list => list.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal));
        Statistics = solution.Statistics;
        Status = solution.Status;
        Message = failureCause is not null && !IsSuccess ? $"{solution.Message} {failureCause}" : solution.Message;
        SolverName = solution.SolverName;
    }

    /// <summary>Gets the names of the reported quantities (the columns after time).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the number of time points.</summary>
    public int Count => _times.Length;

    /// <summary>Gets the time points.</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>Gets one value.</summary>
    /// <param name="point">The time-point index.</param>
    /// <param name="name">The quantity name.</param>
    public double this[int point, string name] => Values(ColumnIndex(name))[point];

    /// <summary>Gets the located crossings of the watched thresholds, in time order.</summary>
    public IReadOnlyList<ThresholdCrossing> Crossings { get; }

    /// <summary>Gets the solver's work counters.</summary>
    public SolverStatistics Statistics { get; }

    /// <summary>Gets how the integration ended.</summary>
    public SolverStatus Status { get; }

    /// <summary>Gets a value indicating whether the simulation reached its end time.</summary>
    public bool IsSuccess => Status is SolverStatus.Success or SolverStatus.TerminatedByEvent;

    /// <summary>Gets the failure description, or null.</summary>
    public string? Message { get; }

    /// <summary>Gets the solver's name.</summary>
    public string SolverName { get; }

    /// <summary>Copies one quantity over all time points.</summary>
    /// <param name="name">The quantity name.</param>
    /// <returns>A new array.</returns>
    /// <exception cref="ArgumentException">No column has that name; the message lists them.</exception>
    public double[] GetColumn(string name)
    {
        return (double[])Values(ColumnIndex(name)).Clone();
    }

    /// <summary>Gets the recorded states of a run that recorded states rather than quantities, or null.</summary>
    internal StateTrajectory? Trajectory => _trajectory;

    /// <summary>Tells whether a quantity is reported.</summary>
    /// <param name="name">The quantity name.</param>
    /// <returns>True if there is a column of that name.</returns>
    internal bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>Gets one quantity over all time points without copying it (the caller must not write to it).</summary>
    /// <param name="name">The quantity name.</param>
    /// <returns>The stored column.</returns>
    internal ReadOnlySpan<double> ColumnSpan(string name) => Values(ColumnIndex(name));

    /// <summary>Writes the result as CSV: a header (<paramref name="timeHeader"/>, then the names) and one row per time point, numbers in invariant culture with round-trip precision.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="timeHeader">The name of the time column.</param>
    public void WriteCsv(TextWriter writer, string timeHeader = "time")
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(timeHeader);
        foreach (string name in Names)
        {
            writer.Write(',');
            writer.Write(name);
        }

        writer.WriteLine();
        var columns = Enumerable.Range(0, Names.Count).Select(Values).ToArray();
        for (int k = 0; k < Count; k++)
        {
            writer.Write(_times[k].ToString("R", CultureInfo.InvariantCulture));
            for (int c = 0; c < Names.Count; c++)
            {
                writer.Write(',');
                writer.Write(columns[c][k].ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
        }
    }

    /// <summary>Returns the result as CSV text.</summary>
    /// <param name="timeHeader">The name of the time column.</param>
    /// <returns>The CSV.</returns>
    public string ToCsv(string timeHeader = "time")
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer, timeHeader);
        return writer.ToString();
    }

    /// <summary>Gets a column, computing it from the recorded states on first use (two threads may both compute it; they get the same bits, and one array is kept).</summary>
    private double[] Values(int column) =>
        Volatile.Read(ref _values[column]) ?? Interlocked.CompareExchange(ref _values[column], (_trajectory ?? _replay!.Value).Column(column), null) ?? _values[column]!;

    private int ColumnIndex(string name) =>
        _columns.TryGetValue(name, out int c) ? c : throw new ArgumentException($"No column '{name}'; the columns are {string.Join(", ", Names)}.", nameof(name));
}
