using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Auto;

/// <summary>Estimates the spectral radius ρ(∂f/∂y) at a point by a few power iterations on finite-difference Jacobian–vector products.</summary>
/// <remarks>
/// <para>
/// J·v ≈ (f(t, y + εDv) − f(t, y)) / ε in the scaled variables z = D⁻¹y, D = diag(|y_i| + atol_i) (1 where
/// both are 0). ρ is invariant under the similarity D⁻¹JD, and the scaling keeps the perturbation a
/// relative √u of every component, so the difference quotient stays far above rounding noise whatever the
/// tolerance — unlike Hairer's stage-difference estimate, whose stage differences shrink with the
/// tolerance until they are rounding noise. Each iteration costs one evaluation of f (counted with the
/// solver's other evaluations); iteration stops when two successive estimates agree within 5 % (at least
/// three, at most <see cref="MaxIterations"/> iterations). The last iterate is kept as the start of the next
/// probe, so a slowly changing dominant direction is found again in two iterations.
/// </para>
/// <para>
/// The estimate, the geometric mean of the last two growth ratios ‖J v_k‖/‖v_k‖, converges to ρ when one
/// eigenvalue (or a conjugate pair, whose modulus it then oscillates around) dominates, and it is not fooled
/// by the alternating gains of second-order systems (Arenstorf's orbit near the moon: ‖J‖ ≈ 1e5, ρ ≈ 300);
/// otherwise it is a lower estimate of ρ, which errs on the side of
/// staying explicit. All buffers are allocated in the constructor; <see cref="Estimate"/> does not allocate.
/// </para>
/// </remarks>
internal sealed class SpectralRadiusProbe
{
    private const int MaxIterations = 6;
    private static readonly double SqrtEpsilon = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    private readonly IOdeSystem _system;
    private readonly WorkCounters _counters;
    private readonly double[] _atol;
    private readonly double[] _scale;
    private readonly double[] _v;
    private readonly double[] _yPerturbed;
    private readonly double[] _f;
    private bool _hasDirection;

    public SpectralRadiusProbe(IOdeSystem system, WorkCounters counters, double[] atol)
    {
        _system = system;
        _counters = counters;
        _atol = atol;
        int n = system.Dimension;
        _scale = new double[n];
        _v = new double[n];
        _yPerturbed = new double[n];
        _f = new double[n];
    }

    /// <summary>Returns an estimate of ρ(∂f/∂y) at (t, y), or NaN if f is not finite near y.</summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state.</param>
    /// <param name="f0">f(t, y).</param>
    /// <param name="hint">A direction to start from when there is no previous one (e.g. the last error estimate), or empty.</param>
    public double Estimate(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, ReadOnlySpan<double> hint)
    {
        int n = _v.Length;
        double common = 0;
        for (int i = 0; i < n; i++)
        {
            common = Math.Max(common, Math.Abs(y[i]) + _atol[i]);
        }

        if (!(common > 0) || !double.IsFinite(common))
        {
            common = 1.0;
        }

        for (int i = 0; i < n; i++)
        {
            _scale[i] = common;
        }

        if (!_hasDirection || !Normalize(_v))
        {
            StartDirection(hint);
        }

        double previous = double.NaN;
        double previousRatio = 0;
        double estimate = double.NaN;
        for (int k = 0; k < MaxIterations; k++)
        {
            for (int i = 0; i < n; i++)
            {
                _yPerturbed[i] = y[i] + (SqrtEpsilon * _scale[i] * _v[i]);
            }

            _counters.Rhs++;
            _system.Evaluate(t, _yPerturbed, _f);

            // w = D⁻¹ (f(y + εDv) − f(y)) / ε ≈ (D⁻¹ J D) v.
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                double w = (_f[i] - f0[i]) / (SqrtEpsilon * _scale[i]);
                if (!double.IsFinite(w))
                {
                    _hasDirection = false;
                    return double.NaN;
                }

                _v[i] = w;
                norm += w * w;
            }

            // ‖v‖ was 1, so ‖J v‖ is this iteration's growth ratio. Second-order systems (positions
            // driving velocities) make the ratios alternate between a large and a small gain, so the
            // estimate is the geometric mean of the last two ratios.
            double ratio = Math.Sqrt(norm);
            if (!Normalize(_v))
            {
                // J v = 0: the direction lies in the null space; ρ along it is 0.
                _hasDirection = false;
                return 0;
            }

            estimate = k == 0 ? ratio : Math.Sqrt(ratio * previousRatio);
            if (k >= 2 && Math.Abs(estimate - previous) <= 0.05 * estimate)
            {
                break;
            }

            previous = estimate;
            previousRatio = ratio;
        }

        _hasDirection = true;
        return estimate;
    }

    /// <summary>Forgets the stored direction (after a discontinuity).</summary>
    public void Reset() => _hasDirection = false;

    private void StartDirection(ReadOnlySpan<double> hint)
    {
        int n = _v.Length;
        if (hint.Length == n)
        {
            for (int i = 0; i < n; i++)
            {
                _v[i] = hint[i] / _scale[i];
            }

            if (Normalize(_v))
            {
                return;
            }
        }

        // A fixed direction with every component present and no symmetry (deterministic runs).
        for (int i = 0; i < n; i++)
        {
            _v[i] = (i % 2 == 0 ? 1.0 : -1.0) * (1.0 + (0.37 * i / n));
        }

        Normalize(_v);
    }

    private static bool Normalize(Span<double> v)
    {
        double norm = 0;
        foreach (double x in v)
        {
            norm += x * x;
        }

        norm = Math.Sqrt(norm);
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            return false;
        }

        double inverse = 1.0 / norm;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= inverse;
        }

        return true;
    }
}
