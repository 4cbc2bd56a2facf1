using System.Globalization;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A number read off a simulated trajectory: a value at a time, a minimum or maximum, a time to a threshold, or an area under the curve.</summary>
/// <remarks>
/// <para>
/// Readouts are computed while the run proceeds, from the solver's dense output (its interpolating
/// polynomial on every step), not from a coarse output grid: <see cref="ValueAt"/> interpolates,
/// <see cref="Area"/> integrates each step by 3-point Gauss–Legendre quadrature (exact for quantities
/// linear in the state, since the interpolants have degree ≤ 5), <see cref="Maximum"/> and
/// <see cref="Minimum"/> sample step ends and the Gauss nodes and refine an interior extremum by
/// successive parabolic interpolation, and <see cref="TimeToThreshold"/> is located by the integrator's
/// event root finding. Nothing is stored per step, so memory does not grow with the run.
/// </para>
/// <para>The quantity may be any reportable id of the model: a species (concentration), a parameter, a compartment, a reaction rate or an assignment-rule variable.</para>
/// </remarks>
public abstract record Readout
{
    private protected Readout(string quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quantity);
        Quantity = quantity;
    }

    /// <summary>Gets the id of the quantity read.</summary>
    public string Quantity { get; }

    /// <summary>Gets a name that replaces the default one, or null.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the output name: <see cref="Label"/> if set, else a default such as <c>S@24</c>, <c>max(S)</c>, <c>t(S=0.5)</c> or <c>auc(S)</c>.</summary>
    public string Name => Label ?? DefaultName;

    private protected abstract string DefaultName { get; }

    /// <summary>The value of a quantity at a time (after any event at that time).</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="time">The time, inside the run.</param>
    /// <returns>The readout.</returns>
    public static ValueAtReadout ValueAt(string quantity, double time) => new(quantity, time);

    /// <summary>The values of a quantity at several times (one readout per time), e.g. the surviving fraction every hour.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="times">The times.</param>
    /// <returns>The readouts, in the order of <paramref name="times"/>.</returns>
    public static IReadOnlyList<ValueAtReadout> TimeCourse(string quantity, IEnumerable<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return [.. times.Select(t => new ValueAtReadout(quantity, t))];
    }

    /// <summary>The largest value of a quantity over the run, or over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="from">The start of the window (default: the start of the run).</param>
    /// <param name="to">The end of the window (default: the end of the run).</param>
    /// <returns>The readout.</returns>
    public static ExtremumReadout Maximum(string quantity, double from = double.NegativeInfinity, double to = double.PositiveInfinity) => new(quantity, true, from, to);

    /// <summary>The smallest value of a quantity over the run, or over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="from">The start of the window.</param>
    /// <param name="to">The end of the window.</param>
    /// <returns>The readout.</returns>
    public static ExtremumReadout Minimum(string quantity, double from = double.NegativeInfinity, double to = double.PositiveInfinity) => new(quantity, false, from, to);

    /// <summary>The first time a quantity crosses a level (NaN if it never does during the run), e.g. the time to 50 % death.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="level">The level.</param>
    /// <param name="direction">Which crossings count.</param>
    /// <returns>The readout.</returns>
    public static ThresholdReadout TimeToThreshold(string quantity, double level, EventDirection direction = EventDirection.Both) => new(quantity, level, direction);

    /// <summary>The area under a quantity's curve, ∫ q dt over the run or over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="from">The start of the window.</param>
    /// <param name="to">The end of the window.</param>
    /// <returns>The readout.</returns>
    public static AreaReadout Area(string quantity, double from = double.NegativeInfinity, double to = double.PositiveInfinity) => new(quantity, from, to);

    private protected static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private protected static string Window(double from, double to) =>
        double.IsNegativeInfinity(from) && double.IsPositiveInfinity(to) ? string.Empty : $"; {Format(from)}..{Format(to)}";
}
