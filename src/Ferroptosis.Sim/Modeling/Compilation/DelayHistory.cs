using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The past of one run, as the delayed values of a model read it: the interpolants of the accepted steps and the parameter vectors in force.</summary>
/// <remarks>
/// <para>
/// A delayed value x(t − τ) is x evaluated on past inputs: time t − τ, the state there (the step's own dense output,
/// a continuous piecewise polynomial of the method's interpolation order) and the parameter vector in force then (events
/// change parameters; a new vector is kept each time one does). Before the start t0 the state and parameters are those
/// at t0 (the SBML convention: the initial values hold for all earlier times), while the time argument is still
/// t − τ, so an x that is a function of time (an assignment rule such as <c>sin(time)</c>) keeps its formula; initial
/// values that depend on time (an initial assignment <c>sin(time)</c>) are computed for t − τ.
/// Beyond the last accepted step (τ shorter than the step being tried) the last step's polynomial is continued; in the
/// first step, where there is none, the state is interpolated linearly between the initial and the present one.
/// Before <see cref="Start"/> (a run that is not a simulation, e.g. an initial-state computation) the present state
/// and parameters stand in for the past.
/// </para>
/// <para>Not thread-safe: one per <see cref="ModelInstance"/>. Evaluating allocates nothing; a new parameter vector is kept (allocated) only when an event changed one.</para>
/// </remarks>
internal sealed class DelayHistory : IStepHistory
{
    private readonly ModelInstance _instance;
    private readonly DelayProgram _program;
    private readonly int _n;
    private readonly int _m;
    private readonly double[] _past;
    private readonly double[] _one = new double[1];
    private readonly double[] _y0;
    private readonly List<double> _parameterTimes = [];
    private readonly List<double[]> _parameterVectors = [];
    private DenseSegments? _segments;
    private ModelInstance? _past0;
    private double _pastTime = double.NaN;
    private double[] _pastState = [];
    private double[] _pastParameters = [];
    private double _t0;

    public DelayHistory(ModelInstance instance, DelayProgram program, int n, int m, int inputLength)
    {
        _instance = instance;
        _program = program;
        _n = n;
        _m = m;
        _past = new double[inputLength];
        _y0 = new double[n];
    }

    /// <summary>Starts a run at t0 with the initial state; the parameter vector in force now holds from t0 on.</summary>
    public void Start(double t0, ReadOnlySpan<double> y0)
    {
        _t0 = t0;
        y0.CopyTo(_y0);
        _segments = new DenseSegments(_n);
        _parameterTimes.Clear();
        _parameterVectors.Clear();
        _parameterTimes.Add(t0);
        _parameterVectors.Add(_instance.Parameters.ToArray());

        // Initial values that depend on time (an initial assignment such as sin(time)) give the past before t0.
        _past0 = InitialValuesDependOnTime(_instance.Model.Network) ? _instance.CopyForPast() : null;
        _pastTime = double.NaN;
    }

    /// <summary>Ends the run: later evaluations use the present as the past again.</summary>
    public void Stop() => _segments = null;

    /// <inheritdoc/>
    public void Add(Stepper stepper, double validUntil)
    {
        if (_segments is null)
        {
            return;
        }

        _segments.Add(stepper, validUntil);
        if (!_instance.Parameters.SequenceEqual(_parameterVectors[^1]))
        {
            _parameterTimes.Add(stepper.TPrevious);
            _parameterVectors.Add(_instance.Parameters.ToArray());
        }
    }

    /// <summary>Computes every delayed value for the present inputs (t, y and parameters already loaded) into their slots.</summary>
    public void Fill(double[] inputs)
    {
        double t = inputs[0];
        int first = 1 + _n + _m;
        for (int k = 0; k < _program.Count; k++)
        {
            _program.DelayKernels[k](inputs, _one);
            double tau = _one[0];
            double[] source = inputs;
            if (tau > 0)
            {
                LoadPast(t - tau, inputs);
                source = _past;
            }

            _program.ValueKernels[k](source, _one);
            inputs[first + k] = _one[0];
        }
    }

    private static bool InitialValuesDependOnTime(Networks.ReactionNetwork network) =>
        network.InitialAssignments.Any(a =>
            Expressions.ExprRewriter.Inline(a.Expression, network.FunctionLibrary).Symbols.Contains(Networks.ReactionNetwork.TimeSymbol));

    private void LoadPast(double s, double[] present)
    {
        present.AsSpan().CopyTo(_past);
        _past[0] = s;
        if (_segments is null)
        {
            return;
        }

        var state = _past.AsSpan(1, _n);
        if (s > _t0 && _segments.Count == 0 && present[0] > s)
        {
            // In the first step (a delay vanishing at the start): between the initial state and the present one.
            double w = (s - _t0) / (present[0] - _t0);
            for (int i = 0; i < _n; i++)
            {
                state[i] = _y0[i] + (w * (present[1 + i] - _y0[i]));
            }

            _parameterVectors[0].CopyTo(_past.AsSpan(1 + _n, _m));
            return;
        }

        if (s <= _t0 || !_segments.TryEvaluate(s, state, extrapolate: true))
        {
            // Before the start (or before the first step is taken): the initial state and parameters.
            if (_past0 is not null && s < _t0)
            {
                if (s != _pastTime)
                {
                    // Rare (time-dependent initial values only) and interpreted; the last time is remembered.
                    _pastState = _past0.ComputeInitialState(s);
                    _pastParameters = _past0.Parameters.ToArray();
                    _pastTime = s;
                }

                _pastState.CopyTo(state);
                _pastParameters.CopyTo(_past.AsSpan(1 + _n, _m));
                return;
            }

            _y0.CopyTo(state);
            _parameterVectors[0].CopyTo(_past.AsSpan(1 + _n, _m));
            return;
        }

        int index = _parameterTimes.Count - 1;
        while (index > 0 && _parameterTimes[index] > s)
        {
            index--;
        }

        _parameterVectors[index].CopyTo(_past.AsSpan(1 + _n, _m));
    }
}
