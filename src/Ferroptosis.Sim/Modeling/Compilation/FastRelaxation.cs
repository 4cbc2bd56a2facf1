using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Brings a state to the equilibrium of the fast reactions that their own dynamics reach from it, keeping what they conserve.</summary>
/// <remarks>
/// <para>
/// A fast reaction is the limit of a reaction infinitely faster than the rest: from a given state the fast reactions
/// alone run, x = x₀ + D·ξ with dξ/dτ = v_f(x₀ + D·ξ) (D: conversion factor × stoichiometry), until they stop. The
/// equilibrium held afterwards is the one this flow reaches, which matters when v_f = 0 has several solutions (a rate
/// k·A·B vanishes at A = 0 and at B = 0; the sign of k decides which one the reaction runs to). Newton's method from
/// x₀ can land on either, or find the Jacobian singular at x₀ itself; the flow cannot.
/// </para>
/// <para>
/// The flow is followed by pseudo-transient continuation (Kelley and Keyes, SIAM J. Numer. Anal. 35, 1998): implicit
/// Euler steps (I/Δτ − J)·δ = v_f with J = ∂v_f/∂x·D, Δτ starting at 10⁻² of the fast time scale 1/‖J‖ and growing
/// with the ratio of successive residuals (switched evolution relaxation; it never shrinks), so the last steps are Newton steps towards
/// the stable equilibrium the flow tends to. The result is left to the solver's consistent initialisation, which
/// polishes it (or reports a singular equilibrium). All buffers are allocated once per run.
/// </para>
/// </remarks>
internal sealed class FastRelaxation
{
    private const int MaxIterations = 500;

    private readonly ModelInstance _instance;
    private readonly FastSubsystem _fast;
    private readonly int _n;
    private readonly int _q;
    private readonly int[] _pivotOfRow;
    private readonly double[] _directionValues;
    private readonly double[] _direction;
    private readonly double[] _f;
    private readonly double[] _entries;
    private readonly double[] _trial;
    private readonly double[] _g;
    private readonly double[] _gTrial;
    private readonly double[] _j;
    private readonly double[] _a;
    private readonly double[] _delta;
    private readonly int[] _lu;
    private readonly bool[] _idle;

    public FastRelaxation(ModelInstance instance, FastSubsystem fast)
    {
        _instance = instance;
        _fast = fast;
        _n = fast.Dimension;
        _q = fast.Count;
        _pivotOfRow = new int[_n];
        Array.Fill(_pivotOfRow, -1);
        for (int i = 0; i < _q; i++)
        {
            _pivotOfRow[fast.Pivots[i]] = i;
        }

        _directionValues = new double[fast.DirectionStates.Length];
        _direction = new double[_n * _q];
        _f = new double[_n];
        _entries = new double[instance.Model.JacobianRows.Length];
        _trial = new double[_n];
        _g = new double[_q];
        _gTrial = new double[_q];
        _j = new double[_q * _q];
        _a = new double[_q * _q];
        _delta = new double[_q];
        _lu = new int[_q];
        _idle = new bool[_q];
    }

    /// <summary>Relaxes <paramref name="y"/> at time <paramref name="t"/> in place; leaves it unchanged where the flow cannot be followed (the solver then reports why).</summary>
    public void Run(double t, Span<double> y)
    {
        _fast.DirectionKernel(_instance.LoadInputs(t, y), _directionValues);
        Array.Clear(_direction);
        for (int e = 0; e < _directionValues.Length; e++)
        {
            _direction[(_fast.DirectionStates[e] * _q) + _fast.DirectionReactions[e]] = _directionValues[e];
        }

        // A fast reaction idle for the parameter values in force (its row of M is not zero) moves nothing.
        var mass = _instance.MassMatrix;
        for (int i = 0; i < _q; i++)
        {
            _idle[i] = false;
            foreach (double m in mass.Slice(_fast.Pivots[i] * _n, _n))
            {
                _idle[i] |= m != 0;
            }
        }

        double norm = Rates(t, y, _g);
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            return;
        }

        // Δτ starts at 10⁻² of the fast time scale; where J vanishes (a rate k·A·B at A = B moves, yet its derivative
        // along the reaction is zero) it starts where the first step moves the state by 10⁻³ of its size.
        double scale = Jacobian(t, y);
        if (!double.IsFinite(scale))
        {
            return;
        }

        double dtau = scale > 0 ? 1e-2 / scale : 1e-3 * Size(y) / (norm * MaxDirection());
        if (!(dtau > 0) || !double.IsFinite(dtau))
        {
            return;
        }

        y.CopyTo(_trial);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (int i = 0; i < _q; i++)
            {
                for (int j = 0; j < _q; j++)
                {
                    _a[(i * _q) + j] = (i == j ? 1 / dtau : 0) - _j[(i * _q) + j];
                }

                _delta[i] = _g[i];
            }

            if (!DenseLu.Factor(_a, _q, _lu))
            {
                dtau *= 0.5;
                continue;
            }

            DenseLu.Solve(_a, _q, _lu, _delta);
            double change = 0;
            double size = 0;
            for (int k = 0; k < _n; k++)
            {
                double step = 0;
                for (int j = 0; j < _q; j++)
                {
                    step += _direction[(k * _q) + j] * _delta[j];
                }

                _trial[k] = y[k] + step;
                change = Math.Max(change, Math.Abs(step));
                size = Math.Max(size, Math.Abs(y[k]));
            }

            double trialNorm = Rates(t, _trial, _gTrial);
            if (!double.IsFinite(trialNorm))
            {
                dtau *= 0.25;
                continue;
            }

            _trial.AsSpan(0, _n).CopyTo(y);
            _gTrial.AsSpan(0, _q).CopyTo(_g);
            bool newtonLike = dtau * scale >= 1e8;
            if (trialNorm == 0 || (newtonLike && change <= 1e-12 * size))
            {
                return;
            }

            // Switched evolution relaxation: Δτ grows as the residual falls (by at most 10 a step), and stays while it rises.
            dtau *= Math.Clamp(norm / trialNorm, 1, 10);
            norm = trialNorm;
            scale = Jacobian(t, y);
            if (!double.IsFinite(scale))
            {
                return;
            }
        }
    }

    private double Size(ReadOnlySpan<double> y)
    {
        double size = 0;
        for (int e = 0; e < _fast.DirectionStates.Length; e++)
        {
            size = Math.Max(size, Math.Abs(y[_fast.DirectionStates[e]]));
        }

        return size;
    }

    private double MaxDirection()
    {
        double max = 0;
        foreach (double d in _directionValues)
        {
            max = Math.Max(max, Math.Abs(d));
        }

        return max;
    }

    /// <summary>Evaluates the fast rates at <paramref name="x"/>; returns their ∞-norm.</summary>
    private double Rates(double t, ReadOnlySpan<double> x, double[] g)
    {
        _instance.Evaluate(t, x, _f);
        double norm = 0;
        for (int i = 0; i < _q; i++)
        {
            g[i] = _idle[i] ? 0 : _f[_fast.Pivots[i]];
            norm = Math.Max(norm, Math.Abs(g[i]));
        }

        return double.IsNaN(norm) ? double.NaN : norm;
    }

    /// <summary>J = ∂v_f/∂x·D at <paramref name="x"/>; returns its ∞-norm (the fast time scale's inverse).</summary>
    private double Jacobian(double t, ReadOnlySpan<double> x)
    {
        _instance.EvaluateJacobianEntries(t, x, _entries);
        Array.Clear(_j);
        var rows = _instance.Model.JacobianRows;
        var columns = _instance.Model.JacobianColumns;
        for (int e = 0; e < rows.Length; e++)
        {
            int i = _pivotOfRow[rows[e]];
            if (i < 0 || _idle[i] || _entries[e] == 0)
            {
                continue;
            }

            int k = columns[e];
            for (int j = 0; j < _q; j++)
            {
                _j[(i * _q) + j] += _entries[e] * _direction[(k * _q) + j];
            }
        }

        double norm = 0;
        for (int i = 0; i < _q; i++)
        {
            double sum = 0;
            for (int j = 0; j < _q; j++)
            {
                sum += Math.Abs(_j[(i * _q) + j]);
            }

            norm = Math.Max(norm, sum);
        }

        return double.IsNaN(norm) ? double.NaN : norm;
    }
}
