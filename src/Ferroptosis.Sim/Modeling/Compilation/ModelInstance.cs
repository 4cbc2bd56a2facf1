using System.Runtime.InteropServices;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The mutable state of one run of a <see cref="CompiledModel"/>: parameter values, initial-value overrides, event bookkeeping and work buffers.</summary>
/// <remarks>
/// <para>
/// Evaluating the right-hand side copies (t, y) into the kernel's input array, which also holds this
/// instance's parameter vector (O(n), no allocation), calls the compiled delegate, and copies the
/// result out. Changing a parameter takes effect at the next evaluation.
/// </para>
/// <para>
/// The input array also holds the parameter-only sub-expressions of the right-hand side and the Jacobian
/// (<see cref="CompiledModel.PrecomputeKernel"/>), valid for the parameter values they were computed from: each
/// evaluation compares the parameter vector with that copy (bit for bit, a vectorised comparison of a few hundred
/// bytes) and recomputes them when anything changed, however it was changed (<see cref="SetParameter"/>, writes to
/// <see cref="Parameters"/>, events, initial assignments).
/// </para>
/// <para>Not thread-safe: use one instance per run and thread.</para>
/// </remarks>
public sealed partial class ModelInstance : IOdeSystem, IMassMatrixSystem
{
    private readonly double[] _inputs;
    private readonly double[] _rhs;
    private readonly double[] _jacobian;
    private readonly double[] _hoistedFor;
    private readonly int _n;
    private readonly int _m;

    // The inputs after the parameters: the delayed values, then the locked relations of the fast rates.
    private readonly int _d;
    private bool _hoistedValid;
    private double[]? _mass;
    private readonly Dictionary<string, double> _initialOverrides = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parameterOverrides = new(StringComparer.Ordinal);

    // Work collections of ComputeInitialState, created on first need and reused by later calls.
    private Dictionary<string, double>? _initialValues;
    private HashSet<string>? _evaluating;
    private Stack<(string Id, IReadOnlyList<string> Dependencies, int Next)>? _initialStack;

    internal ModelInstance(CompiledModel model)
    {
        Model = model;
        _n = model.Dimension;
        _m = model.ParameterIds.Count;
        // Delayed values, then the locked relations of the fast rates, sit after the parameters.
        _d = (model.Delays?.Count ?? 0) + (model.Fast?.SwitchCount ?? 0);
        _inputs = new double[1 + _n + _m + _d + model.HoistedCount];
        model.DefaultParameters.CopyTo(_inputs.AsSpan(1 + _n, _m));
        _hoistedFor = new double[_m + _d];
        History = model.Delays is { } delays ? new DelayHistory(this, delays, _n, _m, _inputs.Length) : null;
        _rhs = new double[_n];
        _jacobian = new double[model.JacobianNonZeros];
        EventState = new EventState(model.Events);
    }

    /// <summary>Gets the compiled model.</summary>
    public CompiledModel Model { get; }

    /// <inheritdoc/>
    public int Dimension => _n;

    /// <inheritdoc/>
    public bool IsAutonomous => Model.IsAutonomous;

    /// <summary>Gets the model's mass matrix for this run's parameter values (see <see cref="CompiledModel.MassMatrix"/>): empty unless the model has fast reactions.</summary>
    /// <remarks>Conversion factors on the species of fast reactions divide columns of the matrix, and stoichiometries set through species-reference ids enter it with their values in force; the solver reads it when an integrator is created and again after every event.</remarks>
    public ReadOnlySpan<double> MassMatrix => Model.Fast is not { } fast ? [] : fast.FillMass(_inputs, _mass ??= new double[_n * _n], _massEntries ??= new double[fast.MassPositions.Length]);

    /// <inheritdoc/>
    public bool HasJacobian => true;

    /// <summary>Gets the parameter vector of this run (ordered as <see cref="CompiledModel.ParameterIds"/>); writable.</summary>
    public Span<double> Parameters => _inputs.AsSpan(1 + _n, _m);

    internal EventState EventState { get; }

    /// <summary>Gets the history the model's delayed values read, or null when the model has no <c>delay(x, τ)</c>.</summary>
    internal DelayHistory? History { get; }

    /// <summary>Sets a parameter, compartment size, species-reference coefficient or local parameter (<c>reaction.parameter</c>) for this run.</summary>
    /// <param name="id">The id, as in <see cref="CompiledModel.ParameterIds"/>.</param>
    /// <param name="value">The value; for a species held in the parameter vector, its amount.</param>
    /// <exception cref="ArgumentException">The id is not in the parameter vector; the message lists close names.</exception>
    public void SetParameter(string id, double value)
    {
        int index = Model.IndexOfParameter(id);
        if (index < 0)
        {
            string hint = NameSuggestions.Hint(NameSuggestions.Closest(id, Model.ParameterIds));
            throw new ArgumentException($"'{id}' is not a parameter of model '{Model.Network.Id}'{(hint.Length == 0 ? "." : hint)}", nameof(id));
        }

        Parameters[index] = value;
        _parameterOverrides.Add(id);
    }

    /// <summary>Gets a value of the parameter vector.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The value in this run.</returns>
    public double GetParameter(string id)
    {
        int index = Model.IndexOfParameter(id);
        return index < 0 ? throw new ArgumentException($"'{id}' is not a parameter of model '{Model.Network.Id}'.", nameof(id)) : Parameters[index];
    }

    /// <summary>Overrides the initial value of a species (concentration, or amount if it has only substance units), compartment or rate-rule parameter for this run.</summary>
    /// <param name="id">The id.</param>
    /// <param name="value">The value at t0.</param>
    public void SetInitialValue(string id, double value)
    {
        if (Model.Network.KindOf(id) is not (SymbolKind.Species or SymbolKind.Compartment or SymbolKind.Parameter))
        {
            throw new ArgumentException($"'{id}' is not a species, compartment or parameter of model '{Model.Network.Id}'.", nameof(id));
        }

        _initialOverrides[id] = value;
    }

    /// <summary>Restores the declared parameter values and removes initial-value overrides.</summary>
    public void Reset()
    {
        Model.DefaultParameters.CopyTo(Parameters);
        _initialOverrides.Clear();
        _parameterOverrides.Clear();
    }

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Model.RhsKernel(LoadKernelInputs(t, y), _rhs);
        _rhs.AsSpan().CopyTo(dydt);
    }

    /// <inheritdoc/>
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        Model.JacobianKernel(LoadKernelInputs(t, y), _jacobian);
        jacobian.Clear();
        var rows = Model.JacobianRows;
        var columns = Model.JacobianColumns;
        for (int e = 0; e < rows.Length; e++)
        {
            jacobian[(rows[e] * _n) + columns[e]] = _jacobian[e];
        }
    }

    /// <summary>Evaluates the Jacobian's structurally non-zero entries (in the order of <see cref="CompiledModel.JacobianRows"/>).</summary>
    internal void EvaluateJacobianEntries(double t, ReadOnlySpan<double> y, double[] entries) => Model.JacobianKernel(LoadKernelInputs(t, y), entries);

    /// <summary>Loads (t, y) into the kernel inputs, for programs that evaluate other outputs of the model.</summary>
    internal double[] LoadInputs(double t, ReadOnlySpan<double> y)
    {
        _inputs[0] = t;
        y.CopyTo(_inputs.AsSpan(1, _n));
        History?.Fill(_inputs);
        return _inputs;
    }

    /// <summary>Loads (t, y) into the kernel inputs and brings the hoisted parameter-only values up to date, for <see cref="CompiledModel.RhsKernel"/> and <see cref="CompiledModel.JacobianKernel"/>.</summary>
    internal double[] LoadKernelInputs(double t, ReadOnlySpan<double> y)
    {
        _inputs[0] = t;
        y.CopyTo(_inputs.AsSpan(1, _n));
        History?.Fill(_inputs);
        if (Model.HoistedCount > 0)
        {
            // The parameters and the delayed values after them: what the hoisted values are computed from.
            var parameters = _inputs.AsSpan(1 + _n, _m + _d);
            if (!_hoistedValid || !MemoryMarshal.Cast<double, long>(parameters).SequenceEqual(MemoryMarshal.Cast<double, long>(_hoistedFor.AsSpan())))
            {
                Model.PrecomputeKernel(_inputs, _inputs);
                parameters.CopyTo(_hoistedFor);
                _hoistedValid = true;
            }
        }

        return _inputs;
    }

    /// <summary>Creates an instance with this one's parameter vector and overrides, whose <see cref="ComputeInitialState"/> gives the initial values as they would be at another time.</summary>
    internal ModelInstance CopyForPast()
    {
        var copy = new ModelInstance(Model);
        Parameters.CopyTo(copy.Parameters);
        foreach (var (id, value) in _initialOverrides)
        {
            copy._initialOverrides[id] = value;
        }

        copy._parameterOverrides.UnionWith(_parameterOverrides);
        return copy;
    }

    /// <summary>Gets whether a parameter was set explicitly for this run (then its initial assignment does not apply).</summary>
    internal bool IsParameterOverridden(string id) => _parameterOverrides.Contains(id);

    internal bool TryGetInitialOverride(string id, out double value) => _initialOverrides.TryGetValue(id, out value);
}
