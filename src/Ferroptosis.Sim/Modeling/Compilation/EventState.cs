namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Per-run event bookkeeping: the last known trigger values, the pending executions with their due times and values, and kernel buffers.</summary>
/// <remarks>
/// An event whose trigger becomes true again while an earlier execution is still pending (several events executing at
/// one instant can switch a trigger off and on) has one pending execution per rise, each with the assignment values
/// of its own trigger time (SBML Level 3 Version 2, §4.12.5; SBML Test Suite case 00978).
/// </remarks>
internal sealed class EventState
{
    private readonly Stack<double[]>[] _spare;

    public EventState(EventProgram program)
    {
        Program = program;
        int count = program.Count;
        Trigger = new bool[count];
        Pending = new List<PendingExecution>[count];
        _spare = new Stack<double[]>[count];
        for (int e = 0; e < count; e++)
        {
            Pending[e] = [];
            _spare[e] = new Stack<double[]>();
        }

        TriggerValues = new double[count];
        PriorityValues = new double[count];
        DelayValues = new double[count];
        Atoms = new double[program.AtomCount];
        Sizes = new double[program.SizeCount];
        TriggerInputs = new double[program.InputCount + program.AtomCount];
        AtomTime = double.NaN;
    }

    public EventProgram Program { get; }

    /// <summary>Gets the generator that orders executions due together with equal priority (seeded, so a run is reproducible).</summary>
    public Random Random { get; } = new(20261205);

    public bool[] Trigger { get; }

    /// <summary>Gets, per event, its pending executions in the order they were triggered, each with its due time and assignment values.</summary>
    public List<PendingExecution>[] Pending { get; }

    /// <summary>Gets the earliest due time of a pending execution, or +∞.</summary>
    public double NextDue
    {
        get
        {
            double next = double.PositiveInfinity;
            foreach (var pending in Pending)
            {
                foreach (var execution in pending)
                {
                    next = Math.Min(next, execution.Due);
                }
            }

            return next;
        }
    }

    public double[] TriggerValues { get; }

    public double[] PriorityValues { get; }

    public double[] DelayValues { get; }

    public double[] Atoms { get; }

    public double[] Sizes { get; }

    /// <summary>Gets the inputs of the trigger kernel: the model inputs, then the event-function values.</summary>
    public double[] TriggerInputs { get; }

    /// <summary>Gets or sets the time at which <see cref="Atoms"/> were last evaluated (a cache key together with the state).</summary>
    public double AtomTime { get; set; }

    public double[]? AtomState { get; set; }

    /// <summary>Gets a buffer for the assignment values of event <paramref name="e"/> (reused after <see cref="Release"/>).</summary>
    public double[] Rent(int e) =>
        _spare[e].Count > 0 ? _spare[e].Pop() : new double[Program.Events[e].Assignments.Count];

    /// <summary>Returns a buffer obtained from <see cref="Rent"/>.</summary>
    public void Release(int e, double[] values) => _spare[e].Push(values);

    /// <summary>Drops every pending execution of event <paramref name="e"/>.</summary>
    public void Cancel(int e)
    {
        foreach (var execution in Pending[e])
        {
            Release(e, execution.Values);
        }

        Pending[e].Clear();
    }
}

/// <summary>One pending execution of an event: when it is due and its assignment values (computed at trigger time, or filled in at execution).</summary>
/// <param name="Due">The time at which it executes.</param>
/// <param name="Values">The assignment values.</param>
internal readonly record struct PendingExecution(double Due, double[] Values);
