using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>A cell model replicated over the cells of a <see cref="CellTopology"/>, with chosen species exchanged between neighbours: one large sparse ODE system.</summary>
/// <remarks>
/// <para>
/// State (cell c, variable r of the cell model) has index c·n + r, n = <see cref="StatesPerCell"/>. Each cell
/// evaluates the compiled cell model with its own parameter values (<see cref="SetCellParameter"/>); each edge of
/// weight w adds D·w·(x_j − x_i) to d x_i/dt and the opposite to d x_j/dt for every coupled variable x with
/// coefficient D (<see cref="SpeciesCoupling"/>).
/// </para>
/// <para>
/// The Jacobian pattern is exact and block-structured: every cell's symbolic pattern
/// (<see cref="CompiledModel.JacobianPattern"/>) on the diagonal blocks plus the exchange entries. The sparse
/// Jacobian is analytic, so stiff solvers factor the Newton matrix with the sparse LU under
/// <see cref="LinearSolverChoice.Auto"/> once the system has <see cref="LinearSolverChoice.AutoSparseThreshold"/>
/// states. Evaluations allocate nothing. Cell models with events are not supported.
/// </para>
/// <para>Not thread-safe: use one system per integration and thread.</para>
/// </remarks>
/// <example>
/// <code>
/// var cell = ModelCompiler.Compile(AntimonyReader.Read("compartment c = 1; species u in c = 0; J: -> u; u*(1 - u)*(u - 0.25)", "nagumo"));
/// var tissue = new TissueSystem(cell, CellTopology.Line(200, 0.5), [new SpeciesCoupling("u", 1.0)]);
/// </code>
/// </example>
public sealed class TissueSystem : ISparseOdeSystem
{
    private readonly ModelInstance _shared;
    private readonly ModelInstance?[] _own;
    private readonly int _n;
    private readonly int[] _coupledStates;
    private readonly double[] _coefficients;
    private readonly int[] _edgeFirst;
    private readonly int[] _edgeSecond;
    private readonly double[] _edgeWeight;
    private readonly TissueJacobianLayout _layout;
    private readonly double[] _cellJacobian;

    /// <summary>Initialises a tissue.</summary>
    /// <param name="cell">The compiled cell model (at least one state variable, no events).</param>
    /// <param name="topology">The cells and their links.</param>
    /// <param name="couplings">The exchanged state variables, each at most once.</param>
    /// <exception cref="ArgumentException">The cell model has no states or has events, or a coupling names an unknown or repeated state variable or has a negative or non-finite coefficient.</exception>
    /// <exception cref="NotSupportedException">The model reads its past (<see cref="CompiledModel.HasDelays"/>) or has fast reactions (<see cref="CompiledModel.MassMatrix"/>).</exception>
    public TissueSystem(CompiledModel cell, CellTopology topology, IEnumerable<SpeciesCoupling> couplings)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(couplings);

        if (cell.HasDelays)
        {
            throw new NotSupportedException($"Model '{cell.Network.Id}' reads its past (delay); a tissue of such cells does not keep a history. Simulate it with Simulator.Simulate.");
        }

        cell.RefuseDifferentialAlgebraic("a tissue of coupled cells");
        if (cell.Dimension == 0 || cell.HasEvents)
        {
            throw new ArgumentException($"The cell model '{cell.Network.Id}' must have state variables and no events.", nameof(cell));
        }

        Cell = cell;
        Topology = topology;
        Couplings = [.. couplings];
        _n = cell.Dimension;
        _coupledStates = new int[Couplings.Count];
        _coefficients = new double[Couplings.Count];
        for (int q = 0; q < Couplings.Count; q++)
        {
            var coupling = Couplings[q] ?? throw new ArgumentException("A coupling is null.", nameof(couplings));
            int index = cell.IndexOfState(coupling.StateId);
            if (index < 0 || Array.IndexOf(_coupledStates, index, 0, q) >= 0 || !(coupling.Coefficient >= 0) || double.IsInfinity(coupling.Coefficient))
            {
                throw new ArgumentException($"Coupling '{coupling.StateId}' must name a state variable of '{cell.Network.Id}' once, with a non-negative finite coefficient.", nameof(couplings));
            }

            _coupledStates[q] = index;
            _coefficients[q] = coupling.Coefficient;
        }

        var edges = topology.Edges;
        _edgeFirst = [.. edges.Select(e => e.First)];
        _edgeSecond = [.. edges.Select(e => e.Second)];
        _edgeWeight = [.. edges.Select(e => e.Weight)];
        _shared = cell.CreateInstance();
        _own = new ModelInstance?[topology.CellCount];
        _layout = TissueJacobianLayout.Build(cell.JacobianPattern, topology.CellCount, edges, _coupledStates);
        _cellJacobian = new double[cell.JacobianPattern.NonZeros];
    }

    /// <summary>Gets the cell model.</summary>
    public CompiledModel Cell { get; }

    /// <summary>Gets the cells and their links.</summary>
    public CellTopology Topology { get; }

    /// <summary>Gets the exchanged state variables.</summary>
    public IReadOnlyList<SpeciesCoupling> Couplings { get; }

    /// <summary>Gets the number of cells.</summary>
    public int CellCount => Topology.CellCount;

    /// <summary>Gets the number of state variables of one cell, n.</summary>
    public int StatesPerCell => _n;

    /// <inheritdoc/>
    public int Dimension => CellCount * _n;

    /// <inheritdoc/>
    public bool IsAutonomous => Cell.IsAutonomous;

    /// <inheritdoc/>
    public SparsityPattern JacobianPattern => _layout.Pattern;

    /// <inheritdoc/>
    public bool HasSparseJacobian => true;

    /// <summary>Gets the index in the tissue's state vector of a variable of one cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="stateId">A state variable of the cell model.</param>
    /// <returns>c·n + r.</returns>
    /// <exception cref="ArgumentException"><paramref name="stateId"/> is not a state variable of the cell model.</exception>
    public int IndexOf(int cell, string stateId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, CellCount);
        int r = Cell.IndexOfState(stateId);
        return r < 0 ? throw new ArgumentException($"'{stateId}' is not a state variable of '{Cell.Network.Id}'.", nameof(stateId)) : (cell * _n) + r;
    }

    /// <summary>Sets a parameter (as <see cref="ModelInstance.SetParameter"/>) in one cell only, making the tissue heterogeneous.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value in this cell.</param>
    public void SetCellParameter(int cell, string id, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, CellCount);
        (_own[cell] ??= Cell.CreateInstance()).SetParameter(id, value);
    }

    /// <summary>Gets the value of a parameter in one cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="id">The parameter id.</param>
    /// <returns>The value in this cell.</returns>
    public double GetCellParameter(int cell, string id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, CellCount);
        return InstanceOf(cell).GetParameter(id);
    }

    /// <summary>Computes the initial state of every cell with its own parameter values (initial assignments and rules applied).</summary>
    /// <param name="t0">The initial time.</param>
    /// <returns>The tissue's state vector; change entries (<see cref="IndexOf"/>) to seed a pattern.</returns>
    public double[] InitialState(double t0 = 0)
    {
        var state = new double[Dimension];
        var shared = _shared.ComputeInitialState(t0);
        for (int c = 0; c < CellCount; c++)
        {
            (_own[c] is { } own ? own.ComputeInitialState(t0) : shared).CopyTo(state, c * _n);
        }

        return state;
    }

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        for (int c = 0; c < CellCount; c++)
        {
            InstanceOf(c).Evaluate(t, y.Slice(c * _n, _n), dydt.Slice(c * _n, _n));
        }

        for (int e = 0; e < _edgeFirst.Length; e++)
        {
            int first = _edgeFirst[e] * _n;
            int second = _edgeSecond[e] * _n;
            for (int q = 0; q < _coupledStates.Length; q++)
            {
                int i = first + _coupledStates[q];
                int j = second + _coupledStates[q];
                double flux = _coefficients[q] * _edgeWeight[e] * (y[j] - y[i]);
                dydt[i] += flux;
                dydt[j] -= flux;
            }
        }
    }

    /// <inheritdoc/>
    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
    {
        values.Clear();
        int cellNonZeros = _cellJacobian.Length;
        var cellEntries = _layout.CellEntries;
        for (int c = 0; c < CellCount; c++)
        {
            InstanceOf(c).EvaluateSparseJacobian(t, y.Slice(c * _n, _n), _cellJacobian);
            int at = c * cellNonZeros;
            for (int k = 0; k < cellNonZeros; k++)
            {
                values[cellEntries[at + k]] = _cellJacobian[k];
            }
        }

        var exchange = _layout.ExchangeEntries;
        for (int e = 0; e < _edgeFirst.Length; e++)
        {
            for (int q = 0; q < _coupledStates.Length; q++)
            {
                double rate = _coefficients[q] * _edgeWeight[e];
                int at = 4 * ((e * _coupledStates.Length) + q);
                values[exchange[at]] -= rate;
                values[exchange[at + 1]] += rate;
                values[exchange[at + 2]] -= rate;
                values[exchange[at + 3]] += rate;
            }
        }
    }

    /// <summary>Integrates the tissue and records every state at the output times.</summary>
    /// <param name="initialState">The state at the first output time (see <see cref="InitialState"/>).</param>
    /// <param name="outputTimes">At least two increasing times; the first is the start, the last the end.</param>
    /// <param name="solver">The solver; BDF by default (reaction–diffusion systems are stiff).</param>
    /// <param name="options">Tolerances and the linear solver; <see cref="OdeSolverOptions.OutputTimes"/> is replaced by <paramref name="outputTimes"/>.</param>
    /// <param name="cancellationToken">Cancels the integration.</param>
    /// <returns>The states per cell over time.</returns>
    public TissueResult Simulate(ReadOnlySpan<double> initialState, IReadOnlyList<double> outputTimes, IOdeSolver? solver = null, OdeSolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputTimes);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputTimes.Count, 2, nameof(outputTimes));
        var problem = new OdeProblem(this, outputTimes[0], outputTimes[^1], initialState);
        var settings = (options ?? OdeSolverOptions.Default) with { OutputTimes = outputTimes };
        var solution = Ode.Ode.Solve(problem, solver ?? OdeSolvers.Bdf, settings, cancellationToken);
        return new TissueResult(this, solution);
    }

    private ModelInstance InstanceOf(int cell) => _own[cell] ?? _shared;

    /// <summary>Gets the model instance of one cell, giving the cell its own instance first (as <see cref="SetCellParameter"/> does), for inputs applied to a cell's run set-up.</summary>
    internal ModelInstance OwnInstanceOf(int cell) => _own[cell] ??= Cell.CreateInstance();
}
