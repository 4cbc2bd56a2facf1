using System.Globalization;

namespace Ferroptosis.Sim.Ode;

/// <summary>An initial value problem: a system, a time span [t0, tEnd] and the state at t0.</summary>
/// <remarks>
/// Immutable and validated on construction, so one problem can be solved by several solvers or
/// threads at once. Integration runs forward in time (tEnd &gt; t0). Times far from 0 are fine: every step is the
/// difference of two representable times, so the solution is as accurate at t0 = 1e12 as at t0 = 0; a span
/// narrower than 1000 units in the last place of t is refused.
/// </remarks>
/// <example>
/// <code>
/// var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0]);
/// var problem = new OdeProblem(system, 0.0, 5.0, [1.0]);
/// </code>
/// </example>
public sealed class OdeProblem
{
    private readonly double[] _initialState;

    /// <summary>Initialises a new problem.</summary>
    /// <param name="system">The right-hand side.</param>
    /// <param name="startTime">The initial time t0 (finite).</param>
    /// <param name="endTime">The final time (finite, greater than t0).</param>
    /// <param name="initialState">The state at t0; copied, of length <see cref="IOdeSystem.Dimension"/>, all finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="ArgumentException">The times or the initial state are invalid (including a span narrower than 1000 representable steps of t); the message says which and how to fix it.</exception>
    public OdeProblem(IOdeSystem system, double startTime, double endTime, ReadOnlySpan<double> initialState)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!double.IsFinite(startTime))
        {
            throw new ArgumentOutOfRangeException(nameof(startTime), startTime, "The start time must be a finite number.");
        }

        if (!double.IsFinite(endTime))
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time must be a finite number.");
        }

        if (endTime <= startTime)
        {
            throw new ArgumentException(
                $"The end time ({endTime:R}) must be greater than the start time ({startTime:R}); integration runs forward in time.",
                nameof(endTime));
        }

        // Steps are differences of representable times (Stepper.ClampStep) and must exceed 10 ulps of t, so a
        // span of fewer than 1000 ulps leaves no room for an accurate integration: refuse it rather than
        // return an answer whose times are rounded.
        double resolution = Math.BitIncrement(Math.Max(Math.Abs(startTime), Math.Abs(endTime))) - Math.Max(Math.Abs(startTime), Math.Abs(endTime));
        if (endTime - startTime < 1000 * resolution)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The time span [{startTime:R}, {endTime:R}] is only {(endTime - startTime) / resolution:F0} representable steps of t wide (resolution {resolution:G3} at this magnitude); at least 1000 are needed. Shift the time origin so that the problem starts near 0."),
                nameof(endTime));
        }

        if (initialState.Length != system.Dimension)
        {
            throw new ArgumentException(
                $"The initial state has {initialState.Length} values but the system has dimension {system.Dimension}; pass one value per state variable.",
                nameof(initialState));
        }

        for (int i = 0; i < initialState.Length; i++)
        {
            if (!double.IsFinite(initialState[i]))
            {
                throw new ArgumentException(
                    $"Initial value {i} is {initialState[i]}; every initial value must be a finite number.",
                    nameof(initialState));
            }
        }

        System = system;
        StartTime = startTime;
        EndTime = endTime;
        _initialState = initialState.ToArray();
    }

    /// <summary>Gets the system of equations.</summary>
    public IOdeSystem System { get; }

    /// <summary>Gets the initial time t0.</summary>
    public double StartTime { get; }

    /// <summary>Gets the final time.</summary>
    public double EndTime { get; }

    /// <summary>Gets the number of state variables.</summary>
    public int Dimension => _initialState.Length;

    /// <summary>Gets the state at <see cref="StartTime"/>.</summary>
    public ReadOnlySpan<double> InitialState => _initialState;

    /// <summary>Returns a copy of this problem with another initial state.</summary>
    /// <param name="initialState">The new state at t0.</param>
    /// <returns>A new, validated problem.</returns>
    public OdeProblem WithInitialState(ReadOnlySpan<double> initialState) => new(System, StartTime, EndTime, initialState);

    /// <summary>Returns a copy of this problem over another time span.</summary>
    /// <param name="startTime">The new t0.</param>
    /// <param name="endTime">The new final time.</param>
    /// <returns>A new, validated problem.</returns>
    public OdeProblem WithTimeSpan(double startTime, double endTime) => new(System, startTime, endTime, _initialState);
}
