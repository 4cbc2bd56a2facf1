using System.Globalization;

/// <summary>The shape of a response (e.g. surviving fraction) read along increasing doses: flat, bell, U, sigmoidal or graded monotone, with the numbers behind the call.</summary>
/// <remarks>
/// <para>
/// The rules, in the order they are applied (δ = <see cref="NoiseThreshold"/>, 0.05 of the surviving fraction
/// unless stated otherwise):
/// </para>
/// <list type="number">
/// <item><b>flat</b>: the whole curve spans less than δ (max − min &lt; δ). Nothing else is called on such a curve:
/// a peak of 0.002 is noise, not an optimum.</item>
/// <item><b>bell</b>: the maximum lies at an interior dose and the curve rises by at least δ from the lowest dose
/// to it and falls by at least δ from it to the highest dose.</item>
/// <item><b>U</b> (inverted bell): the same with the minimum.</item>
/// <item>Otherwise no interior extreme stands out by δ on both sides, and the curve is read by its ends: its
/// direction is the sign of last − first. It is <b>sigmoidal</b> when both plateaus are sampled: with u the fraction of the total change
/// reached at each dose, the first two doses have u ≤ <see cref="PlateauFraction"/> and the last two have
/// u ≥ 1 − <see cref="PlateauFraction"/>. A monotone curve without both plateaus is <b>graded</b>.</item>
/// </list>
/// <para>A curve whose net change is below δ but whose span is not (a wiggle, or a one-sided peak) is reported as graded with its small net change; the numbers are printed with every verdict so the reader can judge.</para>
/// </remarks>
/// <param name="Kind">The shape.</param>
/// <param name="Optimum">The index of the dose at the maximum (bell) or minimum (U) or, for other shapes, of the maximum.</param>
/// <param name="Rise">For a bell: maximum − response at the lowest dose; for a U: response at the lowest dose − minimum; else last − first.</param>
/// <param name="Fall">For a bell: maximum − response at the highest dose; for a U: response at the highest dose − minimum; else max − min.</param>
internal sealed record ResponseShape(ResponseShapeKind Kind, int Optimum, double Rise, double Fall)
{
    /// <summary>The smallest change that counts (δ): 0.05 of the surviving fraction, ten times the solver's error and larger than the wiggles of the scans.</summary>
    public const double NoiseThreshold = 0.05;

    /// <summary>How close to its start or end level a plateau must stay, as a fraction of the total change (10 %).</summary>
    public const double PlateauFraction = 0.1;

    /// <summary>Classifies a response sampled at increasing doses.</summary>
    /// <param name="responses">The responses, ordered by increasing dose; at least three, all finite.</param>
    /// <param name="noise">The noise threshold δ; <see cref="NoiseThreshold"/> by default.</param>
    /// <returns>The shape.</returns>
    /// <exception cref="ArgumentException">Fewer than three responses, a non-finite one, or a threshold that is not positive.</exception>
    public static ResponseShape Classify(IReadOnlyList<double> responses, double noise = NoiseThreshold)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count < 3 || responses.Any(r => !double.IsFinite(r)))
        {
            throw new ArgumentException("Classify at least three finite responses.", nameof(responses));
        }

        if (!(noise > 0))
        {
            throw new ArgumentException("The noise threshold must be positive.", nameof(noise));
        }

        int n = responses.Count;
        double max = responses.Max(), min = responses.Min();
        int top = IndexOf(responses, max), bottom = IndexOf(responses, min);
        double first = responses[0], last = responses[n - 1];
        if (max - min < noise)
        {
            return new ResponseShape(ResponseShapeKind.Flat, top, last - first, max - min);
        }

        if (top > 0 && top < n - 1 && max - first >= noise && max - last >= noise)
        {
            return new ResponseShape(ResponseShapeKind.Bell, top, max - first, max - last);
        }

        if (bottom > 0 && bottom < n - 1 && first - min >= noise && last - min >= noise)
        {
            return new ResponseShape(ResponseShapeKind.U, bottom, first - min, last - min);
        }

        double change = last - first;
        double U(int k) => change == 0 ? 0 : (responses[k] - first) / change;
        bool plateaus = Math.Abs(change) >= noise
            && U(1) <= PlateauFraction
            && U(n - 2) >= 1 - PlateauFraction;
        return new ResponseShape(plateaus ? ResponseShapeKind.Sigmoidal : ResponseShapeKind.Graded, top, change, max - min);
    }

    /// <summary>Describes the shape with its numbers, e.g. "bell: optimum at 3× (S = 0.712), +0.310 from 0×, −0.650 to 50×".</summary>
    /// <param name="doses">The doses of the responses.</param>
    /// <param name="responses">The responses the shape was classified from.</param>
    /// <param name="unit">The dose unit appended to doses, e.g. "×".</param>
    /// <returns>The verdict.</returns>
    public string Describe(IReadOnlyList<double> doses, IReadOnlyList<double> responses, string unit)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(responses);
        var c = CultureInfo.InvariantCulture;
        string low = string.Create(c, $"{doses[0]:G3}{unit}"), high = string.Create(c, $"{doses[^1]:G3}{unit}");
        return Kind switch
        {
            ResponseShapeKind.Flat => string.Create(c, $"flat: spans {Fall:F3} < {NoiseThreshold} (S {responses.Min():F3}–{responses.Max():F3})"),
            ResponseShapeKind.Bell => string.Create(c, $"bell: optimum at {doses[Optimum]:G3}{unit} (S = {responses[Optimum]:F3}), +{Rise:F3} from {low}, −{Fall:F3} to {high}"),
            ResponseShapeKind.U => string.Create(c, $"U: worst at {doses[Optimum]:G3}{unit} (S = {responses[Optimum]:F3}), −{Rise:F3} from {low}, +{Fall:F3} to {high}"),
            ResponseShapeKind.Sigmoidal => string.Create(c, $"sigmoidal, {(Rise > 0 ? "rising" : "falling")}: S {responses[0]:F3} at {low} → {responses[^1]:F3} at {high}"),
            _ => string.Create(c, $"graded monotone, {(Rise >= 0 ? "rising" : "falling")}: S {responses[0]:F3} at {low} → {responses[^1]:F3} at {high}"),
        };
    }

    private static int IndexOf(IReadOnlyList<double> values, double value)
    {
        for (int k = 0; k < values.Count; k++)
        {
            if (values[k] == value)
            {
                return k;
            }
        }

        return -1;
    }
}
