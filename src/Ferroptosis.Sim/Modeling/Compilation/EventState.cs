namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Per-run event bookkeeping: the last known trigger values, values stored at trigger time, and kernel buffers.</summary>
internal sealed class EventState
{
    public EventState(EventProgram program)
    {
        Program = program;
        int count = program.Count;
        Trigger = new bool[count];
        Pending = new bool[count];
        Stored = new double[count][];
        for (int e = 0; e < count; e++)
        {
            Stored[e] = new double[program.Events[e].Assignments.Count];
        }

        TriggerValues = new double[count];
        PriorityValues = new double[count];
        Atoms = new double[program.AtomCount];
        Sizes = new double[program.SizeCount];
        Scratch = new double[program.Events.Select(e => e.Assignments.Count).DefaultIfEmpty(0).Max()];
        AtomTime = double.NaN;
    }

    public EventProgram Program { get; }

    public bool[] Trigger { get; }

    public bool[] Pending { get; }

    public double[][] Stored { get; }

    public double[] TriggerValues { get; }

    public double[] PriorityValues { get; }

    public double[] Atoms { get; }

    public double[] Sizes { get; }

    public double[] Scratch { get; }

    /// <summary>Gets or sets the time at which <see cref="Atoms"/> were last evaluated (a cache key together with the state).</summary>
    public double AtomTime { get; set; }

    public double[]? AtomState { get; set; }
}
