using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Computes readouts while a run proceeds, from every recorded point and the solver's interpolant of each step; nothing is stored per step.</summary>
/// <remarks>
/// <para>
/// The caller reports every point with <see cref="Point"/>: each step end (after <see cref="OdeIntegrator.Step"/>),
/// and the states just before and just after every event (from wrapped event actions, which run while
/// the interpolant of the step that led there is still live). So each call with t greater than the
/// previous one closes a segment on which <see cref="OdeIntegrator.Interpolate"/> is valid; a call at
/// the same time is a jump.
/// </para>
/// <para>
/// Areas use 3-point Gauss–Legendre quadrature per segment (exact for polynomials of degree ≤ 5, hence
/// for quantities linear in the state on any interpolant used by the solvers here). Extrema take the
/// segment ends and the Gauss nodes and, when an interior node beats the running extremum, refine it by
/// successive parabolic interpolation (Brent, Algorithms for Minimization without Derivatives, ch. 5).
/// Not thread-safe; one per evaluator.
/// </para>
/// </remarks>
internal sealed class TrajectoryProbe
{
    private const int RefinementSteps = 4;
    private static readonly double GaussOffset = Math.Sqrt(0.6);

    private readonly OutputProgram _program;
    private readonly Readout[] _readouts;
    private readonly int[] _column;
    private readonly int[] _valueReadouts;
    private readonly double[] _valueTimes;
    private readonly WindowGroup[] _groups;
    private readonly double[] _state;
    private readonly double[] _row;
    private readonly double[] _lastRow;
    private readonly double[] _scratch;
    private readonly double[][] _nodes;
    private readonly double[] _results;
    private ModelInstance? _instance;
    private OdeIntegrator? _integrator;
    private bool _started;
    private double _lastT;
    private int _nextValue;

    public TrajectoryProbe(CompiledModel model, IReadOnlyList<Readout> readouts, IReadOnlyList<string> quantities)
    {
        _program = model.Outputs(quantities, amounts: null);
        _readouts = [.. readouts];
        _column = [.. readouts.Select(r => AnalysisChecks.IndexOf(quantities, r.Quantity))];
        var values = Enumerable.Range(0, _readouts.Length).Where(r => _readouts[r] is ValueAtReadout).OrderBy(r => ((ValueAtReadout)_readouts[r]).Time).ToArray();
        _valueReadouts = values;
        _valueTimes = [.. values.Select(r => ((ValueAtReadout)_readouts[r]).Time)];
        _groups = [.. Enumerable.Range(0, _readouts.Length)
            .Where(r => _readouts[r] is AreaReadout or ExtremumReadout)
            .GroupBy(r => WindowOf(_readouts[r]))
            .Select(g => new WindowGroup(g.Key.From, g.Key.To, [.. g]))];
        _state = new double[model.Dimension];
        _row = new double[quantities.Count];
        _lastRow = new double[quantities.Count];
        _scratch = new double[quantities.Count];
        _nodes = [new double[quantities.Count], new double[quantities.Count], new double[quantities.Count]];
        _results = new double[_readouts.Length];
    }

    /// <summary>Gets the time of the last point reported.</summary>
    public double LastTime => _started ? _lastT : double.NegativeInfinity;

    /// <summary>Prepares a run: forgets the previous one.</summary>
    public void Begin(ModelInstance instance)
    {
        _instance = instance;
        _integrator = null;
        _started = false;
        _nextValue = 0;
        for (int r = 0; r < _readouts.Length; r++)
        {
            _results[r] = _readouts[r] switch
            {
                AreaReadout => 0.0,
                ExtremumReadout e => e.IsMaximum ? double.NegativeInfinity : double.PositiveInfinity,
                _ => double.NaN,
            };
        }
    }

    /// <summary>Gives the probe the run's integrator, once created (its constructor already reports t0).</summary>
    public void Attach(OdeIntegrator integrator) => _integrator = integrator;

    /// <summary>Writes the readouts of a finished run; crossing times come from the integrator's marker events.</summary>
    public void Finish(OdeIntegrator integrator, string markerPrefix, Span<double> outputs)
    {
        for (int r = 0; r < _readouts.Length; r++)
        {
            double value = _results[r];
            outputs[r] = _readouts[r] is ExtremumReadout && double.IsInfinity(value) ? double.NaN : value;
        }

        // Values at times the run did not reach stay NaN; a value at the last time reached is the last one set.
        var occurrences = integrator.EventOccurrences;
        for (int k = occurrences.Count - 1; k >= 0; k--)
        {
            var occurrence = occurrences[k];
            if (!occurrence.IsTimeEvent && occurrence.Name.StartsWith(markerPrefix, StringComparison.Ordinal))
            {
                int r = int.Parse(occurrence.Name.AsSpan(markerPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
                outputs[r] = occurrence.Time;
            }
        }
    }

    private static (double From, double To) WindowOf(Readout readout) => readout switch
    {
        AreaReadout a => (a.From, a.To),
        ExtremumReadout e => (e.From, e.To),
        _ => (double.NegativeInfinity, double.PositiveInfinity),
    };

    /// <summary>Takes the next point of the run: a step end, or the state just before or after an event (t not before the previous point).</summary>
    public void Point(double t, ReadOnlySpan<double> y)
    {
        Evaluate(t, y, _row);

        // The point itself first, so that a segment's interior is refined only if it beats both ends.
        foreach (var group in _groups)
        {
            if (t >= group.From && t <= group.To)
            {
                UpdateExtrema(group, _row);
            }
        }

        if (_started && t > _lastT)
        {
            bool dense = _integrator is not null && _integrator.PreviousTime <= _lastT && t <= _integrator.Time;
            ValuesInside(t, dense);
            foreach (var group in _groups)
            {
                Segment(group, _lastT, t, dense);
            }
        }

        // Values due now; a later point at the same time (after an event) overwrites them.
        for (int j = _nextValue; j < _valueTimes.Length && _valueTimes[j] == t; j++)
        {
            _results[_valueReadouts[j]] = _row[_column[_valueReadouts[j]]];
        }

        _started = true;
        _lastT = t;
        _row.CopyTo(_lastRow, 0);
    }

    private void ValuesInside(double t, bool dense)
    {
        while (_nextValue < _valueTimes.Length && _valueTimes[_nextValue] < t)
        {
            double tau = _valueTimes[_nextValue];
            if (tau > _lastT)
            {
                At(tau, dense, t, _scratch);
                int r = _valueReadouts[_nextValue];
                _results[r] = _scratch[_column[r]];
            }

            _nextValue++;
        }
    }

    private void Segment(WindowGroup group, double a, double b, bool dense)
    {
        double s = Math.Max(a, group.From);
        double e = Math.Min(b, group.To);
        if (!(e > s))
        {
            return;
        }

        double mid = 0.5 * (s + e);
        double half = 0.5 * (e - s);
        At(mid - (GaussOffset * half), dense, b, _nodes[0]);
        At(mid, dense, b, _nodes[1]);
        At(mid + (GaussOffset * half), dense, b, _nodes[2]);
        foreach (int r in group.Readouts)
        {
            int c = _column[r];
            if (_readouts[r] is AreaReadout)
            {
                _results[r] += half * (((5.0 / 9.0) * (_nodes[0][c] + _nodes[2][c])) + ((8.0 / 9.0) * _nodes[1][c]));
            }
        }

        // A window that starts or ends inside the segment contributes its edge values to the extrema.
        if (s > a)
        {
            At(s, dense, b, _scratch);
            UpdateExtrema(group, _scratch);
        }

        if (e < b)
        {
            At(e, dense, b, _scratch);
            UpdateExtrema(group, _scratch);
        }

        for (int k = 0; k < 3; k++)
        {
            UpdateExtrema(group, _nodes[k]);
        }

        if (dense)
        {
            RefineExtrema(group, s, e, half);
        }
    }

    private void UpdateExtrema(WindowGroup group, double[] row)
    {
        foreach (int r in group.Readouts)
        {
            if (_readouts[r] is ExtremumReadout extremum)
            {
                double v = row[_column[r]];
                _results[r] = extremum.IsMaximum ? Math.Max(_results[r], v) : Math.Min(_results[r], v);
            }
        }
    }

    private void RefineExtrema(WindowGroup group, double s, double e, double half)
    {
        foreach (int r in group.Readouts)
        {
            if (_readouts[r] is not ExtremumReadout extremum)
            {
                continue;
            }

            // Only an interior node that equals the running extremum can hide a better value nearby.
            int c = _column[r];
            double sign = extremum.IsMaximum ? 1 : -1;
            int best = -1;
            for (int k = 0; k < 3; k++)
            {
                if (_nodes[k][c] == _results[r])
                {
                    best = k;
                }
            }

            if (best < 0)
            {
                continue;
            }

            double mid = 0.5 * (s + e);
            Span<double> x = [s, mid - (GaussOffset * half), mid, mid + (GaussOffset * half), e];
            double x0 = x[best], x1 = x[best + 1], x2 = x[best + 2];
            double f0 = sign * ValueOf(x0, c), f1 = sign * _nodes[best][c], f2 = sign * ValueOf(x2, c);
            for (int step = 0; step < RefinementSteps; step++)
            {
                double p = ((x1 - x0) * (x1 - x0) * (f1 - f2)) - ((x1 - x2) * (x1 - x2) * (f1 - f0));
                double q = ((x1 - x0) * (f1 - f2)) - ((x1 - x2) * (f1 - f0));
                if (q == 0)
                {
                    break;
                }

                double v = x1 - (0.5 * p / q);
                if (!(v > x0 && v < x2) || v == x1)
                {
                    break;
                }

                double fv = sign * ValueOf(v, c);
                if (fv > f1)
                {
                    (x0, f0, x2, f2) = v < x1 ? (x0, f0, x1, f1) : (x1, f1, x2, f2);
                    (x1, f1) = (v, fv);
                }
                else if (v < x1)
                {
                    (x0, f0) = (v, fv);
                }
                else
                {
                    (x2, f2) = (v, fv);
                }
            }

            _results[r] = extremum.IsMaximum ? Math.Max(_results[r], f1) : Math.Min(_results[r], -f1);
        }
    }

    private double ValueOf(double t, int column)
    {
        if (t == _lastT)
        {
            return _lastRow[column];
        }

        At(t, dense: true, t, _scratch);
        return _scratch[column];
    }

    /// <summary>The quantities at t inside the current segment (_lastT, b]: from the interpolant, or linearly if none is live.</summary>
    private void At(double t, bool dense, double b, double[] destination)
    {
        if (dense)
        {
            _integrator!.Interpolate(t, _state);
            Evaluate(t, _state, destination);
            return;
        }

        double w = (t - _lastT) / (b - _lastT);
        for (int k = 0; k < destination.Length; k++)
        {
            destination[k] = ((1 - w) * _lastRow[k]) + (w * _row[k]);
        }
    }

    private void Evaluate(double t, ReadOnlySpan<double> y, double[] destination) => _program.Kernel(_instance!.LoadInputs(t, y), destination);

    private sealed record WindowGroup(double From, double To, int[] Readouts);
}
