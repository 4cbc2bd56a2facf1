using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>An explicit Runge–Kutta integrator that advances one cell per lane of <see cref="Vector256{T}"/>, each lane with its own time, step size, error control and status.</summary>
/// <remarks>
/// <para>
/// One <see cref="Round"/> tries one step in every lane: the stages are formed and f is evaluated for all lanes at once,
/// then each lane accepts or rejects its step with the scalar stepper's rules (<see cref="PiController"/>,
/// <see cref="Stepper.ClampStep(double, double, double, double, out bool)"/>, the same error norm). The vector arithmetic is
/// lane-wise and does, per lane, the operations <see cref="ExplicitRungeKuttaStepper"/> does in the same order
/// (<see cref="SparseWeights"/> sums from zero, stage by stage), so a lane reproduces the scalar integration of its cell
/// bit for bit whenever the right-hand side does. A lane whose cell ends takes the next cell of the
/// <see cref="CellDispenser"/>; its two start-up evaluations (f(t0, y0) and Hairer's initial-step probe) are made for all
/// lanes and kept only for the new ones, so the other lanes' values are untouched.
/// </para>
/// <para>Every buffer is allocated here; a warmed-up <see cref="Round"/> allocates nothing (failure messages aside). Not thread-safe: one integrator per thread.</para>
/// </remarks>
internal sealed partial class BatchedRungeKuttaIntegrator
{
    /// <summary>The number of lanes, W.</summary>
    public const int Width = 4;

    private const int AllLanes = (1 << Width) - 1;

    private readonly ButcherTableau _tableau;
    private readonly IBatchedOdeSystem _system;
    private readonly BatchedEnsembleProblem _problem;
    private readonly BatchedEnsembleSolution _solution;
    private readonly CellDispenser _cells;
    private readonly int _n;
    private readonly double _rtol;
    private readonly double[] _atol;
    private readonly Vector256<double>[] _atolVector;
    private readonly double _maxStep;
    private readonly double? _initialStep;
    private readonly long _maxSteps;
    private readonly double _endTime;
    private readonly Vector256<double>[][] _k;
    private readonly Vector256<double>[] _y;
    private readonly Vector256<double>[] _yPrevious;
    private readonly Vector256<double>[] _candidate;
    private readonly Vector256<double>[] _stage;
    private readonly Vector256<double>[] _error;
    private readonly Vector256<double>[] _probeY;
    private readonly Vector256<double>[] _probeF;
    private readonly Vector256<double>[] _parameters;
    private readonly LaneState[] _lanes = new LaneState[Width];
    private readonly double[] _laneTimes = new double[Width];
    private readonly double[] _laneSteps = new double[Width];
    private readonly double[] _laneA;
    private readonly double[] _laneB;
    private readonly double[] _laneC;
    private readonly double[] _laneParameters;
    private int _watchMask;
    private bool _exhausted;

    public BatchedRungeKuttaIntegrator(ButcherTableau tableau, BatchedEnsembleProblem problem, OdeSolverOptions options, BatchedEnsembleSolution solution, CellDispenser cells)
    {
        _tableau = tableau;
        _problem = problem;
        _system = problem.System;
        _solution = solution;
        _cells = cells;
        int n = problem.Dimension;
        _n = n;
        _rtol = options.RelativeTolerance;
        _atol = new double[n];
        _atolVector = new Vector256<double>[n];
        for (int i = 0; i < n; i++)
        {
            _atol[i] = options.AbsoluteTolerances is { } list ? list[i] : options.AbsoluteTolerance;
            _atolVector[i] = Vector256.Create(_atol[i]);
        }

        _maxStep = options.MaxStep;
        _initialStep = options.InitialStep;
        _maxSteps = options.MaxSteps;
        _endTime = problem.EndTime;
        _k = new Vector256<double>[tableau.Stages][];
        for (int i = 0; i < _k.Length; i++)
        {
            _k[i] = new Vector256<double>[n];
        }

        _y = new Vector256<double>[n];
        _yPrevious = new Vector256<double>[n];
        _candidate = new Vector256<double>[n];
        _stage = new Vector256<double>[n];
        _error = new Vector256<double>[n];
        _probeY = new Vector256<double>[n];
        _probeF = new Vector256<double>[n];
        _parameters = new Vector256<double>[_system.ParameterCount];
        _laneA = new double[n];
        _laneB = new double[n];
        _laneC = new double[n];
        _laneParameters = new double[_system.ParameterCount];
        for (int lane = 0; lane < Width; lane++)
        {
            _lanes[lane].Cell = -1;
        }
    }

    /// <summary>Gets a value indicating whether every cell has been taken and every lane is idle.</summary>
    public bool IsFinished => _exhausted && ActiveMask() == 0;

    /// <summary>Fills idle lanes with new cells, then tries one step in every busy lane.</summary>
    /// <returns>False once every cell has been taken and solved.</returns>
    public bool Round()
    {
        int fresh = Refill();
        if (fresh != 0)
        {
            StartLanes(fresh);
        }

        int stepping = PrepareSteps();
        if (stepping == 0)
        {
            return !IsFinished;
        }

        TryStep(stepping);
        return true;
    }

    /// <summary>Clamps each busy lane's step as the scalar stepper does; lanes that cannot go on end here.</summary>
    /// <returns>The mask of lanes that try a step.</returns>
    private int PrepareSteps()
    {
        int stepping = 0;
        for (int lane = 0; lane < Width; lane++)
        {
            ref var s = ref _lanes[lane];
            _laneSteps[lane] = 0;
            _laneTimes[lane] = s.T;
            if (s.Cell < 0)
            {
                continue;
            }

            if (s.AtAcceptedPoint)
            {
                if (s.Accepted + s.Rejected >= _maxSteps)
                {
                    FailMaxSteps(lane);
                    continue;
                }

                s.AtAcceptedPoint = false;
            }

            double h = Stepper.ClampStep(s.T, s.NextStep, _maxStep, _endTime, out bool hitsLimit);
            if ((!hitsLimit || !(h > 0)) && Stepper.IsTooSmall(s.T, h))
            {
                FailStepTooSmall(lane, h);
                continue;
            }

            s.Step = h;
            s.TNew = hitsLimit ? _endTime : s.T + h;
            _laneSteps[lane] = h;
            stepping |= 1 << lane;
        }

        return stepping;
    }

    /// <summary>One step attempt in every lane of <paramref name="stepping"/> (Hairer–Nørsett–Wanner I, II.4), then each lane's accept/reject.</summary>
    private void TryStep(int stepping)
    {
        var tableau = _tableau;
        var rows = tableau.ARows;
        var c = tableau.C;
        var k = _k;
        int s = tableau.Stages;
        var h = Vector256.Create<double>(_laneSteps);
        var t = Vector256.Create<double>(_laneTimes);

        // FSAL: the last stage's argument is the new solution itself.
        for (int i = 1; i < s; i++)
        {
            var argument = i == s - 1 ? _candidate : _stage;
            Combine(rows[i], _y, h, k, argument);
            Evaluate(t + (Vector256.Create(c[i]) * h), argument, k[i], stepping);
        }

        Sum(tableau.ERow, k, h, _error);
        var norm = ErrorNorms();
        int accepted = 0;
        for (int lane = 0; lane < Width; lane++)
        {
            if (((stepping >> lane) & 1) == 0)
            {
                continue;
            }

            ref var st = ref _lanes[lane];
            double err = norm.GetElement(lane);
            if (err <= 1.0)
            {
                st.NextStep = st.Controller.Accepted(st.Step, err, st.PreviousRejected);
                st.PreviousRejected = false;
                st.TPrevious = st.T;
                st.T = st.TNew;
                st.Accepted++;
                st.NonFiniteTime = double.NaN;
                st.AtAcceptedPoint = true;
                accepted |= 1 << lane;
                continue;
            }

            st.Rejected++;
            st.PreviousRejected = true;
            if (!double.IsFinite(err))
            {
                _watchMask |= 1 << lane;
            }

            st.NextStep = st.Controller.Rejected(st.Step, err);
        }

        if (accepted != 0)
        {
            AcceptLanes(accepted);
        }
    }

    /// <summary>Moves the accepted lanes to their new point, records their outputs and reuses their last stage as the next first stage.</summary>
    private void AcceptLanes(int accepted)
    {
        var mask = LaneMask(accepted);
        var k0 = _k[0];
        var kLast = _k[_tableau.Stages - 1];
        for (int i = 0; i < _n; i++)
        {
            _yPrevious[i] = Vector256.ConditionalSelect(mask, _y[i], _yPrevious[i]);
            _y[i] = Vector256.ConditionalSelect(mask, _candidate[i], _y[i]);
        }

        for (int lane = 0; lane < Width; lane++)
        {
            if (((accepted >> lane) & 1) != 0)
            {
                RecordOutputs(lane);
            }
        }

        // Dense output above still needed the step's k_0; only now does the FSAL stage take its place.
        for (int i = 0; i < _n; i++)
        {
            k0[i] = Vector256.ConditionalSelect(mask, kLast[i], k0[i]);
        }

        for (int lane = 0; lane < Width; lane++)
        {
            if (((accepted >> lane) & 1) != 0 && _lanes[lane].T >= _endTime)
            {
                Finish(lane, SolverStatus.Success, null);
            }
        }
    }

    /// <summary>Per lane, sqrt(mean((e_i / max(atol_i + rtol·max(|y_i|, |ŷ_i|), floor))²)): <see cref="ErrorNorm.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> lane-wise, same operations in the same order.</summary>
    private Vector256<double> ErrorNorms()
    {
        var rtol = Vector256.Create(_rtol);
        var floor = Vector256.Create(ErrorNorm.ScaleFloor);
        var sum = Vector256<double>.Zero;
        for (int i = 0; i < _n; i++)
        {
            var scale = Vector256.Max(_atolVector[i] + (rtol * Vector256.Max(Vector256.Abs(_y[i]), Vector256.Abs(_candidate[i]))), floor);
            var r = _error[i] / scale;
            sum += r * r;
        }

        return Vector256.Sqrt(sum / Vector256.Create((double)_n));
    }

    private void Evaluate(Vector256<double> t, Vector256<double>[] y, Vector256<double>[] dydt, int lanes)
    {
        _system.Evaluate(t, y, _parameters, dydt);
        for (int lane = 0; lane < Width; lane++)
        {
            if (((lanes >> lane) & 1) != 0)
            {
                _lanes[lane].Rhs++;
            }
        }

        if ((_watchMask & lanes) != 0)
        {
            WatchNonFinite(t, y, dydt, _watchMask & lanes);
        }
    }

    /// <summary>destination = y + h Σ_j w_j k_j, lane-wise, as <see cref="SparseWeights.Combine"/> per component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine(SparseWeights row, Vector256<double>[] y, Vector256<double> h, Vector256<double>[][] k, Vector256<double>[] destination)
    {
        var stages = row.Stages;
        var weights = row.Weights;
        for (int i = 0; i < destination.Length; i++)
        {
            var sum = Vector256<double>.Zero;
            for (int t = 0; t < stages.Length; t++)
            {
                sum += weights[t] * k[stages[t]][i];
            }

            destination[i] = y[i] + (h * sum);
        }
    }

    /// <summary>destination = h Σ_j w_j k_j, lane-wise, as <see cref="SparseWeights.Sum"/> per component.</summary>
    private static void Sum(SparseWeights row, Vector256<double>[][] k, Vector256<double> h, Vector256<double>[] destination)
    {
        var stages = row.Stages;
        var weights = row.Weights;
        for (int i = 0; i < destination.Length; i++)
        {
            var sum = Vector256<double>.Zero;
            for (int t = 0; t < stages.Length; t++)
            {
                sum += weights[t] * k[stages[t]][i];
            }

            destination[i] = h * sum;
        }
    }

    private static Vector256<double> LaneMask(int lanes) =>
        Vector256.Create(-(long)(lanes & 1), -(long)((lanes >> 1) & 1), -(long)((lanes >> 2) & 1), -(long)((lanes >> 3) & 1)).AsDouble();

    private static Span<double> Flat(Vector256<double>[] vectors) => MemoryMarshal.Cast<Vector256<double>, double>(vectors.AsSpan());

    private int ActiveMask()
    {
        int mask = 0;
        for (int lane = 0; lane < Width; lane++)
        {
            if (_lanes[lane].Cell >= 0)
            {
                mask |= 1 << lane;
            }
        }

        return mask;
    }
}
