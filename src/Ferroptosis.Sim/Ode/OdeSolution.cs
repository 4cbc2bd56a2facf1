using System.Globalization;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode;

/// <summary>The result of an integration: recorded times and states, the final state, work statistics, how it ended, and (optionally) dense output.</summary>
/// <remarks>
/// <para>
/// States are stored row-major in one flat array (<see cref="Count"/> rows of <see cref="Dimension"/>
/// values), never as one object per step. Without <see cref="OdeSolverOptions.OutputTimes"/> every
/// accepted step is recorded; at an event the state is recorded before and after the change (two
/// rows with the same time).
/// </para>
/// <para>
/// Always check <see cref="IsSuccess"/> (or <see cref="Status"/>): a failed integration keeps what it
/// computed up to the failure and says in <see cref="Message"/> where and why it stopped.
/// </para>
/// <para>Immutable and shareable across threads.</para>
/// </remarks>
public sealed class OdeSolution
{
    private readonly double[] _times;
    private readonly double[] _states;
    private readonly double[] _finalState;
    private readonly DenseSegments? _dense;

    internal OdeSolution(
        string solverName, int dimension, double[] times, double[] states, double finalTime, double[] finalState,
        DenseSegments? dense, SolverStatistics statistics, SolverStatus status, string? message, IReadOnlyList<EventOccurrence> events)
    {
        SolverName = solverName;
        Dimension = dimension;
        _times = times;
        _states = states;
        FinalTime = finalTime;
        _finalState = finalState;
        _dense = dense;
        Statistics = statistics;
        Status = status;
        Message = message;
        Events = events;
    }

    /// <summary>Gets the name of the solver that produced this solution.</summary>
    public string SolverName { get; }

    /// <summary>Gets the number of state variables.</summary>
    public int Dimension { get; }

    /// <summary>Gets the number of recorded points.</summary>
    public int Count => _times.Length;

    /// <summary>Gets the recorded times, ascending (an event time appears twice: before and after the change).</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>Gets all recorded states, row-major: point k, component i at index k·<see cref="Dimension"/> + i.</summary>
    public ReadOnlySpan<double> States => _states;

    /// <summary>Gets the time the integration reached (the end time on success).</summary>
    public double FinalTime { get; }

    /// <summary>Gets the state at <see cref="FinalTime"/>.</summary>
    public ReadOnlySpan<double> FinalState => _finalState;

    /// <summary>Gets the work counters.</summary>
    public SolverStatistics Statistics { get; }

    /// <summary>Gets how the integration ended.</summary>
    public SolverStatus Status { get; }

    /// <summary>Gets a value indicating whether the integration reached the end time or stopped at a terminal event as asked.</summary>
    public bool IsSuccess => Status is SolverStatus.Success or SolverStatus.TerminatedByEvent;

    /// <summary>Gets a description of the failure (time, step size, component), or null on success.</summary>
    public string? Message { get; }

    /// <summary>Gets the events that fired, in time order.</summary>
    public IReadOnlyList<EventOccurrence> Events { get; }

    /// <summary>Gets a value indicating whether <see cref="Interpolate(double, Span{double})"/> can be used (the integration ran with <see cref="OdeSolverOptions.DenseOutput"/>).</summary>
    public bool HasDenseOutput => _dense is not null;

    /// <summary>Gets the value of one component at one recorded point.</summary>
    /// <param name="point">The point index, 0 ≤ point &lt; <see cref="Count"/>.</param>
    /// <param name="component">The component index, 0 ≤ component &lt; <see cref="Dimension"/>.</param>
    public double this[int point, int component]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(component);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Dimension);
            return _states[(point * Dimension) + component];
        }
    }

    /// <summary>Gets the state recorded at one point.</summary>
    /// <param name="point">The point index.</param>
    /// <returns>A view of length <see cref="Dimension"/>.</returns>
    public ReadOnlySpan<double> GetState(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, Count);
        return _states.AsSpan(point * Dimension, Dimension);
    }

    /// <summary>Copies one component over all recorded points (a column of <see cref="States"/>).</summary>
    /// <param name="component">The component index.</param>
    /// <returns>A new array of length <see cref="Count"/>.</returns>
    public double[] GetComponent(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Dimension);
        var column = new double[Count];
        for (int k = 0; k < column.Length; k++)
        {
            column[k] = _states[(k * Dimension) + component];
        }

        return column;
    }

    /// <summary>Evaluates the solution at any time in [t0, <see cref="FinalTime"/>] from the methods' own interpolants.</summary>
    /// <param name="t">The time.</param>
    /// <param name="destination">Receives the state, of length <see cref="Dimension"/>.</param>
    /// <exception cref="InvalidOperationException">The integration did not keep dense output.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> lies outside the integrated interval.</exception>
    public void Interpolate(double t, Span<double> destination)
    {
        if (_dense is null)
        {
            throw new InvalidOperationException("This solution has no dense output; solve with OdeSolverOptions.DenseOutput = true to interpolate between steps.");
        }

        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"The destination has length {destination.Length} but the solution has dimension {Dimension}.", nameof(destination));
        }

        if (t == FinalTime)
        {
            _finalState.CopyTo(destination);
            return;
        }

        if (!_dense.TryEvaluate(t, destination))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"t = {t:R} lies outside the integrated interval ending at {FinalTime:R}."));
        }
    }

    /// <summary>Evaluates the solution at any time in the integrated interval into a new array.</summary>
    /// <param name="t">The time.</param>
    /// <returns>The interpolated state.</returns>
    public double[] Interpolate(double t)
    {
        var y = new double[Dimension];
        Interpolate(t, y);
        return y;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SolverName}: {Status} at t = {FinalTime:G6}, {Count} points, {Statistics}");
}
