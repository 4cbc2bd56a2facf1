using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>A reaction network compiled to delegates: the right-hand side, the analytic Jacobian and the events, with named states and parameters.</summary>
/// <remarks>
/// <para>
/// Immutable and shareable across threads. As an <see cref="IOdeSystem"/> it evaluates with the
/// declared parameter values; to change parameters or initial values without recompiling, create a
/// <see cref="ModelInstance"/> per run (<see cref="CreateInstance"/>), which holds everything mutable.
/// </para>
/// <para>
/// State layout: <see cref="StateIds"/> in order. Species changed by reactions are integrated as
/// amounts (for a compartment of size 1, amount and concentration coincide).
/// </para>
/// </remarks>
public sealed class CompiledModel : ISparseOdeSystem, IMassMatrixSystem
{
    [ThreadStatic]
    private static ConditionalWeakTable<CompiledModel, ModelInstance>? t_defaultInstances;

    private readonly Dictionary<string, int> _stateIndex;
    private readonly Dictionary<string, int> _parameterIndex;
    private readonly ConcurrentDictionary<string, OutputProgram> _outputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OutputProgram> _singleOutputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OutputProgram> _singleAmountOutputs = new(StringComparer.Ordinal);
    private readonly SparsityPattern? _jacobianPattern;
    private SparseDerivatives? _parameterJacobian;
    private OutputProgram? _defaultOutputs;
    private double[]? _defaultMass;
    private BatchedModelSystem? _batched;
    private BatchedModelSystem? _batchedVectorMath;

    internal CompiledModel(
        ModelLayout layout,
        SymbolResolver resolver,
        IReadOnlyDictionary<string, int> inputSymbols,
        IReadOnlyList<Expr> rightHandSide,
        HoistedKernels kernels,
        int[] jacobianRows,
        int[] jacobianColumns,
        bool isAutonomous,
        EventProgram events)
    {
        Layout = layout;
        Resolver = resolver;
        InputSymbols = inputSymbols;
        RightHandSideExpressions = rightHandSide;
        RhsKernel = kernels.Kernels[0];
        JacobianKernel = kernels.Kernels[1];
        PrecomputeKernel = kernels.Precompute;
        HoistedCount = kernels.HoistedCount;
        InterpretedInstructions = kernels.InterpretedInstructions;
        JacobianRows = jacobianRows;
        JacobianColumns = jacobianColumns;
        IsAutonomous = isAutonomous && events.Count == 0;
        Events = events;
        _stateIndex = layout.StateIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _parameterIndex = layout.ParameterIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        (_jacobianPattern, JacobianOrder) = StructuralPattern.Build(layout.StateIds.Count, jacobianRows, jacobianColumns);
    }

    /// <summary>Gets the network this model was compiled from.</summary>
    public ReactionNetwork Network => Layout.Network;

    /// <summary>Gets the number of state variables.</summary>
    public int Dimension => Layout.StateIds.Count;

    /// <summary>Gets the ids of the state variables, in state-vector order.</summary>
    public IReadOnlyList<string> StateIds => Layout.StateIds;

    /// <summary>Gets the ids held in the parameter vector: global parameters, constant compartments and species, species-reference coefficients, and local parameters named <c>reaction.parameter</c>.</summary>
    public IReadOnlyList<string> ParameterIds => Layout.ParameterIds;

    /// <summary>Gets the declared values of <see cref="ParameterIds"/> (species as amounts).</summary>
    public ReadOnlySpan<double> DefaultParameters => Layout.DefaultParameters;

    /// <inheritdoc/>
    public bool IsAutonomous { get; }

    /// <summary>Gets the mass matrix M of M·y′ = f(t, y), row-major, for the declared parameter values, or an empty span when the model is an ordinary ODE system (it has no fast reactions).</summary>
    public ReadOnlySpan<double> MassMatrix => Fast is null ? [] : _defaultMass ??= DefaultMass(Fast);

    /// <summary>Gets a value indicating whether the model is a differential–algebraic system (it has fast reactions, so <see cref="MassMatrix"/> is not empty).</summary>
    internal bool IsDifferentialAlgebraic => Fast is not null;

    /// <summary>Throws when the model is a differential–algebraic system, for analyses that treat the right-hand side as dy/dt.</summary>
    internal void RefuseDifferentialAlgebraic(string analysis)
    {
        if (IsDifferentialAlgebraic)
        {
            throw new NotSupportedException($"Model '{Network.Id}' has fast reactions (a differential–algebraic system); {analysis} treats the right-hand side as dy/dt. Simulate it with Simulator.Simulate.");
        }
    }

    /// <summary>Gets the fast reactions held at equilibrium (mass matrix, algebraic rows, directions), or null for an ODE system.</summary>
    internal FastSubsystem? Fast { get; init; }

    private double[] DefaultMass(FastSubsystem fast)
    {
        var inputs = new double[InputSymbols.Count];
        DefaultParameters.CopyTo(inputs.AsSpan(1 + Dimension));
        return fast.FillMass(inputs, new double[Dimension * Dimension], new double[fast.MassPositions.Length]);
    }

    /// <inheritdoc/>
    public bool HasJacobian => true;

    /// <summary>Gets the number of structurally non-zero Jacobian entries.</summary>
    public int JacobianNonZeros => JacobianRows.Length;

    /// <summary>Gets the positions of the entries of ∂f/∂y that can be non-zero: those whose symbolic derivative (through assignment rules and functions, simplified) is not identically zero.</summary>
    /// <remarks>
    /// Exact up to cancellation that the simplifier does not see (an entry such as <c>k·x − k·x</c> written in two
    /// reactions is listed). Stiff solvers use it to factor the Newton matrix with the sparse LU when
    /// <see cref="OdeSolverOptions.LinearSolver"/> is <see cref="LinearSolverChoice.Auto"/> and the model has at least
    /// <see cref="LinearSolverChoice.AutoSparseThreshold"/> states. The same instance is returned on every call.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no state variables.</exception>
    public SparsityPattern JacobianPattern => _jacobianPattern ?? throw new InvalidOperationException($"Model '{Network.Id}' has no state variables, so its Jacobian has no pattern.");

    /// <inheritdoc/>
    public bool HasSparseJacobian => true;

    /// <summary>Gets a value indicating whether the model has events.</summary>
    public bool HasEvents => Events.Count > 0;

    internal ModelLayout Layout { get; }

    internal SymbolResolver Resolver { get; }

    internal IReadOnlyDictionary<string, int> InputSymbols { get; }

    internal IReadOnlyList<Expr> RightHandSideExpressions { get; }

    /// <summary>Gets the right-hand side kernel; its inputs must hold current hoisted values (<see cref="ModelInstance.LoadKernelInputs"/>).</summary>
    internal ExpressionKernel RhsKernel { get; }

    /// <summary>Gets the Jacobian kernel (one output per entry of <see cref="JacobianRows"/>); its inputs must hold current hoisted values.</summary>
    internal ExpressionKernel JacobianKernel { get; }

    /// <summary>Gets the kernel that computes the parameter-only values <see cref="RhsKernel"/> and <see cref="JacobianKernel"/> read, into the input slots after the parameters (called with the input array as both arguments).</summary>
    internal ExpressionKernel PrecomputeKernel { get; }

    /// <summary>Gets the number of hoisted parameter-only values.</summary>
    internal int HoistedCount { get; }

    /// <summary>Gets the number of instructions of the kernels too large to compile to code, which are interpreted (0 for small models).</summary>
    internal int InterpretedInstructions { get; }

    internal int[] JacobianRows { get; }

    internal int[] JacobianColumns { get; }

    /// <summary>Gets, for each entry of <see cref="JacobianPattern"/> in CSR order, the kernel output that holds it, or null when the kernel's order is already the CSR order.</summary>
    internal int[]? JacobianOrder { get; }

    internal EventProgram Events { get; }

    /// <summary>Gets the compiled <c>delay(x, τ)</c> terms, or null when the model has none.</summary>
    internal DelayProgram? Delays { get; init; }

    /// <summary>Gets a value indicating whether the model reads its past (<c>delay(x, τ)</c>): a delay differential equation.</summary>
    public bool HasDelays => Delays is not null;

    /// <summary>Gets (compiling once) the derivatives ∂f_i/∂p_m of the right-hand side by the parameter vector, for forward sensitivities.</summary>
    internal SparseDerivatives ParameterJacobian => LazyInitializer.EnsureInitialized(
        ref _parameterJacobian,
        () => SparseDerivatives.Create(RightHandSideExpressions, [.. Enumerable.Range(0, ParameterIds.Count).Select(SymbolResolver.ParameterInput)], InputSymbols));

    /// <summary>Gets the position of a state variable.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or −1 if <paramref name="id"/> is not a state variable.</returns>
    public int IndexOfState(string id) => _stateIndex.GetValueOrDefault(id, -1);

    /// <summary>Gets the position of an id in the parameter vector.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or −1.</returns>
    public int IndexOfParameter(string id) => _parameterIndex.GetValueOrDefault(id, -1);

    /// <summary>Gets the right-hand side of this model for batched ensembles: every lane of a <see cref="System.Runtime.Intrinsics.Vector256{T}"/> evaluates one cell with its own parameters.</summary>
    /// <param name="functions">How exp, ln and non-literal powers are evaluated: <see cref="BatchedFunctions.ScalarIdentical"/> (default) or the faster <see cref="BatchedFunctions.VectorMath"/>.</param>
    /// <returns>A shareable batched system of dimension <see cref="Dimension"/> whose parameters are <see cref="ParameterIds"/>, in that order (start from <see cref="DefaultParameters"/>).</returns>
    /// <remarks>
    /// With <see cref="BatchedFunctions.ScalarIdentical"/>, lane j of the batched right-hand side equals <see cref="Evaluate"/>
    /// with lane j's parameters bit for bit (functions such as exp and pow are the scalar methods called per lane), so
    /// <see cref="BatchedEnsemble"/> reproduces the scalar Tsit5 integration of each cell. Compiled on the first call per
    /// choice, then cached.
    /// </remarks>
    /// <exception cref="NotSupportedException">The model has events, delays or fast reactions, which need per-step handling a batched ensemble does not do.</exception>
    public IBatchedOdeSystem CreateBatchedSystem(BatchedFunctions functions = BatchedFunctions.ScalarIdentical)
    {
        if (HasEvents || HasDelays || IsDifferentialAlgebraic)
        {
            throw new NotSupportedException($"Model '{Network.Id}' has events, delays or fast reactions; a batched ensemble solves plain ODE right-hand sides only. Simulate its cells one by one with Simulator.Simulate.");
        }

        return functions == BatchedFunctions.VectorMath
            ? LazyInitializer.EnsureInitialized(ref _batchedVectorMath, () => new BatchedModelSystem(this, BatchedFunctions.VectorMath))
            : LazyInitializer.EnsureInitialized(ref _batched, () => new BatchedModelSystem(this, BatchedFunctions.ScalarIdentical));
    }

    /// <summary>Creates the mutable per-run state: parameter values (initially the declared ones), initial-value overrides and event bookkeeping.</summary>
    /// <returns>A new instance; use one per thread.</returns>
    public ModelInstance CreateInstance() => new(this);

    /// <summary>Computes the initial state with the declared values (initial assignments and rules applied).</summary>
    /// <param name="t0">The initial time.</param>
    /// <returns>The state vector at t0.</returns>
    public double[] InitialState(double t0 = 0) => CreateInstance().ComputeInitialState(t0);

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => DefaultInstance().Evaluate(t, y, dydt);

    /// <inheritdoc/>
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => DefaultInstance().EvaluateJacobian(t, y, jacobian);

    /// <inheritdoc/>
    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values) => DefaultInstance().EvaluateSparseJacobian(t, y, values);

    /// <summary>Gets (compiling once) the program of the default report (<see cref="OutputProgram.DefaultIds"/>, species as concentrations).</summary>
    internal OutputProgram DefaultOutputs => LazyInitializer.EnsureInitialized(ref _defaultOutputs, () => Outputs(OutputProgram.DefaultIds(Network), amounts: null));

    /// <summary>Gets (compiling once) the program that computes one report quantity, looked up by its id without allocating.</summary>
    /// <param name="id">The quantity.</param>
    /// <param name="amount">Whether a species is reported as an amount rather than a concentration.</param>
    internal OutputProgram SingleOutput(string id, bool amount)
    {
        var cache = amount ? _singleAmountOutputs : _singleOutputs;
        return cache.TryGetValue(id, out var program)
            ? program
            : cache.GetOrAdd(id, static (key, arg) => arg.Model.Outputs([key], arg.Amount ? new HashSet<string>(StringComparer.Ordinal) { key } : null), (Model: this, Amount: amount));
    }

    /// <summary>Gets (compiling once) the program that computes the given report quantities.</summary>
    internal OutputProgram Outputs(IReadOnlyList<string> ids, IReadOnlySet<string>? amounts)
    {
        string key = string.Join('\u0001', ids) + "\u0002" + (amounts is null ? string.Empty : string.Join('\u0001', amounts.Order(StringComparer.Ordinal)));
        return _outputs.GetOrAdd(key, _ => OutputProgram.Create(this, ids, amounts));
    }

    /// <summary>Evaluates a compartment's current size for a run (interpreted; for rare discrete changes only).</summary>
    internal double SizeOf(ModelInstance instance, string compartment, double t, ReadOnlySpan<double> y)
    {
        var inputs = instance.LoadInputs(t, y);
        return Resolver.Symbol(compartment).Evaluate(name => inputs[InputSymbols[name]]);
    }

    private ModelInstance DefaultInstance()
    {
        // One instance per thread and model, collected with the model.
        var cache = t_defaultInstances ??= [];
        return cache.GetValue(this, model => model.CreateInstance());
    }
}
