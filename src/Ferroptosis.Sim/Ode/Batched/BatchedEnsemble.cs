using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>Solves a population of cells that share a right-hand side, several cells at once in the lanes of <see cref="System.Runtime.Intrinsics.Vector256{T}"/>, on every core.</summary>
/// <remarks>
/// <para>
/// Each thread runs one batched integrator of <see cref="LaneCount"/> lanes; each lane solves one cell with its own
/// time, step size, error control, accept/reject decisions and status, and takes the next cell when its cell ends. The
/// lanes never mix: with a lane-wise right-hand side (see <see cref="IBatchedOdeSystem"/>) a cell's solution is the
/// same, bit for bit, whatever lane, batch or thread it ran in, and equals the scalar integration of that cell by the
/// same method with the same options (the same step sizes, the same error norms, the same interpolated outputs).
/// Results are indexed by cell, so they do not depend on the number of threads.
/// </para>
/// <para>
/// The explicit first-same-as-last methods without extra dense-output stages run batched: Tsit5 (default),
/// DormandPrince5 and BogackiShampine3. Options that need per-step callbacks (events, time events, dense output of
/// every step, output observers) are refused; output times are interpolated as the scalar integrator does.
/// </para>
/// </remarks>
public static class BatchedEnsemble
{
    /// <summary>Gets the number of cells advanced together by one thread.</summary>
    public static int LaneCount => BatchedRungeKuttaIntegrator.Width;

    /// <summary>Solves every cell of a population.</summary>
    /// <param name="problem">The population.</param>
    /// <param name="options">Tolerances, step limits and output times (null for the defaults); every cell uses the same.</param>
    /// <param name="solver">The method: <see cref="OdeSolvers.Tsit5"/> (default), <see cref="OdeSolvers.DormandPrince5"/> or <see cref="OdeSolvers.BogackiShampine3"/>.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; 0 or negative for one per processor.</param>
    /// <param name="cancellationToken">Checked every 64 steps of each thread.</param>
    /// <returns>The solutions, indexed by cell; numerical failures of single cells are statuses, not exceptions.</returns>
    /// <exception cref="ArgumentException">The method cannot run batched, or an option is invalid or not supported here; the message says which.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BatchedEnsembleSolution Solve(
        BatchedEnsembleProblem problem, OdeSolverOptions? options = null, IOdeSolver? solver = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= OdeSolverOptions.Default;
        var tableau = TableauOf(solver ?? OdeSolvers.Tsit5);
        Validate(problem, options);
        cancellationToken.ThrowIfCancellationRequested();
        double[] outputTimes = options.OutputTimes is { } times ? [.. times] : [];
        var solution = new BatchedEnsembleSolution(tableau.Name, problem.CellCount, problem.Dimension, outputTimes);
        var cells = new CellDispenser(problem.CellCount);
        int batches = (problem.CellCount + LaneCount - 1) / LaneCount;
        int threads = Math.Max(1, Math.Min(maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, batches));
        if (threads == 1)
        {
            Run(tableau, problem, options, solution, cells, cancellationToken);
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Run(tableau, problem, options, solution, cells, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return solution;
    }

    /// <summary>Gets the tableau of a solver that can run batched.</summary>
    internal static ButcherTableau TableauOf(IOdeSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (solver is ExplicitRungeKuttaSolver { Tableau: { IsFirstSameAsLast: true, ExtraStages: 0 } tableau })
        {
            return tableau;
        }

        throw new ArgumentException($"{solver.Name} cannot run batched; use Tsit5, DormandPrince5 or BogackiShampine3 (explicit first-same-as-last methods).", nameof(solver));
    }

    private static void Run(ButcherTableau tableau, BatchedEnsembleProblem problem, OdeSolverOptions options, BatchedEnsembleSolution solution, CellDispenser cells, CancellationToken cancellationToken)
    {
        var integrator = new BatchedRungeKuttaIntegrator(tableau, problem, options, solution, cells);
        int rounds = 0;
        while (integrator.Round())
        {
            // On cancellation every thread stops at its next check; Solve then throws.
            if ((++rounds & 63) == 0 && cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static void Validate(BatchedEnsembleProblem problem, OdeSolverOptions options)
    {
        int n = problem.Dimension;
        options.Validate(new OdeProblem(OdeSystem.Create(n, static (_, _, _) => { }), problem.StartTime, problem.EndTime, new double[n]));
        if (options.Events.Count > 0 || options.TimeEvents.Count > 0)
        {
            throw new ArgumentException("Batched ensembles do not handle events; solve cells with events one by one (OdeSolvers and OdeIntegrator).", nameof(options));
        }

        if (options.DenseOutput || options.OutputObserver is not null)
        {
            throw new ArgumentException("Batched ensembles record the states at OutputTimes only; DenseOutput and OutputObserver are not supported.", nameof(options));
        }
    }
}
