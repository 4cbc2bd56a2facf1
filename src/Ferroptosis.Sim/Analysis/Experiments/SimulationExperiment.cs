using System.Globalization;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A simulation protocol as an <see cref="IResponseModel"/>: inputs set parameters or initial values of a compiled model, the model is simulated, and the outputs are readouts of the trajectory.</summary>
/// <remarks>
/// <para>
/// Each evaluation starts from the declared model, applies the base <see cref="Settings"/>
/// (parameters, initial values, schedule), then the inputs in order, computes the initial state
/// (initial assignments and rules) and integrates from <see cref="SimulationSettings.StartTime"/> to
/// <see cref="SimulationSettings.EndTime"/> with the settings' solver (Dormand–Prince 5 if none) and
/// tolerances, with the model's events. The settings' output grid and output list are not used: readouts
/// are computed from the solver's dense output as the run proceeds (see <see cref="Readout"/>).
/// </para>
/// <para>
/// A run that fails (solver status other than success, or a non-finite initial state) yields NaN
/// outputs and a failure message naming the input values; it never throws.
/// Thread-safe: the experiment is immutable; evaluators (one per thread) reuse one
/// <see cref="ModelInstance"/> each, or a fresh one per run when the model has events.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var experiment = new SimulationExperiment(model, [new ParameterInput("k")], [Readout.ValueAt("y", 2), Readout.Area("y")],
///     new SimulationSettings { EndTime = 2, Solver = OdeSolvers.DormandPrince5 });
/// </code>
/// </example>
public sealed class SimulationExperiment : IResponseModel
{
    private const string MarkerPrefix = "readout#";
    private readonly string[] _quantities;
    private readonly string[] _thresholdQuantities;
    private readonly OdeSolverOptions _options;
    private readonly bool _initialStateIndependent;

    /// <summary>Initializes a new instance of the <see cref="SimulationExperiment"/> class.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="inputs">The inputs, in input-vector order (may be empty for a fixed protocol).</param>
    /// <param name="readouts">The outputs, in output-vector order (at least one).</param>
    /// <param name="settings">Time span, solver, tolerances and base changes; null for the defaults.</param>
    /// <exception cref="ArgumentException">An input or readout names an unknown id, a readout time or window lies outside the run, or names repeat.</exception>
    /// <exception cref="NotSupportedException">The model reads its past (<see cref="CompiledModel.HasDelays"/>) or has fast reactions (<see cref="CompiledModel.MassMatrix"/>).</exception>
    public SimulationExperiment(CompiledModel model, IReadOnlyList<IModelInput> inputs, IReadOnlyList<Readout> readouts, SimulationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);

        if (model.HasDelays)
        {
            throw new NotSupportedException($"Model '{model.Network.Id}' reads its past (delay); an experiment's integration does not keep a history. Simulate it with Simulator.Simulate.");
        }

        model.RefuseDifferentialAlgebraic("an experiment");
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(readouts);
        Model = model;
        Settings = settings ?? new SimulationSettings();
        Inputs = [.. inputs];
        Readouts = [.. readouts];
        InputNames = inputs.Count == 0 ? [] : AnalysisChecks.DistinctNames([.. inputs.Select(i => i.Name)], nameof(inputs));
        OutputNames = AnalysisChecks.DistinctNames([.. readouts.Select(r => r.Name)], nameof(readouts));
        foreach (var input in inputs)
        {
            CheckInput(model, input);
        }

        double t0 = Settings.StartTime, t1 = Settings.EndTime;
        if (!(t1 > t0))
        {
            throw new ArgumentException($"The settings' EndTime ({t1:R}) must be after StartTime ({t0:R}).", nameof(settings));
        }

        foreach (var readout in readouts)
        {
            CheckReadout(readout, t0, t1);
        }

        _initialStateIndependent = !model.HasEvents && InitialStateIndependentOf(model.Network, Inputs);
        _quantities = [.. readouts.Select(r => r.Quantity).Distinct(StringComparer.Ordinal)];
        _thresholdQuantities = [.. readouts.OfType<ThresholdReadout>().Select(r => r.Quantity).Distinct(StringComparer.Ordinal)];

        // Compile (or fetch) the output programs now, so that unknown quantities fail here with a clear message.
        model.Outputs(_quantities, amounts: null);
        _options = new OdeSolverOptions
        {
            RelativeTolerance = Settings.RelativeTolerance,
            AbsoluteTolerance = Settings.AbsoluteTolerance,
            MaxStep = Settings.MaxStep,
            MaxSteps = Settings.MaxSteps,
        };
        Solver = Settings.Solver ?? OdeSolvers.DormandPrince5;
    }

    /// <summary>Gets the compiled model.</summary>
    public CompiledModel Model { get; }

    /// <summary>Gets the base settings.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>Gets the solver used.</summary>
    public IOdeSolver Solver { get; }

    /// <summary>Gets the inputs.</summary>
    public IReadOnlyList<IModelInput> Inputs { get; }

    /// <summary>Gets the readouts.</summary>
    public IReadOnlyList<Readout> Readouts { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputNames { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputNames { get; }

    /// <inheritdoc/>
    public IResponseEvaluator CreateEvaluator(CancellationToken cancellationToken = default) => new Evaluator(this, cancellationToken);

    private static void CheckInput(CompiledModel model, IModelInput input)
    {
        string? id = input switch
        {
            ParameterInput p => model.IndexOfParameter(p.Id) < 0 ? p.Id : null,
            ParameterFoldChangeInput p => model.IndexOfParameter(p.Id) < 0 ? p.Id : null,
            InitialValueInput v => model.Network.KindOf(v.Id) is SymbolKind.Species or SymbolKind.Compartment or SymbolKind.Parameter ? null : v.Id,
            _ => null,
        };
        if (id is not null)
        {
            throw new ArgumentException($"The input '{input.Name}' names '{id}', which model '{model.Network.Id}' does not have as {(input is InitialValueInput ? "a species, compartment or parameter" : "a parameter")}.", nameof(input));
        }
    }

    /// <summary>Whether every input sets or scales a global parameter that no initial assignment reads, directly or through assignment rules, and that has none itself.</summary>
    private static bool InitialStateIndependentOf(ReactionNetwork network, IReadOnlyList<IModelInput> inputs)
    {
        var read = new HashSet<string>(network.InitialAssignments.SelectMany(a => a.Expression.Symbols), StringComparer.Ordinal);
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (var rule in network.AssignmentRules)
            {
                if (read.Contains(rule.Variable))
                {
                    foreach (string symbol in rule.Expression.Symbols)
                    {
                        grew |= read.Add(symbol);
                    }
                }
            }
        }

        foreach (var input in inputs)
        {
            string? id = input switch
            {
                ParameterInput p => p.Id,
                ParameterFoldChangeInput p => p.Id,
                _ => null,
            };
            if (id is null || network.KindOf(id) != SymbolKind.Parameter || read.Contains(id) || network.InitialAssignments.Any(a => a.Symbol == id))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckReadout(Readout readout, double t0, double t1)
    {
        switch (readout)
        {
            case ValueAtReadout v when v.Time < t0 || v.Time > t1:
                throw new ArgumentOutOfRangeException(nameof(readout), v.Time, $"Readout '{v.Name}' asks for time {v.Time:R}, outside the run [{t0:R}, {t1:R}].");
            case AreaReadout a when a.To <= t0 || a.From >= t1:
                throw new ArgumentOutOfRangeException(nameof(readout), a.From, $"Readout '{a.Name}' has a window outside the run [{t0:R}, {t1:R}].");
            case ExtremumReadout e when e.To < t0 || e.From > t1:
                throw new ArgumentOutOfRangeException(nameof(readout), e.From, $"Readout '{e.Name}' has a window outside the run [{t0:R}, {t1:R}].");
        }
    }

    /// <summary>The per-thread run state: a model instance, a readout probe and the threshold marker events.</summary>
    private sealed class Evaluator : IResponseEvaluator, IFailureKindSource
    {
        private readonly SimulationExperiment _experiment;
        private readonly CancellationToken _cancellationToken;
        private readonly TrajectoryProbe _probe;
        private readonly RunSetup _setup;
        private readonly double[] _thresholdValues;
        private ModelInstance _instance;
        private OdeEvent[] _markers;
        private double[]? _baseState;
        private double[] _baseParameters = [];

        public Evaluator(SimulationExperiment experiment, CancellationToken cancellationToken)
        {
            _experiment = experiment;
            _cancellationToken = cancellationToken;
            _probe = new TrajectoryProbe(experiment.Model, experiment.Readouts, experiment._quantities);
            _setup = new RunSetup(experiment.Settings.StartTime, experiment.Settings.EndTime);
            _thresholdValues = new double[experiment._thresholdQuantities.Length];
            _instance = experiment.Model.CreateInstance();
            _markers = Markers(_instance);
        }

        public string? FailureKind { get; private set; }

        public bool TryEvaluate(ReadOnlySpan<double> inputs, Span<double> outputs, out string? failure)
        {
            var e = _experiment;
            FailureKind = null;
            if (inputs.Length != e.Inputs.Count || outputs.Length != e.Readouts.Count)
            {
                throw new ArgumentException($"Expected {e.Inputs.Count} inputs and room for {e.Readouts.Count} outputs, got {inputs.Length} and {outputs.Length}.", nameof(inputs));
            }

            outputs.Fill(double.NaN);
            double t0 = e.Settings.StartTime;
            var (instance, y0) = Prepare(inputs);
            for (int k = 0; k < y0.Length; k++)
            {
                if (!double.IsFinite(y0[k]))
                {
                    failure = $"The initial value of '{e.Model.StateIds[k]}' is {y0[k]} at inputs {Describe(inputs)}.";
                    FailureKind = "NonFiniteInitialState";
                    return false;
                }
            }

            var (continuous, atStart) = instance.CreateEngineEvents(t0);
            var options = e._options with
            {
                OutputTimes = [e.Settings.EndTime],
                Events = continuous.Count == 0 ? _markers : [.. continuous.Select(Observed), .. _markers],
                TimeEvents = [.. atStart.Concat(Simulator.Schedule(instance, _setup.Schedule)).Select(Observed)],
            };
            _probe.Begin(instance);
            var integrator = e.Solver.CreateIntegrator(new OdeProblem(instance, t0, e.Settings.EndTime, y0), options);
            _probe.Attach(integrator);
            _probe.Point(t0, integrator.State);
            int steps = 0;
            bool running = true;
            while (running)
            {
                running = integrator.Step();
                if (integrator.Time > _probe.LastTime)
                {
                    _probe.Point(integrator.Time, integrator.State);
                }

                if ((++steps & 63) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (integrator.Status is not (SolverStatus.Success or SolverStatus.TerminatedByEvent))
            {
                failure = $"{integrator.Status} at inputs {Describe(inputs)}: {integrator.Message}";
                FailureKind = integrator.Status.ToString();
                return false;
            }

            _probe.Finish(integrator, MarkerPrefix, outputs);
            failure = null;
            return true;
        }

        /// <summary>Sets up a run: the base settings, then the inputs; returns the instance and the initial state.</summary>
        /// <remarks>
        /// When no input can change the initial state, the initial state and the parameter vector that its
        /// computation leaves are computed once and restored for every run: the interpreted initial-state
        /// computation costs as much as a short simulation of a large model.
        /// </remarks>
        private (ModelInstance Instance, double[] InitialState) Prepare(ReadOnlySpan<double> inputs)
        {
            var e = _experiment;
            double t0 = e.Settings.StartTime;
            if (e._initialStateIndependent)
            {
                if (_baseState is null)
                {
                    ApplySettings();
                    _baseState = _instance.ComputeInitialState(t0);
                    _baseParameters = _instance.Parameters.ToArray();
                }

                _baseParameters.CopyTo(_instance.Parameters);
                _setup.Begin(_instance, e.Settings.Schedule);
                ApplyInputs(inputs);
                return (_instance, _baseState);
            }

            // Event bookkeeping lives in the instance, so models with events get a fresh one per run.
            if (e.Model.HasEvents)
            {
                _instance = e.Model.CreateInstance();
                _markers = Markers(_instance);
            }

            ApplySettings();
            _setup.Begin(_instance, e.Settings.Schedule);
            ApplyInputs(inputs);
            return (_instance, _instance.ComputeInitialState(t0));
        }

        private void ApplySettings()
        {
            _instance.Reset();
            foreach (var (id, value) in _experiment.Settings.Parameters ?? new Dictionary<string, double>())
            {
                _instance.SetParameter(id, value);
            }

            foreach (var (id, value) in _experiment.Settings.InitialValues ?? new Dictionary<string, double>())
            {
                _instance.SetInitialValue(id, value);
            }
        }

        private void ApplyInputs(ReadOnlySpan<double> inputs)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                _experiment.Inputs[i].Apply(_setup, inputs[i]);
            }
        }

        /// <summary>An event whose action also reports the states just before and after it to the probe (the step's interpolant is still live then).</summary>
        private OdeEvent Observed(OdeEvent engineEvent) => engineEvent.Action is not { } action
            ? engineEvent
            : new OdeEvent(engineEvent.Name, engineEvent.Condition, engineEvent.Direction, (t, y) =>
            {
                _probe.Point(t, y);
                action(t, y);
                _probe.Point(t, y);
            }, engineEvent.IsTerminal);

        private TimeEvent Observed(TimeEvent timeEvent) => new(timeEvent.Name, timeEvent.Times, (t, y) =>
        {
            _probe.Point(t, y);
            timeEvent.Action(t, y);
            _probe.Point(t, y);
        }, timeEvent.IsTerminal);

        /// <summary>Marker events (no action) whose first occurrence is a threshold readout's value.</summary>
        private OdeEvent[] Markers(ModelInstance instance)
        {
            var e = _experiment;
            if (e._thresholdQuantities.Length == 0)
            {
                return [];
            }

            var program = e.Model.Outputs(e._thresholdQuantities, amounts: null);
            var markers = new List<OdeEvent>();
            for (int r = 0; r < e.Readouts.Count; r++)
            {
                if (e.Readouts[r] is ThresholdReadout threshold)
                {
                    int column = AnalysisChecks.IndexOf(e._thresholdQuantities, threshold.Quantity);
                    double level = threshold.Level;
                    double[] values = _thresholdValues;
                    markers.Add(new OdeEvent(
                        MarkerPrefix + r.ToString(CultureInfo.InvariantCulture),
                        (t, y) =>
                        {
                            program.Kernel(instance.LoadInputs(t, y), values);
                            return values[column] - level;
                        },
                        threshold.Direction));
                }
            }

            return [.. markers];
        }

        private string Describe(ReadOnlySpan<double> inputs)
        {
            if (inputs.Length == 0)
            {
                return "(none)";
            }

            var parts = new string[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
            {
                parts[i] = string.Create(CultureInfo.InvariantCulture, $"{_experiment.InputNames[i]} = {inputs[i]:G6}");
            }

            return string.Join(", ", parts);
        }
    }
}
