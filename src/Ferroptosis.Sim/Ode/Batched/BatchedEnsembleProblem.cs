using System.Globalization;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>A population of initial value problems that share one right-hand side and differ in their initial states and parameters.</summary>
/// <remarks>Immutable and validated on construction; the cells are created on demand by <see cref="Setup"/>, so a population of any size costs no memory until it is solved.</remarks>
public sealed class BatchedEnsembleProblem
{
    /// <summary>Initialises a new population.</summary>
    /// <param name="system">The right-hand side shared by every cell.</param>
    /// <param name="startTime">The initial time t0 of every cell (finite).</param>
    /// <param name="endTime">The final time of every cell (finite, greater than t0).</param>
    /// <param name="cellCount">The number of cells (at least 0).</param>
    /// <param name="setup">Writes a cell's initial state and parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="setup"/> is null.</exception>
    /// <exception cref="ArgumentException">The dimensions, times or count are invalid; the message says which.</exception>
    public BatchedEnsembleProblem(IBatchedOdeSystem system, double startTime, double endTime, int cellCount, BatchedCellSetup setup)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(setup);
        if (system.Dimension < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The batched system has dimension {system.Dimension}; it needs at least one state variable."), nameof(system));
        }

        if (system.ParameterCount < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The batched system reports {system.ParameterCount} parameters; the count cannot be negative."), nameof(system));
        }

        if (!double.IsFinite(startTime) || !double.IsFinite(endTime) || !(endTime > startTime))
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, string.Create(CultureInfo.InvariantCulture, $"The time span [{startTime:R}, {endTime:R}] must be finite with the end after the start."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(cellCount);
        System = system;
        StartTime = startTime;
        EndTime = endTime;
        CellCount = cellCount;
        Setup = setup;
    }

    /// <summary>Gets the right-hand side shared by every cell.</summary>
    public IBatchedOdeSystem System { get; }

    /// <summary>Gets the initial time of every cell.</summary>
    public double StartTime { get; }

    /// <summary>Gets the final time of every cell.</summary>
    public double EndTime { get; }

    /// <summary>Gets the number of cells.</summary>
    public int CellCount { get; }

    /// <summary>Gets the function that writes a cell's initial state and parameters.</summary>
    public BatchedCellSetup Setup { get; }

    /// <summary>Gets the number of state variables of every cell.</summary>
    public int Dimension => System.Dimension;
}
