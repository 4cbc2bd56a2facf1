using System.Globalization;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using MathNet.Numerics.LinearAlgebra;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Estimates parameters (and initial values) from time-course data by Levenberg–Marquardt with multiple starts, reporting estimates, residuals and an approximate covariance.</summary>
/// <remarks>
/// <para>
/// The objective is χ² = Σ_i ((y_i − ŷ_i(θ))/σ_i)² (unweighted without standard deviations), minimised by
/// MathNet.Numerics' Levenberg–Marquardt within the bounds, in log10 θ for log-scale parameters (Raue et
/// al., PLoS ONE 8, 2013, recommend log scale for rate constants). The Jacobian is taken by central
/// differences of the simulated predictions. Starts: the initial values, then uniform draws within the
/// bounds from counter-based random numbers (deterministic for a seed), run in parallel; the lowest χ²
/// wins. The covariance is s²(JᵀWJ)⁻¹ at the optimum (s² = χ²/(n − p) without standard deviations, 1 with
/// them; Seber &amp; Wild, Nonlinear Regression, 1989, §5.1), a local approximation that can understate
/// the uncertainty of poorly identifiable parameters — compare the starts' end points.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var data = TimeCourseData.LoadCsv("timecourse.csv");
/// var fit = ParameterFit.Fit(model, data, [new FitParameter("k1", 1e-3, 1e3), new FitParameter("k2", 1e-3, 1e3)]);
/// foreach (var e in fit.Estimates) Console.WriteLine($"{e.Name} = {e.Value:G4} [{e.Lower:G4}, {e.Upper:G4}]");
/// </code>
/// </example>
public static class ParameterFit
{
    /// <summary>Fits parameters of a compiled model to time-course data.</summary>
    /// <param name="model">The model; data observables must be reportable ids of it.</param>
    /// <param name="data">The measurements.</param>
    /// <param name="parameters">What to estimate: parameter ids, or <c>id(0)</c> for initial values.</param>
    /// <param name="settings">Start time, solver, tolerances and fixed changes; null for Dormand–Prince 5 at rtol 1e-8, atol 1e-10 from t = 0. The end time is extended to the last measurement.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <param name="execution">Threads (starts run in parallel), or null.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    public static FitResult Fit(CompiledModel model, TimeCourseData data, IReadOnlyList<FitParameter> parameters, SimulationSettings? settings = null, FitOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        settings ??= new SimulationSettings { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, Solver = OdeSolvers.DormandPrince5 };
        settings = settings with { EndTime = Math.Max(settings.EndTime, data.Points.Max(p => p.Time)) };
        IModelInput[] inputs = [.. parameters.Select(p => p.Name.EndsWith("(0)", StringComparison.Ordinal) ? (IModelInput)new InitialValueInput(p.Name[..^3]) : new ParameterInput(p.Name))];
        var readouts = data.Points.Select(p => Readout.ValueAt(p.Observable, p.Time)).DistinctBy(r => r.Name).ToArray();
        var experiment = new SimulationExperiment(model, inputs, readouts, settings);
        // Start 0 at the model's values: its parameters, and its initial values in their symbols' units.
        var instance = model.CreateInstance();
        foreach (var (id, value) in settings.Parameters ?? new Dictionary<string, double>())
        {
            instance.SetParameter(id, value);
        }

        foreach (var (id, value) in settings.InitialValues ?? new Dictionary<string, double>())
        {
            instance.SetInitialValue(id, value);
        }

        double[] y0 = instance.ComputeInitialState(settings.StartTime);
        var values = new double[1];
        double[] declared = [.. inputs.Select(input =>
        {
            if (input is ParameterInput p)
            {
                return instance.GetParameter(p.Id);
            }

            model.Outputs([((InitialValueInput)input).Id], amounts: null).Kernel(instance.LoadInputs(settings.StartTime, y0), values);
            return values[0];
        })];
        var withStarts = parameters.Select((p, j) => p.Initial is null && double.IsFinite(declared[j]) ? p with { Initial = declared[j] } : p).ToArray();
        return Fit(experiment, data, withStarts, options, execution, cancellationToken);
    }

    /// <summary>Fits the inputs of any response model whose outputs include, for every measurement, one named like <see cref="Readout.ValueAt"/> (<c>observable@time</c>).</summary>
    /// <param name="model">The model; every input is estimated.</param>
    /// <param name="data">The measurements.</param>
    /// <param name="parameters">One entry per model input, named as the input.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <param name="execution">Threads (starts run in parallel), or null.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    public static FitResult Fit(IResponseModel model, TimeCourseData data, IReadOnlyList<FitParameter> parameters, FitOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        options ??= FitOptions.Default;
        execution ??= ExecutionOptions.Default;
        var problem = new FitProblem(model, data, parameters);
        if (options.Starts < 1 || !(options.DifferenceStep > 0) || options.MaxIterations < 1)
        {
            throw new ArgumentException("FitOptions need at least one start, one iteration and a positive difference step.", nameof(options));
        }

        var starts = new FitStart[options.Starts];
        var solutions = new LeastSquares.Solution?[options.Starts];
        Parallel.For(0, options.Starts, execution.ToParallelOptions(cancellationToken), s =>
        {
            var session = problem.CreateSession(options, cancellationToken);
            double[] start = problem.Start(s, options.Seed);
            var solution = LeastSquares.Minimize(session.Problem, start, options.MaxIterations);
            solutions[s] = solution;
            starts[s] = new FitStart(s, [.. start.Select((v, j) => parameters[j].ToExternal(v))], [.. solution.Point.Select((v, j) => parameters[j].ToExternal(v))], solution.ResidualSumOfSquares, solution.ExitCondition);
        });
        cancellationToken.ThrowIfCancellationRequested();

        int best = -1;
        for (int s = 0; s < starts.Length; s++)
        {
            if (double.IsFinite(starts[s].ChiSquare) && (best < 0 || starts[s].ChiSquare < starts[best].ChiSquare))
            {
                best = s;
            }
        }

        if (best < 0)
        {
            return new FitResult(false, "No start reached finite residuals; check the bounds and that the model can be simulated there.", [], null, [], double.NaN, data.Points.Count - parameters.Count, starts, problem.Evaluations);
        }

        return problem.Describe(solutions[best]!, options, starts, cancellationToken);
    }

    /// <summary>The data mapped onto the model's outputs, the bounds in internal coordinates, and the bookkeeping of evaluations.</summary>
    private sealed class FitProblem
    {
        private readonly IResponseModel _model;
        private readonly TimeCourseData _data;
        private readonly IReadOnlyList<FitParameter> _parameters;
        private readonly int[] _inputOf;
        private readonly int[] _outputOf;
        private readonly double[] _lower;
        private readonly double[] _upper;
        private int _evaluations;

        public FitProblem(IResponseModel model, TimeCourseData data, IReadOnlyList<FitParameter> parameters)
        {
            _model = model;
            _data = data;
            _parameters = parameters;
            if (parameters.Count != model.InputNames.Count || parameters.Count == 0)
            {
                throw new ArgumentException($"Give one fit parameter per model input ({string.Join(", ", model.InputNames)}).", nameof(parameters));
            }

            _inputOf = [.. parameters.Select(p => AnalysisChecks.IndexOf(model.InputNames, p.Name))];
            if (_inputOf.Any(i => i < 0) || _inputOf.Distinct().Count() != _inputOf.Length)
            {
                throw new ArgumentException($"The fit parameters ({string.Join(", ", parameters.Select(p => p.Name))}) must name each model input once ({string.Join(", ", model.InputNames)}).", nameof(parameters));
            }

            foreach (var p in parameters)
            {
                if (!double.IsFinite(p.Lower) || !double.IsFinite(p.Upper) || !(p.Upper > p.Lower) || (p.LogScale && !(p.Lower > 0)))
                {
                    throw new ArgumentException($"The bounds of '{p.Name}' are invalid: give finite lower < upper, and lower > 0 on a log scale.", nameof(parameters));
                }
            }

            _outputOf = [.. data.Points.Select(p => Output(model, Readout.ValueAt(p.Observable, p.Time).Name))];
            _lower = [.. parameters.Select(p => p.ToInternal(p.Lower))];
            _upper = [.. parameters.Select(p => p.ToInternal(p.Upper))];
            if (data.Points.Count <= parameters.Count)
            {
                throw new ArgumentException($"{data.Points.Count} measurements cannot determine {parameters.Count} parameters; give more data than parameters.", nameof(data));
            }
        }

        public int Evaluations => Volatile.Read(ref _evaluations);

        /// <summary>Start 0 is the initial values; the others are uniform within the bounds. Both lie strictly inside, where the bounded minimiser can move.</summary>
        public double[] Start(int s, ulong seed)
        {
            var start = new double[_parameters.Count];
            for (int j = 0; j < start.Length; j++)
            {
                double lo = _lower[j], hi = _upper[j], margin = 1e-6 * (hi - lo);
                var parameter = _parameters[j];
                double value;
                if (s > 0)
                {
                    value = lo + ((hi - lo) * CounterRandom.Uniform(seed, s, j));
                }
                else if (parameter.Initial is double initial && (initial > 0 || !parameter.LogScale))
                {
                    value = parameter.ToInternal(initial);
                }
                else
                {
                    value = 0.5 * (lo + hi);
                }

                start[j] = Math.Clamp(double.IsFinite(value) ? value : 0.5 * (lo + hi), lo + margin, hi - margin);
            }

            return start;
        }

        public Session CreateSession(FitOptions options, CancellationToken cancellationToken) => new(this, _model.CreateEvaluator(cancellationToken), options);

        public FitResult Describe(LeastSquares.Solution best, FitOptions options, FitStart[] starts, CancellationToken cancellationToken)
        {
            var session = CreateSession(options, cancellationToken);
            double[] point = best.Point;
            int n = _data.Points.Count, p = _parameters.Count;
            var covariance = LeastSquares.Covariance(session.Problem, point, best.ResidualSumOfSquares, _data.HasStandardDeviations);
            double t = LeastSquares.StudentQuantile(options.ConfidenceLevel, n - p);
            var estimates = new ParameterEstimate[p];
            var warnings = new List<string>();
            for (int j = 0; j < p; j++)
            {
                var parameter = _parameters[j];
                double se = covariance is null ? double.NaN : Math.Sqrt(covariance[j, j]);
                double value = parameter.ToExternal(point[j]);
                estimates[j] = parameter.LogScale
                    ? new ParameterEstimate(parameter.Name, value, Math.Log(10) * value * se, parameter.ToExternal(point[j] - (t * se)), parameter.ToExternal(point[j] + (t * se)))
                    : new ParameterEstimate(parameter.Name, value, se, value - (t * se), value + (t * se));
                if (Math.Min(point[j] - _lower[j], _upper[j] - point[j]) < 1e-4 * (_upper[j] - _lower[j]))
                {
                    warnings.Add($"'{parameter.Name}' ended at a bound; widen it");
                }
            }

            if (covariance is null)
            {
                warnings.Add("the data do not determine every parameter (JᵀWJ is singular): no standard errors");
            }

            var predicted = session.Problem.Model(Vector<double>.Build.DenseOfArray(point));
            var residuals = _data.Points.Select((d, i) => new FitResidual(d, predicted[i], (d.Value - predicted[i]) / (d.StandardDeviation ?? 1))).ToArray();
            int converged = starts.Count(s => double.IsFinite(s.ChiSquare) && s.ChiSquare <= best.ResidualSumOfSquares * (1 + 1e-6) + 1e-12);
            string message = string.Create(CultureInfo.InvariantCulture, $"χ² = {best.ResidualSumOfSquares:G5} with {n - p} degrees of freedom; {converged} of {starts.Length} starts reached it ({best.ExitCondition}).")
                + (warnings.Count == 0 ? string.Empty : " Warning: " + string.Join("; ", warnings) + ".");
            var matrix = covariance is null ? null : covariance.ToArray();
            return new FitResult(true, message, estimates, matrix, residuals, best.ResidualSumOfSquares, n - p, starts, Evaluations);
        }

        private static int Output(IResponseModel model, string name)
        {
            int index = AnalysisChecks.IndexOf(model.OutputNames, name);
            return index >= 0 ? index : throw new ArgumentException($"The model has no output '{name}' for a measurement; its outputs are {string.Join(", ", model.OutputNames)}.", nameof(model));
        }

        /// <summary>A thread's view of the problem: its own evaluator and buffers.</summary>
        public sealed class Session
        {
            private readonly FitProblem _owner;
            private readonly IResponseEvaluator _evaluator;
            private readonly double _step;
            private readonly double[] _inputs;
            private readonly double[] _outputs;

            public Session(FitProblem owner, IResponseEvaluator evaluator, FitOptions options)
            {
                _owner = owner;
                _evaluator = evaluator;
                _step = options.DifferenceStep;
                _inputs = new double[owner._parameters.Count];
                _outputs = new double[owner._model.OutputNames.Count];
                double[] observed = [.. owner._data.Points.Select(d => d.Value)];
                double[]? weights = owner._data.HasStandardDeviations ? [.. owner._data.Points.Select(d => 1 / (d.StandardDeviation!.Value * d.StandardDeviation.Value))] : null;
                Problem = new LeastSquares.Problem(Predict, Jacobian, observed, weights, owner._lower, owner._upper);
            }

            public LeastSquares.Problem Problem { get; }

            private Vector<double> Predict(Vector<double> point)
            {
                var values = Vector<double>.Build.Dense(_owner._data.Points.Count);
                Predict(point, values);
                return values;
            }

            /// <summary>Predictions at a point; a failed simulation gives predictions far from the data, so the minimiser turns back.</summary>
            private void Predict(Vector<double> point, Vector<double> values)
            {
                for (int j = 0; j < _inputs.Length; j++)
                {
                    _inputs[_owner._inputOf[j]] = _owner._parameters[j].ToExternal(point[j]);
                }

                Interlocked.Increment(ref _owner._evaluations);
                bool ok = _evaluator.TryEvaluate(_inputs, _outputs, out _);
                var points = _owner._data.Points;
                for (int i = 0; i < values.Count; i++)
                {
                    double v = _outputs[_owner._outputOf[i]];
                    values[i] = ok && double.IsFinite(v) ? v : points[i].Value + (1e6 * (points[i].StandardDeviation ?? Math.Max(1, Math.Abs(points[i].Value))));
                }
            }

            private Matrix<double> Jacobian(Vector<double> point)
            {
                int n = _owner._data.Points.Count, p = point.Count;
                var jacobian = Matrix<double>.Build.Dense(n, p);
                var plus = Vector<double>.Build.Dense(n);
                var minus = Vector<double>.Build.Dense(n);
                for (int j = 0; j < p; j++)
                {
                    double h = _step * Math.Max(1, Math.Abs(point[j]));
                    var shifted = point.Clone();
                    shifted[j] = point[j] + h;
                    Predict(shifted, plus);
                    shifted[j] = point[j] - h;
                    Predict(shifted, minus);
                    for (int i = 0; i < n; i++)
                    {
                        jacobian[i, j] = (plus[i] - minus[i]) / (2 * h);
                    }
                }

                return jacobian;
            }
        }
    }
}
