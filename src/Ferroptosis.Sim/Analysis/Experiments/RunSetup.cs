using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A run of a <see cref="SimulationExperiment"/> while its inputs are applied: the run's model instance and the changes scheduled for it.</summary>
/// <remarks>Handed to <see cref="IModelInput.Apply"/>; valid only during that call. Not thread-safe.</remarks>
public sealed class RunSetup
{
    private readonly List<ScheduledChange> _schedule = [];

    internal RunSetup(double startTime, double endTime)
    {
        StartTime = startTime;
        EndTime = endTime;
        Instance = null!;
    }

    /// <summary>Gets the run's model instance: set parameters and initial values on it.</summary>
    public ModelInstance Instance { get; private set; }

    /// <summary>Gets the start time of the run.</summary>
    public double StartTime { get; }

    /// <summary>Gets the end time of the run.</summary>
    public double EndTime { get; }

    /// <summary>Gets the changes scheduled for this run so far (those of the base settings come first).</summary>
    public IReadOnlyList<ScheduledChange> Schedule => _schedule;

    /// <summary>Schedules a change of a parameter or species during the run (e.g. a wash-out).</summary>
    /// <param name="change">The change; its time must lie in the run's span.</param>
    /// <exception cref="ArgumentOutOfRangeException">The change's time lies outside [<see cref="StartTime"/>, <see cref="EndTime"/>].</exception>
    public void AddScheduledChange(ScheduledChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!(change.Time >= StartTime && change.Time <= EndTime))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change.Time, $"A scheduled change must happen within the run [{StartTime:R}, {EndTime:R}].");
        }

        _schedule.Add(change);
    }

    internal void Begin(ModelInstance instance, IReadOnlyList<ScheduledChange>? baseSchedule)
    {
        Instance = instance;
        _schedule.Clear();
        if (baseSchedule is not null)
        {
            _schedule.AddRange(baseSchedule);
        }
    }
}
