using System.Globalization;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>Chooses and builds the <see cref="LinearSolver"/> of a stiff stepper from <see cref="OdeSolverOptions.LinearSolver"/> and the system.</summary>
internal static class LinearSolverFactory
{
    /// <summary>Builds the linear solver; throws <see cref="ArgumentException"/> when the choice does not fit the system.</summary>
    /// <param name="system">The system.</param>
    /// <param name="choice">The user's choice.</param>
    /// <param name="counters">The work counters of the stepper.</param>
    /// <param name="evaluator">The stepper's dense Jacobian evaluator (used by the dense path).</param>
    /// <param name="atol">The absolute tolerances (for finite-difference increments).</param>
    /// <param name="rtol">The relative tolerance.</param>
    /// <param name="manySolvesPerFactor">True when the stepper solves several right-hand sides per factorisation (Rosenbrock).</param>
    public static LinearSolver Create(IOdeSystem system, LinearSolverChoice choice, WorkCounters counters, JacobianEvaluator evaluator, double[] atol, double rtol, bool manySolvesPerFactor)
    {
        int n = system.Dimension;
        var pattern = (system as ISparseOdeSystem)?.JacobianPattern;
        if (pattern is not null && pattern.Dimension != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The system's Jacobian pattern has dimension {pattern.Dimension} but the system has {n} state variables."),
                nameof(system));
        }

        var kind = choice.Kind;
        if (kind == LinearSolverKind.Auto)
        {
            kind = pattern is not null && n >= LinearSolverChoice.AutoSparseThreshold ? LinearSolverKind.Sparse : LinearSolverKind.Dense;
        }

        switch (kind)
        {
            case LinearSolverKind.Banded:
                pattern ??= SparsityPattern.Banded(n, Math.Min(choice.LowerBandwidth, n - 1), Math.Min(choice.UpperBandwidth, n - 1));
                if (pattern.LowerBandwidth > choice.LowerBandwidth || pattern.UpperBandwidth > choice.UpperBandwidth)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"The Jacobian pattern has bandwidths ({pattern.LowerBandwidth}, {pattern.UpperBandwidth}), outside the band ({choice.LowerBandwidth}, {choice.UpperBandwidth}) chosen; choose LinearSolverChoice.Banded({pattern.LowerBandwidth}, {pattern.UpperBandwidth}) or the sparse solver."),
                        nameof(choice));
                }

                return new BandedLinearSolver(new CsrJacobian(system, pattern, counters, atol, rtol), Math.Min(choice.LowerBandwidth, n - 1), Math.Min(choice.UpperBandwidth, n - 1));
            case LinearSolverKind.Sparse:
                if (pattern is null)
                {
                    throw new ArgumentException("The sparse linear solver needs the Jacobian's sparsity pattern: implement ISparseOdeSystem or create the system with OdeSystem.CreateSparse.", nameof(choice));
                }

                return new SparseLinearSolver(new CsrJacobian(system, pattern, counters, atol, rtol));
            default:
                // A system with a sparsity pattern but no dense Jacobian keeps its sparse analytic Jacobian, or its
                // coloured differences, on the dense path too.
                var sparse = !system.HasJacobian && pattern is not null ? new CsrJacobian(system, pattern, counters, atol, rtol) : null;
                return new DenseLinearSolver(n, evaluator, sparse, manySolvesPerFactor);
        }
    }
}
