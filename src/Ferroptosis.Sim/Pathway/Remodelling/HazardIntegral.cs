namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The running integral of a cell run's death hazard, H(t) = ∫₀ᵗ h dt, for window means in O(log n) each.</summary>
/// <remarks>
/// h is integrated as the piecewise-linear interpolant of its reported values (spacing
/// <see cref="CellSimulationOptions.OutputIntervalHours"/>, 0.25 h by default, the solver's step limit), so a window
/// mean is (H(b) − H(a))/(b − a) with the partial segments at a and b integrated exactly. The surviving fraction would
/// give the same mean as ln(S(a)/S(b))/(b − a), but over months S falls below the absolute tolerance; the hazard does not.
/// Immutable once built.
/// </remarks>
internal sealed class HazardIntegral
{
    private readonly double[] _times;
    private readonly double[] _hazard;
    private readonly double[] _cumulative;

    /// <summary>Builds the running integral of <c>h</c> over the reported times of a run.</summary>
    /// <param name="run">The cell run.</param>
    public HazardIntegral(CellSimulationResult run)
    {
        _times = run.TimesHours.ToArray();
        _hazard = run.Quantity("h");
        _cumulative = new double[_times.Length];
        for (int k = 1; k < _times.Length; k++)
        {
            _cumulative[k] = _cumulative[k - 1] + (0.5 * (_hazard[k] + _hazard[k - 1]) * (_times[k] - _times[k - 1]));
        }
    }

    /// <summary>The mean hazard over [from, to] hours (within the run).</summary>
    /// <param name="from">The window's start.</param>
    /// <param name="to">The window's end, after the start.</param>
    /// <returns>The mean, 1/h.</returns>
    public double Mean(double from, double to) => (At(to) - At(from)) / (to - from);

    /// <summary>H(t): the integral from the first reported time to t, with the segment holding t integrated exactly.</summary>
    private double At(double t)
    {
        int k = Array.BinarySearch(_times, t);
        if (k >= 0)
        {
            return _cumulative[k];
        }

        int hi = Math.Min(~k, _times.Length - 1), lo = Math.Max(hi - 1, 0);
        if (hi == lo)
        {
            return _cumulative[lo];
        }

        // Trapezoid from times[lo] to t, with h(t) interpolated linearly.
        double dt = t - _times[lo];
        double ht = _hazard[lo] + ((_hazard[hi] - _hazard[lo]) * dt / (_times[hi] - _times[lo]));
        return _cumulative[lo] + (0.5 * (_hazard[lo] + ht) * dt);
    }
}
