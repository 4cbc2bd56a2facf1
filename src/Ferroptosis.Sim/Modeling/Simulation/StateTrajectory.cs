using System.Runtime.InteropServices;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>The recorded points of a run as states (with the parameter values in force at each point), from which the reported quantities are computed column by column when they are first read.</summary>
/// <remarks>
/// <para>
/// A reported quantity is a function of (t, y, parameters) only: the output kernels read nothing else from the
/// model instance. So recording the state vector and the parameter vector at each point, and evaluating a column's
/// expression later on exactly those inputs, gives the same bits as evaluating every quantity while the integrator
/// records the point (the one-quantity program of <see cref="CompiledModel.Outputs"/> runs the same simplified
/// expression as its column of the full program). A run of model v2 then records 21 numbers per point instead of 61,
/// and a caller that reads only the surviving fraction never evaluates the other 60.
/// </para>
/// <para>
/// Parameter vectors are stored once per stretch of points over which they do not change (a scheduled change or an
/// event starts a new stretch); the comparison with the last stored vector is one vectorised compare per point.
/// </para>
/// <para>Thread-safe once recording has ended: <see cref="Column"/> works in arrays of the calling thread.</para>
/// </remarks>
internal sealed class StateTrajectory
{
    [ThreadStatic]
    private static double[]? t_inputs;

    [ThreadStatic]
    private static double[]? t_output;

    private readonly CompiledModel _model;
    private readonly IReadOnlyList<string> _ids;
    private readonly IReadOnlySet<string>? _amounts;
    private readonly int _n;
    private readonly List<(int FirstRow, double[] Parameters)> _stretches = [];
    private double[] _times;
    private double[] _states;

    /// <summary>Creates an empty trajectory.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="ids">The reported quantities (validated by the caller).</param>
    /// <param name="amounts">The species reported as amounts, or null.</param>
    /// <param name="expectedRows">The expected number of points.</param>
    public StateTrajectory(CompiledModel model, IReadOnlyList<string> ids, IReadOnlySet<string>? amounts, int expectedRows)
    {
        _model = model;
        _ids = ids;
        _amounts = amounts;
        _n = model.Dimension;
        int capacity = Math.Max(expectedRows, 1);
        _times = new double[capacity];
        _states = new double[capacity * _n];
    }

    /// <summary>Gets the number of recorded points.</summary>
    public int Count { get; private set; }

    /// <summary>Tells whether recording the states is cheaper than recording the quantities: fewer states than quantities (never for a model with delays, whose quantities read the history when they are recorded).</summary>
    /// <param name="model">The model.</param>
    /// <param name="quantities">The number of reported quantities.</param>
    /// <returns>True if a trajectory should record states.</returns>
    public static bool Pays(CompiledModel model, int quantities) => model.Dimension <= quantities && !model.HasDelays;

    /// <summary>Appends a point.</summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state.</param>
    /// <param name="parameters">The parameter vector in force.</param>
    public void Add(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> parameters)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, _times.Length * 2);
            Array.Resize(ref _states, _times.Length * _n);
        }

        if (_stretches.Count == 0 || !SameBits(_stretches[^1].Parameters, parameters))
        {
            _stretches.Add((Count, parameters.ToArray()));
        }

        _times[Count] = t;
        y.CopyTo(_states.AsSpan(Count * _n, _n));
        Count++;
    }

    /// <summary>Returns the times trimmed to <see cref="Count"/>; recording must have ended.</summary>
    /// <returns>The times.</returns>
    public double[] TakeTimes()
    {
        if (Count != _times.Length)
        {
            Array.Resize(ref _times, Count);
        }

        return _times;
    }

    /// <summary>Computes one reported quantity at every recorded point.</summary>
    /// <param name="column">The index of the quantity in the reported list.</param>
    /// <returns>A new array of <see cref="Count"/> values.</returns>
    public double[] Column(int column)
    {
        string id = _ids[column];
        var program = _model.SingleOutput(id, _amounts is not null && _amounts.Contains(id));

        // The inputs of an output kernel, laid out as ModelInstance.LoadInputs lays them out: t, y, parameters; a
        // work array of this thread, so that reading every column of a run does not allocate one per column.
        int size = 1 + _n + _model.ParameterIds.Count;
        var inputs = t_inputs is { } scratch && scratch.Length >= size ? scratch : t_inputs = new double[size];
        var output = t_output ??= new double[1];
        var values = new double[Count];
        int stretch = -1;
        for (int k = 0; k < Count; k++)
        {
            if (stretch + 1 < _stretches.Count && _stretches[stretch + 1].FirstRow == k)
            {
                stretch++;
                _stretches[stretch].Parameters.CopyTo(inputs, 1 + _n);
            }

            inputs[0] = _times[k];
            _states.AsSpan(k * _n, _n).CopyTo(inputs.AsSpan(1, _n));
            program.Kernel(inputs, output);
            values[k] = output[0];
        }

        return values;
    }

    private static bool SameBits(double[] stored, ReadOnlySpan<double> parameters) =>
        MemoryMarshal.Cast<double, long>(stored.AsSpan()).SequenceEqual(MemoryMarshal.Cast<double, long>(parameters));
}
