namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>Mutable work counters shared by a stepper (and, for the automatic solver, by its sub-steppers).</summary>
internal sealed class WorkCounters
{
    public long Rhs;
    public long Jacobians;
    public long LuDecompositions;
    public long LinearSolves;
    public long NewtonIterations;
    public long NewtonFailures;
    public long Accepted;
    public long Rejected;
    public long Switches;
    public long LinearIterations;
    public long LinearConvergenceFailures;
    public long PreconditionerSetups;
    public long PreconditionerSolves;

    public long Attempted => Accepted + Rejected;

    public SolverStatistics Snapshot() =>
        new(Rhs, Jacobians, LuDecompositions, LinearSolves, NewtonIterations, NewtonFailures, Accepted, Rejected, Switches)
        {
            LinearIterations = LinearIterations,
            LinearConvergenceFailures = LinearConvergenceFailures,
            PreconditionerSetups = PreconditionerSetups,
            PreconditionerSolves = PreconditionerSolves,
        };
}
