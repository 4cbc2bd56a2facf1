using System.Globalization;
using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Ode.StepControl;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>Lane bookkeeping: taking a cell, starting it, recording its outputs and ending it.</summary>
internal sealed partial class BatchedRungeKuttaIntegrator
{
    /// <summary>Gives every idle lane the next cell.</summary>
    /// <returns>The mask of lanes that took a cell.</returns>
    private int Refill()
    {
        int fresh = 0;
        for (int lane = 0; lane < Width && !_exhausted; lane++)
        {
            if (_lanes[lane].Cell >= 0)
            {
                continue;
            }

            if (!_cells.TryTake(out int cell))
            {
                _exhausted = true;
                break;
            }

            if (TakeCell(lane, cell))
            {
                fresh |= 1 << lane;
            }
        }

        return fresh;
    }

    /// <summary>Loads a cell's initial state and parameters into a lane.</summary>
    /// <returns>False when the initial state is not finite (the cell then ends at once).</returns>
    private bool TakeCell(int lane, int cell)
    {
        double t0 = _problem.StartTime;
        _laneA.AsSpan().Clear();
        _laneParameters.AsSpan().Clear();
        _problem.Setup(cell, _laneA, _laneParameters);
        _solution.StatesOf(cell).Fill(double.NaN);
        ref var s = ref _lanes[lane];
        s = default;
        s.Cell = cell;
        s.T = t0;
        s.TPrevious = t0;
        s.NonFiniteTime = double.NaN;
        s.Controller = new PiController(_tableau.EmbeddedOrder, beta: _tableau.Order >= 5 ? 0.04 : 0.0);
        _watchMask &= ~(1 << lane);
        SetLane(_y, lane, _laneA);
        SetLane(_yPrevious, lane, _laneA);
        var parameters = Flat(_parameters);
        for (int m = 0; m < _laneParameters.Length; m++)
        {
            parameters[(m * Width) + lane] = _laneParameters[m];
        }

        for (int i = 0; i < _n; i++)
        {
            if (!double.IsFinite(_laneA[i]))
            {
                Finish(lane, SolverStatus.NonFiniteState, string.Create(CultureInfo.InvariantCulture, $"The initial state of cell {cell} is not finite: component {i} = {_laneA[i]}."));
                return false;
            }
        }

        return true;
    }

    /// <summary>f(t0, y0) and the first step size of new lanes, evaluated for all lanes and kept for the new ones only.</summary>
    private void StartLanes(int fresh)
    {
        var mask = LaneMask(fresh);
        var t = Vector256.Create<double>(LaneTimes());
        var f = _probeF;
        var k0 = _k[0];
        Evaluate(t, _y, f, fresh);
        for (int i = 0; i < _n; i++)
        {
            k0[i] = Vector256.ConditionalSelect(mask, f[i], k0[i]);
        }

        int probing = 0;
        for (int lane = 0; lane < Width; lane++)
        {
            if (((fresh >> lane) & 1) == 0)
            {
                continue;
            }

            ref var s = ref _lanes[lane];
            GetLane(k0, lane, _laneB);
            int bad = FirstNonFinite(_laneB);
            if (bad >= 0)
            {
                Finish(lane, SolverStatus.NonFiniteState, string.Create(CultureInfo.InvariantCulture, $"The right-hand side is not finite at t = {s.T:G10}: component {bad} = {_laneB[bad]}."));
                continue;
            }

            RecordOutputsAtStart(lane);
            s.AtAcceptedPoint = true;
            if (_initialStep is double h)
            {
                s.NextStep = h;
                continue;
            }

            // Hairer's HINIT, first half, per lane; the probe evaluation below serves every new lane at once.
            GetLane(_y, lane, _laneA);
            _laneSteps[lane] = InitialStep.FirstGuess(s.T, _laneA, _laneB, _maxStep, _atol, _rtol, out double d1, out double lowest);
            s.ProbeNorm = d1;
            s.ProbeLowest = lowest;
            probing |= 1 << lane;
        }

        if (probing != 0)
        {
            ProbeInitialSteps(probing);
        }
    }

    /// <summary>The second half of HINIT for the lanes of <paramref name="probing"/>: f at (t0 + h0, y0 + h0·f0).</summary>
    private void ProbeInitialSteps(int probing)
    {
        var h0 = Vector256.Create<double>(MaskedSteps(probing));
        var t = Vector256.Create<double>(LaneTimes());
        var k0 = _k[0];
        for (int i = 0; i < _n; i++)
        {
            _probeY[i] = _y[i] + (h0 * k0[i]);
        }

        Evaluate(t + h0, _probeY, _probeF, probing);
        for (int i = 0; i < _n; i++)
        {
            _probeF[i] -= k0[i];
        }

        for (int lane = 0; lane < Width; lane++)
        {
            if (((probing >> lane) & 1) == 0)
            {
                continue;
            }

            ref var s = ref _lanes[lane];
            GetLane(_y, lane, _laneA);
            GetLane(_probeF, lane, _laneB);
            s.NextStep = InitialStep.Refine(_laneSteps[lane], s.ProbeNorm, ErrorNorm.Compute(_laneB, _laneA, _atol, _rtol), s.ProbeLowest, _tableau.Order, _maxStep);
        }
    }

    /// <summary>Records the output times up to the lane's new point: interpolated inside the step, the state itself at its end (as the scalar recorder does).</summary>
    private void RecordOutputs(int lane)
    {
        ref var s = ref _lanes[lane];
        var times = _solution.OutputTimesSpan;
        if (s.NextOutput >= times.Length || times[s.NextOutput] > s.T)
        {
            return;
        }

        var rows = _solution.StatesOf(s.Cell);
        var dense = _tableau.DenseRows;
        int degree = dense.Length;
        double dt = s.T - s.TPrevious;
        var k = _k;
        var yPrevious = Flat(_yPrevious);
        var y = Flat(_y);
        while (s.NextOutput < times.Length && times[s.NextOutput] <= s.T)
        {
            double tOut = times[s.NextOutput];
            var row = rows.Slice(s.NextOutput * _n, _n);
            if (dt == 0 || tOut == s.T)
            {
                for (int i = 0; i < _n; i++)
                {
                    row[i] = y[(i * Width) + lane];
                }
            }
            else
            {
                // Horner over c_0 = y_prev, c_m = Δt · Σ_j B_jm k_j (Stepper.Interpolate with the coefficients of BuildDense).
                double theta = (tOut - s.TPrevious) / dt;
                for (int i = 0; i < _n; i++)
                {
                    double value = DenseCoefficient(dense[degree - 1], k, i, lane, dt);
                    for (int j = degree - 2; j >= 0; j--)
                    {
                        value = (value * theta) + DenseCoefficient(dense[j], k, i, lane, dt);
                    }

                    row[i] = (value * theta) + yPrevious[(i * Width) + lane];
                }
            }

            s.NextOutput++;
        }
    }

    private void RecordOutputsAtStart(int lane)
    {
        ref var s = ref _lanes[lane];
        var times = _solution.OutputTimesSpan;
        var rows = _solution.StatesOf(s.Cell);
        while (s.NextOutput < times.Length && times[s.NextOutput] <= s.T)
        {
            GetLane(_y, lane, rows.Slice(s.NextOutput * _n, _n));
            s.NextOutput++;
        }
    }

    private static double DenseCoefficient(ExplicitRungeKutta.SparseWeights weights, Vector256<double>[][] k, int i, int lane, double dt)
    {
        var stages = weights.Stages;
        var w = weights.Weights;
        double sum = 0;
        for (int t = 0; t < stages.Length; t++)
        {
            sum += w[t] * k[stages[t]][i].GetElement(lane);
        }

        return dt * sum;
    }

    /// <summary>Ends the cell of a lane: its status, final point and work go to the solution, and the lane becomes idle.</summary>
    private void Finish(int lane, SolverStatus status, string? message)
    {
        ref var s = ref _lanes[lane];
        GetLane(_y, lane, _laneC);
        _solution.Complete(s.Cell, status, message, s.T, _laneC, s.Rhs, s.Accepted, s.Rejected);
        s.Cell = -1;
        _watchMask &= ~(1 << lane);
    }

    private void FailMaxSteps(int lane)
    {
        ref var s = ref _lanes[lane];
        Finish(lane, SolverStatus.MaxStepsExceeded, string.Create(CultureInfo.InvariantCulture, $"MaxSteps ({_maxSteps}) reached at t = {s.T:G10} with step size {s.NextStep:G3}; raise OdeSolverOptions.MaxSteps or use a stiff solver."));
    }

    /// <summary>The scalar stepper's FailStepTooSmall for one lane: NonFiniteState when f was seen to be NaN/Inf at a finite state, else StepSizeTooSmall naming the worst component.</summary>
    private void FailStepTooSmall(int lane, double h)
    {
        ref var s = ref _lanes[lane];
        if (!double.IsNaN(s.NonFiniteTime))
        {
            Finish(lane, SolverStatus.NonFiniteState, string.Create(CultureInfo.InvariantCulture, $"The right-hand side is not finite at t = {s.NonFiniteTime:G17}: component {s.NonFiniteComponent} = {s.NonFiniteValue} although the state is finite; the step was reduced to {h:G3} at t = {s.T:G17} without avoiding it."));
            return;
        }

        GetLane(_error, lane, _laneA);
        GetLane(_y, lane, _laneB);
        GetLane(_candidate, lane, _laneC);
        int worst = ErrorNorm.WorstComponent(_laneA, _laneB, _laneC, _atol, _rtol);
        Finish(lane, SolverStatus.StepSizeTooSmall, string.Create(CultureInfo.InvariantCulture, $"Step size {h:G3} at t = {s.T:G10} is too small to continue (repeated error-test failures); worst component y[{worst}] = {_laneB[worst]:G6}."));
    }

    /// <summary>Notes, per watched lane, where f is NaN/Inf although the state is finite (Stepper.WatchNonFinite per lane).</summary>
    private void WatchNonFinite(Vector256<double> t, Vector256<double>[] y, Vector256<double>[] dydt, int lanes)
    {
        var ys = Flat(y);
        var fs = Flat(dydt);
        for (int lane = 0; lane < Width; lane++)
        {
            if (((lanes >> lane) & 1) == 0)
            {
                continue;
            }

            for (int i = 0; i < _n; i++)
            {
                double value = fs[(i * Width) + lane];
                if (double.IsFinite(value))
                {
                    continue;
                }

                bool stateFinite = true;
                for (int j = 0; j < _n && stateFinite; j++)
                {
                    stateFinite = double.IsFinite(ys[(j * Width) + lane]);
                }

                if (stateFinite)
                {
                    ref var s = ref _lanes[lane];
                    s.NonFiniteTime = t.GetElement(lane);
                    s.NonFiniteComponent = i;
                    s.NonFiniteValue = value;
                }

                break;
            }
        }
    }

    private double[] LaneTimes()
    {
        for (int lane = 0; lane < Width; lane++)
        {
            _laneTimes[lane] = _lanes[lane].T;
        }

        return _laneTimes;
    }

    private double[] MaskedSteps(int lanes)
    {
        for (int lane = 0; lane < Width; lane++)
        {
            if (((lanes >> lane) & 1) == 0)
            {
                _laneSteps[lane] = 0;
            }
        }

        return _laneSteps;
    }

    private static int FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void GetLane(Vector256<double>[] vectors, int lane, Span<double> destination)
    {
        var flat = Flat(vectors);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = flat[(i * Width) + lane];
        }
    }

    private static void SetLane(Vector256<double>[] vectors, int lane, ReadOnlySpan<double> values)
    {
        var flat = Flat(vectors);
        for (int i = 0; i < values.Length; i++)
        {
            flat[(i * Width) + lane] = values[i];
        }
    }
}
