using System.Globalization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Parses the compact range syntax of scan axes, for command lines and configuration files.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>from:to:N</c> or <c>from:to:linN</c> — N evenly spaced values including both ends (N ≥ 2);</item>
/// <item><c>from:to:logN</c> — N values evenly spaced in log10, from &gt; 0 (e.g. <c>0.01:100:log25</c>);</item>
/// <item><c>v1,v2,v3</c> — an explicit list (a single number is a list of one).</item>
/// </list>
/// Numbers use the invariant culture (a decimal point); whitespace around parts is ignored.
/// </remarks>
public static class ScanRange
{
    /// <summary>Parses a range.</summary>
    /// <param name="text">The text, e.g. <c>0.01:100:log25</c>.</param>
    /// <returns>The values, in the order given.</returns>
    /// <exception cref="FormatException">The text is not a valid range; the message shows the accepted forms.</exception>
    public static double[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var values, out string? error) ? values : throw new FormatException(error);
    }

    /// <summary>Tries to parse a range.</summary>
    /// <param name="text">The text.</param>
    /// <param name="values">The values, or empty.</param>
    /// <param name="error">Null, or why the text is invalid.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string text, out double[] values, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        values = [];
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return TryParseList(text, out values, out error);
        }

        if (parts.Length != 3)
        {
            error = $"'{text}' is not a range; use from:to:N, from:to:linN, from:to:logN or a list v1,v2,….";
            return false;
        }

        if (!TryNumber(parts[0], out double from) || !TryNumber(parts[1], out double to))
        {
            error = $"'{text}': the range ends must be numbers, e.g. 0.01:100:log25.";
            return false;
        }

        string spec = parts[2];
        bool log = spec.StartsWith("log", StringComparison.OrdinalIgnoreCase);
        string countText = log ? spec[3..] : spec.StartsWith("lin", StringComparison.OrdinalIgnoreCase) ? spec[3..] : spec;
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 2)
        {
            error = $"'{text}': the point count must be an integer ≥ 2, as in 0:1:11 or 0.01:100:log25.";
            return false;
        }

        if (log && !(from > 0 && to > 0))
        {
            error = $"'{text}': a logarithmic range needs positive ends.";
            return false;
        }

        values = log ? Logarithmic(from, to, count) : Linear(from, to, count);
        error = null;
        return true;
    }

    /// <summary>Gets <paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included exactly.</summary>
    /// <param name="from">The first value.</param>
    /// <param name="to">The last value.</param>
    /// <param name="count">The number of values (≥ 2).</param>
    /// <returns>The values.</returns>
    public static double[] Linear(double from, double to, int count)
    {
        CheckEnds(from, to, count);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = i == count - 1 ? to : from + ((to - from) * i / (count - 1));
        }

        return values;
    }

    /// <summary>Gets <paramref name="count"/> values evenly spaced in log10 from <paramref name="from"/> to <paramref name="to"/> (both positive), both included exactly.</summary>
    /// <param name="from">The first value.</param>
    /// <param name="to">The last value.</param>
    /// <param name="count">The number of values (≥ 2).</param>
    /// <returns>The values.</returns>
    public static double[] Logarithmic(double from, double to, int count)
    {
        CheckEnds(from, to, count);
        if (!(from > 0 && to > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "A logarithmic range needs positive ends.");
        }

        double a = Math.Log10(from), b = Math.Log10(to);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = i == 0 ? from : i == count - 1 ? to : Math.Pow(10, a + ((b - a) * i / (count - 1)));
        }

        return values;
    }

    private static void CheckEnds(double from, double to, int count)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to))
        {
            throw new ArgumentOutOfRangeException(nameof(from), "The range ends must be finite numbers.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
    }

    private static bool TryParseList(string text, out double[] values, out string? error)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        values = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!TryNumber(items[i], out values[i]))
            {
                error = $"'{items[i]}' in '{text}' is not a number; use from:to:N, from:to:logN or a list v1,v2,….";
                values = [];
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
