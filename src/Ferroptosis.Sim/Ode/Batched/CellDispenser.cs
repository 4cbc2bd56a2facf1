namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>Hands out cell indices 0, 1, 2, … to the lanes of every thread, each index once.</summary>
/// <remarks>Which lane or thread takes a cell depends on timing; a cell's result does not, since the lanes never mix.</remarks>
internal sealed class CellDispenser(int count)
{
    private int _next = -1;

    public int Count { get; } = count;

    /// <summary>Takes the next cell, or returns false when all have been taken.</summary>
    public bool TryTake(out int cell)
    {
        cell = Interlocked.Increment(ref _next);
        if (cell < Count)
        {
            return true;
        }

        cell = -1;
        return false;
    }
}
