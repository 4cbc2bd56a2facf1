using System.Globalization;
using Complex = System.Numerics.Complex;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;
using MathNet.Numerics.LinearAlgebra;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Finds steady states of compiled models — Newton's method on the system reduced by its conservation laws, with the analytic Jacobian, falling back to integration — and judges their stability from the eigenvalues of the reduced Jacobian.</summary>
/// <remarks>
/// <para>
/// Algorithm (the strategy of COPASI's steady-state task): (1) damped Newton on f_I(y) = 0, L y = T
/// (see <c>ReducedSystem</c>) from the initial state, with a backtracking line search on ‖W F‖₂
/// (Dennis &amp; Schnabel, Numerical Methods for Unconstrained Optimization, §6.3); (2) if that fails or
/// ends at negative amounts, integrate dy/dt = f over spans growing tenfold (1, 10, 100, … up to
/// <see cref="SteadyStateOptions.MaxIntegrationTime"/>), trying Newton again after each, until
/// |f_i| ≤ atol + rtol·|y_i| for all i; (3) at the state found, the eigenvalues of
/// J_red = J_II − J_ID L_D⁻¹ L_I (MathNet's eigenvalue decomposition) give the stability.
/// </para>
/// <para>
/// A singular reduced Jacobian is reported as <see cref="SteadyStateStatus.SingularJacobian"/> with a
/// message, never as an exception. Model events are not applied (a steady state of a system with
/// discontinuities is not well defined); parameters are those of the instance.
/// Thread-safe: each call uses its own instance or the one it is given.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var result = SteadyState.Find(model, new SteadyStateOptions { Parameters = new Dictionary&lt;string, double&gt; { ["kf"] = 2 } });
/// Console.WriteLine($"{result.Status}: {result.Stability}, C = {result["C"]:G6}");
/// </code>
/// </example>
public static class SteadyState
{
    /// <summary>Finds a steady state of a model from its initial state (with the options' parameter and initial-value changes).</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The steady state, or a status and message saying why there is none.</returns>
    public static SteadyStateResult Find(CompiledModel model, SteadyStateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Find(model.CreateInstance(), options);
    }

    /// <summary>Finds a steady state for a run's parameters, from its initial state.</summary>
    /// <param name="instance">The run state (the options' changes are applied to it).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The steady state, or a status and message saying why there is none.</returns>
    public static SteadyStateResult Find(ModelInstance instance, SteadyStateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        options ??= SteadyStateOptions.Default;
        foreach (var (id, value) in options.Parameters ?? new Dictionary<string, double>())
        {
            instance.SetParameter(id, value);
        }

        foreach (var (id, value) in options.InitialValues ?? new Dictionary<string, double>())
        {
            instance.SetInitialValue(id, value);
        }

        return Find(instance, instance.ComputeInitialState(), options);
    }

    /// <summary>Finds a steady state for a run's parameters from a given starting state, which also fixes the conserved totals.</summary>
    /// <param name="instance">The run state.</param>
    /// <param name="start">The starting state (ordered as the model's state ids).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The steady state, or a status and message saying why there is none.</returns>
    /// <exception cref="NotSupportedException">The model has fast reactions (a differential–algebraic system, <see cref="CompiledModel.MassMatrix"/>).</exception>
    public static SteadyStateResult Find(ModelInstance instance, ReadOnlySpan<double> start, SteadyStateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.Model.RefuseDifferentialAlgebraic("the steady-state search");
        options ??= SteadyStateOptions.Default;
        if (start.Length != instance.Dimension)
        {
            throw new ArgumentException($"The starting state has {start.Length} values but the model has {instance.Dimension} state variables.", nameof(start));
        }

        var search = new Search(instance, start, options);
        return search.Run();
    }

    /// <summary>One search: the system, the current state and the bookkeeping of what was tried.</summary>
    private sealed class Search(ModelInstance instance, ReadOnlySpan<double> start, SteadyStateOptions options)
    {
        private readonly ReducedSystem _system = new(instance.Model, start, [.. (options.Fixed ?? []).Select(id => FixedIndex(instance.Model, id))]);
        private readonly double[] _y = start.ToArray();
        private readonly double[] _f = new double[start.Length];
        private readonly double[] _jacobian = new double[start.Length * start.Length];
        private readonly double[] _residual = new double[start.Length];
        private int _newtonIterations;
        private double _integrated;
        private string? _singular;

        private int N => _y.Length;

        public SteadyStateResult Run()
        {
            if (Newton() && Acceptable())
            {
                return Result(null);
            }

            // Near an equilibrium the numerical solution hovers within the integration tolerance of it, so
            // that tolerance must sit below the derivative tolerance.
            var solver = options.Solver ?? OdeSolvers.Bdf;
            var integration = new OdeSolverOptions
            {
                RelativeTolerance = Math.Clamp(0.1 * options.RelativeTolerance, 1e-13, 1e-8),
                AbsoluteTolerance = Math.Clamp(0.1 * options.AbsoluteTolerance, 1e-300, 1e-10),
            };
            double span = 1;
            while (_integrated < options.MaxIntegrationTime)
            {
                var problem = new OdeProblem(_system.FixedStates.Length == 0 ? instance : new FixedSystem(instance, _system.FixedStates), _integrated, _integrated + span, _y);
                var solution = solver.CreateIntegrator(problem, integration).Solve();
                if (!solution.IsSuccess)
                {
                    return Result(SteadyStateStatus.SimulationFailed, $"The integration towards a steady state failed: {solution.Message}");
                }

                _integrated += span;
                solution.FinalState.CopyTo(_y);
                if (Converged())
                {
                    break;
                }

                double[] saved = (double[])_y.Clone();
                if (Newton() && Acceptable())
                {
                    break;
                }

                saved.CopyTo(_y, 0);
                span *= 10;
            }

            return Result(null);
        }

        /// <summary>Damped Newton on the reduced system; true when the derivative tolerance is met.</summary>
        private bool Newton()
        {
            _singular = null;
            var residual = Vector<double>.Build.Dense(N);
            for (int iteration = 0; iteration < options.MaxNewtonIterations; iteration++)
            {
                if (Converged())
                {
                    return true;
                }

                _newtonIterations++;
                instance.EvaluateJacobian(0, _y, _jacobian);
                var g = _system.NewtonMatrix(_jacobian);
                var svd = g.Svd(computeVectors: true);
                if (!(svd.S[N - 1] > 1e-13 * svd.S[0]))
                {
                    _singular = Singularity(svd.S[N - 1], svd.S[0]);
                    return false;
                }

                _system.Residual(_f, _y, _residual);
                for (int i = 0; i < N; i++)
                {
                    residual[i] = -_residual[i];
                }

                var step = svd.Solve(residual);
                double merit = Merit();
                double[] before = (double[])_y.Clone();
                bool accepted = false;
                for (double lambda = 1; lambda >= 1e-6; lambda *= 0.5)
                {
                    for (int i = 0; i < N; i++)
                    {
                        _y[i] = before[i] + (lambda * step[i]);
                    }

                    if (Merit() < (1 - (1e-4 * lambda)) * merit)
                    {
                        accepted = true;
                        break;
                    }
                }

                if (!accepted)
                {
                    before.CopyTo(_y, 0);
                    return Converged();
                }
            }

            return Converged();
        }

        /// <summary>f(y) with the derivatives of fixed variables set to zero.</summary>
        private void Derivative()
        {
            instance.Evaluate(0, _y, _f);
            foreach (int k in _system.FixedStates)
            {
                _f[k] = 0;
            }
        }

        /// <summary>½‖W F‖² with f rows weighted by the derivative tolerance and law rows by the totals' scale.</summary>
        private double Merit()
        {
            Derivative();
            _system.Residual(_f, _y, _residual);
            double sum = 0;
            for (int i = 0; i < N; i++)
            {
                double r = _residual[i] / (options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(_y[i])));
                sum += double.IsFinite(r) ? r * r : double.PositiveInfinity;
            }

            return 0.5 * sum;
        }

        private static int FixedIndex(CompiledModel model, string id)
        {
            int k = model.IndexOfState(id);
            return k >= 0 ? k : throw new ArgumentException($"'{id}' is not a state variable of model '{model.Network.Id}'; only state variables can be held fixed.", nameof(id));
        }

        private bool Converged()
        {
            Derivative();
            for (int i = 0; i < N; i++)
            {
                if (!(Math.Abs(_f[i]) <= options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(_y[i]))))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Newton may find roots at negative species amounts, which integration from a physical start cannot reach.</summary>
        private bool Acceptable()
        {
            if (options.AllowNegative)
            {
                return true;
            }

            double scale = Math.Max(1, _y.Max(Math.Abs));
            var model = instance.Model;
            for (int k = 0; k < N; k++)
            {
                if (_y[k] < -1e-9 * scale && model.Network.FindSpecies(model.StateIds[k]) is not null)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Singularity(double smallest, double largest) => string.Create(
            CultureInfo.InvariantCulture,
            $"The Jacobian of the reduced system is singular at this state (smallest singular value {smallest:G3} against largest {largest:G3}): the steady state is not isolated — a conservation law that the stoichiometry does not show (for example between rate-rule variables), or parameters at a bifurcation.");

        private SteadyStateResult Result(SteadyStateStatus? failure, string? failureMessage = null)
        {
            Derivative();
            double residualNorm = _f.Max(Math.Abs);
            bool converged = Converged();
            Complex[] eigenvalues = [];
            var stability = SteadyStateStability.Undetermined;
            string? singular = null;
            if (failure is null && converged)
            {
                instance.EvaluateJacobian(0, _y, _jacobian);
                var s = _system.NewtonMatrix(_jacobian).Svd(computeVectors: false).S;
                singular = s[N - 1] > 1e-13 * s[0] ? null : Singularity(s[N - 1], s[0]);
                if (_system.ReducedDimension > 0)
                {
                    eigenvalues = [.. _system.ReducedJacobian(_jacobian).Evd().EigenValues.OrderByDescending(z => z.Real)];
                    stability = Classify(eigenvalues);
                }
            }

            var status = failure ?? (!converged ? (_singular is null ? SteadyStateStatus.NotConverged : SteadyStateStatus.SingularJacobian) : singular is null ? SteadyStateStatus.Converged : SteadyStateStatus.SingularJacobian);
            string how = _integrated > 0 ? string.Create(CultureInfo.InvariantCulture, $" after integrating to t = {_integrated:G3}") : string.Empty;
            string message = status switch
            {
                SteadyStateStatus.Converged => string.Create(CultureInfo.InvariantCulture, $"Steady state found{how} ({_newtonIterations} Newton iterations, max |dy/dt| = {residualNorm:G3}); {stability.ToString().ToLowerInvariant()}{Leading(eigenvalues)}."),
                SteadyStateStatus.SingularJacobian => (singular ?? _singular)! + (converged ? string.Create(CultureInfo.InvariantCulture, $" The derivative is small here (max |dy/dt| = {residualNorm:G3}){how}, but stability cannot be judged from the linearisation.") : " Integration did not reach a steady state either."),
                SteadyStateStatus.NotConverged => string.Create(CultureInfo.InvariantCulture, $"No steady state: Newton's method did not converge and integration to t = {_integrated:G3} left max |dy/dt| = {residualNorm:G3}; the system may oscillate or grow without bound, or need a longer MaxIntegrationTime."),
                _ => failureMessage!,
            };
            return new SteadyStateResult
            {
                Status = status,
                Message = message,
                StateIds = instance.Model.StateIds,
                State = [.. _y],
                ResidualNorm = residualNorm,
                ConservationLaws = _system.Laws,
                ConservedTotals = _system.Totals,
                Eigenvalues = eigenvalues,
                Stability = status == SteadyStateStatus.SingularJacobian && stability == SteadyStateStability.Stable ? SteadyStateStability.Marginal : stability,
                NewtonIterations = _newtonIterations,
                IntegrationTime = _integrated,
            };
        }

        private SteadyStateStability Classify(Complex[] eigenvalues)
        {
            double scale = Math.Max(1, eigenvalues.Max(z => z.Magnitude));
            double largest = eigenvalues[0].Real;
            double tolerance = options.EigenvalueTolerance * scale;
            return largest < -tolerance ? SteadyStateStability.Stable : largest > tolerance ? SteadyStateStability.Unstable : SteadyStateStability.Marginal;
        }

        private static string Leading(Complex[] eigenvalues) =>
            eigenvalues.Length == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (leading eigenvalue {eigenvalues[0].Real:G4}{(eigenvalues[0].Imaginary == 0 ? string.Empty : $" ± {Math.Abs(eigenvalues[0].Imaginary):G4}i")})");
    }

    /// <summary>The model with the derivatives of fixed variables set to zero, for the integration fallback.</summary>
    private sealed class FixedSystem(ModelInstance instance, int[] fixedStates) : IOdeSystem
    {
        public int Dimension => instance.Dimension;

        public bool IsAutonomous => instance.IsAutonomous;

        public bool HasJacobian => true;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            instance.Evaluate(t, y, dydt);
            foreach (int k in fixedStates)
            {
                dydt[k] = 0;
            }
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            instance.EvaluateJacobian(t, y, jacobian);
            foreach (int k in fixedStates)
            {
                jacobian.Slice(k * Dimension, Dimension).Clear();
            }
        }
    }
}
