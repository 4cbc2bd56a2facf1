using System.Globalization;

namespace Ferroptosis.Sim.Pathway;

/// <content>Read-outs derived from the time course: resting values, fold changes, peaks, time averages, first crossings, CSV of chosen quantities.</content>
public sealed partial class CellSimulationResult
{
    /// <summary>Gets a quantity's value at the resting state of this cell (its cell type and genetic changes, no drug, no scenario).</summary>
    /// <param name="name">A model species or assigned quantity, e.g. "LPO", "LIP", "GSH", "ROS".</param>
    /// <returns>The resting value, in the quantity's unit.</returns>
    /// <exception cref="ArgumentException">No quantity has that name; the message lists them.</exception>
    public double RestingValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_resting.TryGetValue(name == "surviving_fraction" ? "S" : name, out double value))
        {
            return value;
        }

        _ = Quantity(name);
        throw new ArgumentException($"'{name}' has no resting value.", nameof(name));
    }

    /// <summary>Gets a quantity over time as a fold of its resting value (e.g. LPO 2 = twice the resting lipid peroxidation of this cell).</summary>
    /// <param name="name">The quantity.</param>
    /// <returns>Values at <see cref="TimesHours"/> divided by <see cref="RestingValue"/>.</returns>
    public double[] FoldChange(string name)
    {
        double rest = RestingValue(name);
        return [.. Quantity(name).Select(v => v / rest)];
    }

    /// <summary>Gets a quantity at a time after the start of the exposure as a fold of its resting value.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="time">The time, within the run.</param>
    /// <returns>The fold change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double FoldAt(string name, TimeSpan time) => FoldAtHours(name, time.TotalHours);

    /// <summary>Gets a quantity at a time given in hours as a fold of its resting value, as <see cref="FoldAt(string, TimeSpan)"/>.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="hours">The time in hours.</param>
    /// <returns>The fold change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN or outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double FoldAtHours(string name, double hours) => ValueAtHours(name, hours) / RestingValue(name);

    /// <summary>Gets the largest reported value of a quantity during the exposure (t ≥ 0).</summary>
    /// <param name="name">The quantity.</param>
    /// <returns>The maximum.</returns>
    public double Peak(string name) => Exposure(name).Max();

    /// <summary>Gets the smallest reported value of a quantity during the exposure (t ≥ 0).</summary>
    /// <param name="name">The quantity.</param>
    /// <returns>The minimum.</returns>
    public double Minimum(string name) => Exposure(name).Min();

    /// <summary>Gets the first reported time of the exposure at which a quantity is largest.</summary>
    /// <param name="name">The quantity.</param>
    /// <returns>The time in hours.</returns>
    public double TimeOfPeakHours(string name)
    {
        var values = Exposure(name);
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return TimesHours[ExposureStart() + best];
    }

    /// <summary>Gets the time average of a quantity over the exposure (trapezoidal rule on the reported points), e.g. the mean labile iron over 24 h.</summary>
    /// <param name="name">The quantity.</param>
    /// <returns>The average in the quantity's unit.</returns>
    public double TimeAverage(string name)
    {
        var values = Quantity(name);
        var times = TimesHours;
        int first = ExposureStart();
        if (times.Length - first < 2)
        {
            return values[^1];
        }

        double area = 0;
        for (int k = first + 1; k < times.Length; k++)
        {
            area += 0.5 * (values[k] + values[k - 1]) * (times[k] - times[k - 1]);
        }

        return area / (times[^1] - times[first]);
    }

    /// <summary>Gets the first time of the exposure (t ≥ 0) at which a quantity exceeds a level, interpolated linearly between reported points.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="level">The level, in the quantity's unit (for a fold, multiply by <see cref="RestingValue"/>).</param>
    /// <returns>The time in hours, or null if the quantity stays at or below the level.</returns>
    public double? FirstTimeAboveHours(string name, double level) => FirstCrossing(name, level, above: true);

    /// <summary>Gets the first time of the exposure (t ≥ 0) at which a quantity falls below a level, interpolated linearly between reported points (e.g. S below 0.9).</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="level">The level.</param>
    /// <returns>The time in hours, or null if the quantity stays at or above the level.</returns>
    public double? FirstTimeBelowHours(string name, double level) => FirstCrossing(name, level, above: false);

    /// <summary>Writes CSV of chosen quantities: the comment line <c># Ferroptosis.Sim ferroptosis model vN (files FINGERPRINT)</c>, then <c>time_h</c> and one column per quantity, named as in the model (<c>surviving_fraction</c> is accepted for S).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="quantities">The quantities, in column order.</param>
    /// <exception cref="ArgumentException">A name is not a reported quantity.</exception>
    public void WriteCsv(TextWriter writer, IEnumerable<string> quantities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quantities);
        var names = quantities.ToList();
        var columns = names.Select(Quantity).ToArray();
        var c = CultureInfo.InvariantCulture;
        WriteVersionLine(writer);
        writer.Write("time_h");
        foreach (string name in names)
        {
            writer.Write(',');
            writer.Write(name);
        }

        writer.WriteLine();
        var times = TimesHours;
        for (int k = 0; k < times.Length; k++)
        {
            writer.Write(times[k].ToString("R", c));
            foreach (var column in columns)
            {
                writer.Write(',');
                writer.Write(column[k].ToString("R", c));
            }

            writer.WriteLine();
        }
    }

    /// <summary>Returns the CSV of <see cref="WriteCsv(TextWriter)"/> as a string.</summary>
    /// <returns>The CSV text.</returns>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    private int ExposureStart()
    {
        var times = TimesHours;
        int k = 0;
        while (k < times.Length - 1 && times[k] < 0)
        {
            k++;
        }

        return k;
    }

    private double[] Exposure(string name) => Quantity(name)[ExposureStart()..];

    private double? FirstCrossing(string name, double level, bool above)
    {
        var values = Quantity(name);
        var times = TimesHours;
        int first = ExposureStart();
        bool Beyond(double v) => above ? v > level : v < level;
        if (Beyond(values[first]))
        {
            return times[first];
        }

        for (int k = first + 1; k < values.Length; k++)
        {
            if (Beyond(values[k]))
            {
                double w = (level - values[k - 1]) / (values[k] - values[k - 1]);
                return times[k - 1] + (w * (times[k] - times[k - 1]));
            }
        }

        return null;
    }
}
