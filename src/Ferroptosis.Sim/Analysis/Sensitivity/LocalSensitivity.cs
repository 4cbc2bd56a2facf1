using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Time-resolved local sensitivities of reported quantities to parameters and initial values, by the forward sensitivity equations.</summary>
/// <remarks>
/// <para>
/// The state is augmented with S_j = ∂y/∂θ_j, which obeys dS_j/dt = J S_j + ∂f/∂θ_j (Dickinson &amp; Gelinas,
/// J. Comput. Phys. 21, 1976), with the analytic Jacobian J and ∂f/∂p differentiated symbolically from the
/// compiled right-hand side. S_j(0) = ∂y0/∂θ_j, and the derivative dp/dθ_j of the parameter vector (which
/// the initial-state computation also fills: constant species' amounts, initial assignments), are taken
/// by central differences of that computation (exact for the linear dependences those usually are);
/// ∂f/∂θ_j = ∂f/∂p · dp/dθ_j. A reported quantity q(t, y, p) has dq/dθ_j = ∂q/∂y·S_j + ∂q/∂p·dp/dθ_j,
/// with both partials symbolic. The augmented system is integrated with
/// the settings' solver and tolerances; the absolute tolerance of S_j is atol/|θ_j|, so that θ_j·S_j is
/// controlled like y (as CVODES scales its sensitivity tolerances).
/// </para>
/// <para>
/// Models with events or scheduled changes are not supported (sensitivities jump at events). For a
/// stiff model choose a stiff solver; it differences the Jacobian of the augmented system.
/// Thread-safe: each call has its own run.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var s = LocalSensitivity.Compute(model, new SimulationSettings { EndTime = 24, Outputs = ["S"] });
/// foreach (var row in s.Rank("S")) Console.WriteLine($"{row.Rank}. {row.Parameter}: {row.Score:F3}");
/// </code>
/// </example>
public static class LocalSensitivity
{
    private const double RelativeStep = 1e-6;

    /// <summary>Computes the sensitivities of the settings' outputs at the settings' output times.</summary>
    /// <param name="model">The compiled model (without events).</param>
    /// <param name="settings">Time span, output times and quantities, solver, tolerances and parameter or initial-value changes; null for the defaults.</param>
    /// <param name="parameters">The parameter ids θ, or null for every parameter the right-hand side uses.</param>
    /// <param name="initialValues">Ids of species or rate-rule variables whose initial values are also θs (named <c>id(0)</c>), or null for none.</param>
    /// <param name="cancellationToken">Cancels the integration; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The sensitivities at every output time reached.</returns>
    /// <exception cref="ArgumentException">The model has events, the settings schedule changes, or an id is unknown.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="NotSupportedException">The model reads its past (<see cref="CompiledModel.HasDelays"/>) or has fast reactions (<see cref="CompiledModel.MassMatrix"/>).</exception>
    public static SensitivityResult Compute(CompiledModel model, SimulationSettings? settings = null, IReadOnlyList<string>? parameters = null, IReadOnlyList<string>? initialValues = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);

        if (model.HasDelays)
        {
            throw new NotSupportedException($"Model '{model.Network.Id}' reads its past (delay); local sensitivity analysis does not keep a history. Simulate it with Simulator.Simulate.");
        }

        model.RefuseDifferentialAlgebraic("local sensitivity analysis");
        settings ??= new SimulationSettings();
        if (model.HasEvents || settings.Schedule is { Count: > 0 })
        {
            throw new ArgumentException($"Model '{model.Network.Id}' has events or the settings schedule changes; forward sensitivities jump there, which is not implemented. Remove them, or use finite differences (a parameter scan).", nameof(model));
        }

        double t0 = settings.StartTime;
        var instance = NewRun(model, settings);
        double[] y0 = instance.ComputeInitialState(t0);
        string[] parameterIds = [.. parameters ?? DefaultParameters(model)];
        string[] initialIds = [.. initialValues ?? []];
        foreach (string id in parameterIds)
        {
            RequireParameter(model, id);
        }

        foreach (string id in initialIds)
        {
            RequireInitialValue(model, id);
        }

        double[] theta = [.. parameterIds.Select(id => instance.Parameters[model.IndexOfParameter(id)]), .. initialIds.Select(id => Quantity(model, instance, id, t0, y0))];
        int n = model.Dimension, p = theta.Length;
        var z0 = new double[n * (1 + p)];
        y0.CopyTo(z0, 0);
        var coupling = new List<(int Theta, double Weight)>[model.ParameterIds.Count];
        for (int m = 0; m < coupling.Length; m++)
        {
            coupling[m] = [];
        }

        for (int j = 0; j < p; j++)
        {
            bool isParameter = j < parameterIds.Length;
            var (states, parameterVector) = InitialSensitivity(model, settings, isParameter ? parameterIds[j] : initialIds[j - parameterIds.Length], isParameter, theta[j], t0);
            states.CopyTo(z0, n * (1 + j));
            for (int m = 0; m < parameterVector.Length; m++)
            {
                if (parameterVector[m] != 0)
                {
                    coupling[m].Add((j, parameterVector[m]));
                }
            }
        }

        (int Theta, double Weight)[][] weights = [.. coupling.Select(c => c.ToArray())];
        string[] outputs = [.. settings.Outputs ?? model.Network.Species.Select(s => s.Id)];
        var recorder = new Recorder(model, instance, outputs, settings.OutputAmounts, weights, p);
        var times = settings.OutputTimes ?? ScanRange.Linear(t0, settings.EndTime, settings.OutputPoints);
        var tolerances = new double[z0.Length];
        for (int i = 0; i < tolerances.Length; i++)
        {
            double scale = i < n ? 1 : Math.Abs(theta[(i / n) - 1]);
            tolerances[i] = scale > 0 ? settings.AbsoluteTolerance / scale : settings.AbsoluteTolerance;
        }

        var options = new OdeSolverOptions
        {
            RelativeTolerance = settings.RelativeTolerance,
            AbsoluteTolerances = tolerances,
            MaxStep = settings.MaxStep,
            MaxSteps = settings.MaxSteps,
            OutputTimes = times,
            OutputObserver = recorder.Record,
        };
        var system = new SensitivitySystem(instance, weights, p);
        var solution = (settings.Solver ?? OdeSolvers.DormandPrince5).CreateIntegrator(new OdeProblem(system, t0, settings.EndTime, z0), options).Solve(cancellationToken);
        return recorder.ToResult([.. parameterIds, .. initialIds.Select(id => id + "(0)")], theta, solution);
    }

    private static ModelInstance NewRun(CompiledModel model, SimulationSettings settings)
    {
        var instance = model.CreateInstance();
        foreach (var (id, value) in settings.Parameters ?? new Dictionary<string, double>())
        {
            instance.SetParameter(id, value);
        }

        foreach (var (id, value) in settings.InitialValues ?? new Dictionary<string, double>())
        {
            instance.SetInitialValue(id, value);
        }

        return instance;
    }

    private static IEnumerable<string> DefaultParameters(CompiledModel model) =>
        model.ParameterJacobian.Columns.Distinct().Order().Select(m => model.ParameterIds[m]);

    private static void RequireParameter(CompiledModel model, string id)
    {
        if (model.IndexOfParameter(id) < 0)
        {
            throw new ArgumentException($"'{id}' is not a parameter of model '{model.Network.Id}'; the parameters are {string.Join(", ", model.ParameterIds)}.", nameof(id));
        }
    }

    private static void RequireInitialValue(CompiledModel model, string id)
    {
        if (model.IndexOfState(id) < 0 || model.Network.KindOf(id) == SymbolKind.SpeciesReference)
        {
            throw new ArgumentException($"'{id}' is not a state variable of model '{model.Network.Id}'; initial-value sensitivities need one of {string.Join(", ", model.StateIds)}.", nameof(id));
        }
    }

    /// <summary>The value of a quantity in its symbol's unit (a species' concentration unless it has only substance units).</summary>
    private static double Quantity(CompiledModel model, ModelInstance instance, string id, double t, double[] y)
    {
        var values = new double[1];
        model.Outputs([id], amounts: null).Kernel(instance.LoadInputs(t, y), values);
        return values[0];
    }

    /// <summary>∂y0/∂θ and dp/dθ (the parameter vector after the initial-state computation) by central differences, each side in a fresh run.</summary>
    private static (double[] States, double[] Parameters) InitialSensitivity(CompiledModel model, SimulationSettings settings, string id, bool isParameter, double value, double t0)
    {
        double h = value == 0 ? RelativeStep : RelativeStep * Math.Abs(value);
        (double[] States, double[] Parameters) Perturbed(double v)
        {
            var run = NewRun(model, settings);
            if (isParameter)
            {
                run.SetParameter(id, v);
            }
            else
            {
                run.SetInitialValue(id, v);
            }

            double[] states = run.ComputeInitialState(t0);
            return (states, run.Parameters.ToArray());
        }

        var plus = Perturbed(value + h);
        var minus = Perturbed(value - h);
        return (Difference(plus.States, minus.States, h), Difference(plus.Parameters, minus.Parameters, h));

        static double[] Difference(double[] a, double[] b, double h)
        {
            var d = new double[a.Length];
            for (int i = 0; i < d.Length; i++)
            {
                // Entries that do not depend on θ are computed identically on both sides: exactly zero.
                d[i] = (a[i] - b[i]) / (2 * h);
            }

            return d;
        }
    }

    /// <summary>Turns each recorded augmented state into outputs and their total derivatives.</summary>
    private sealed class Recorder
    {
        private readonly CompiledModel _model;
        private readonly ModelInstance _instance;
        private readonly string[] _outputs;
        private readonly (int Theta, double Weight)[][] _coupling;
        private readonly int _count;
        private readonly OutputDerivatives _kernels;
        private readonly List<double> _times = [];
        private readonly List<double> _values = [];
        private readonly List<double> _sensitivities = [];

        public Recorder(CompiledModel model, ModelInstance instance, string[] outputs, IReadOnlySet<string>? amounts, (int Theta, double Weight)[][] coupling, int count)
        {
            _model = model;
            _instance = instance;
            _outputs = outputs;
            _coupling = coupling;
            _count = count;

            _kernels = new OutputDerivatives(model, outputs, amounts);
        }

        public void Record(double t, ReadOnlySpan<double> z)
        {
            int n = _model.Dimension, o = _outputs.Length, p = _count;
            double[] inputs = _instance.LoadInputs(t, z[..n]);
            _kernels.Evaluate(inputs);
            _times.Add(t);
            _values.AddRange(_kernels.Values);
            int start = _sensitivities.Count;
            _sensitivities.AddRange(Enumerable.Repeat(0.0, o * p));
            var byState = _kernels.ByState;
            for (int e = 0; e < byState.Count; e++)
            {
                int output = byState.Rows[e], state = byState.Columns[e];
                double partial = _kernels.ByStateValues[e];
                for (int j = 0; j < p; j++)
                {
                    _sensitivities[start + (output * p) + j] += partial * z[n + (j * n) + state];
                }
            }

            var byParameter = _kernels.ByParameter;
            for (int e = 0; e < byParameter.Count; e++)
            {
                foreach (var (j, weight) in _coupling[byParameter.Columns[e]])
                {
                    _sensitivities[start + (byParameter.Rows[e] * p) + j] += _kernels.ByParameterValues[e] * weight;
                }
            }
        }

        public SensitivityResult ToResult(IReadOnlyList<string> names, double[] theta, OdeSolution solution) =>
            new([.. _times], _outputs, names, theta, [.. _values], [.. _sensitivities], solution.Status, solution.Message);
    }
}
