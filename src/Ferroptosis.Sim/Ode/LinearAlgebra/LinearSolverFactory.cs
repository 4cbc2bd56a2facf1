using System.Globalization;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;
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
            case LinearSolverKind.Krylov:
                return CreateKrylov(system, pattern, choice, counters, atol, rtol, manySolvesPerFactor);
            default:
                // A system with a sparsity pattern but no dense Jacobian keeps its sparse analytic Jacobian, or its
                // coloured differences, on the dense path too.
                var sparse = !system.HasJacobian && pattern is not null ? new CsrJacobian(system, pattern, counters, atol, rtol) : null;
                return new DenseLinearSolver(n, evaluator, sparse, manySolvesPerFactor);
        }
    }

    private static KrylovLinearSolver CreateKrylov(IOdeSystem system, SparsityPattern? pattern, LinearSolverChoice choice, WorkCounters counters, double[] atol, double rtol, bool manySolvesPerFactor)
    {
        int n = system.Dimension;
        if (manySolvesPerFactor)
        {
            throw new ArgumentException("The Krylov linear solver is for BDF only: Rosenbrock methods need exact solves of their stage systems. Choose the sparse or banded solver.", nameof(choice));
        }

        if (choice.Preconditioner != KrylovPreconditioner.None && pattern is null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {choice.Preconditioner} preconditioner needs the Jacobian's sparsity pattern: implement ISparseOdeSystem or create the system with OdeSystem.CreateSparse (or choose KrylovPreconditioner.None)."),
                nameof(choice));
        }

        if (choice.Preconditioner == KrylovPreconditioner.BlockJacobi && n % choice.BlockSize != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The block size {choice.BlockSize} does not divide the system's dimension {n}."),
                nameof(choice));
        }

        bool analytic = system is ISparseOdeSystem { HasSparseJacobian: true };
        var jacobian = pattern is not null && (analytic || choice.Preconditioner != KrylovPreconditioner.None)
            ? new CsrJacobian(system, pattern, counters, atol, rtol)
            : null;
        Preconditioner? preconditioner = choice.Preconditioner switch
        {
            KrylovPreconditioner.BlockJacobi => new BlockJacobiPreconditioner(n, choice.BlockSize),
            KrylovPreconditioner.SymmetricGaussSeidel => new SymmetricGaussSeidelPreconditioner(pattern!),
            KrylovPreconditioner.IncompleteLu => new IncompleteLuPreconditioner(pattern!),
            _ => null,
        };
        return new KrylovLinearSolver(system, counters, jacobian, preconditioner, choice.KrylovDimension, choice.Restarts);
    }
}
