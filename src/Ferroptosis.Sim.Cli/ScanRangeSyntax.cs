using System.Globalization;

namespace Ferroptosis.Sim.Cli;

/// <summary>The range syntax of scan axes: <c>from:to:N</c>, <c>from:to:linN</c>, <c>from:to:logN</c> or a list <c>v1,v2,…</c>.</summary>
internal static class ScanRangeSyntax
{
    /// <summary>Parses a range of plain numbers.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The values.</returns>
    /// <exception cref="FormatException">Not a valid range.</exception>
    public static double[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(Number)];
        }

        if (parts.Length != 3)
        {
            throw new FormatException("use from:to:N, from:to:linN, from:to:logN or a list v1,v2,….");
        }

        double from = Number(parts[0]), to = Number(parts[1]);
        bool log = parts[2].StartsWith("log", StringComparison.OrdinalIgnoreCase);
        string countText = log || parts[2].StartsWith("lin", StringComparison.OrdinalIgnoreCase) ? parts[2][3..] : parts[2];
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 2)
        {
            throw new FormatException("the point count must be an integer ≥ 2, as in 0:1:11 or 0.01:100:log25.");
        }

        if (log && !(from > 0 && to > 0))
        {
            throw new FormatException("a logarithmic range needs positive ends.");
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double f = i / (double)(count - 1);
            values[i] = log ? Math.Pow(10, Math.Log10(from) + (f * (Math.Log10(to) - Math.Log10(from)))) : from + (f * (to - from));
        }

        values[0] = from;
        values[^1] = to;
        return values;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{text}' is not a number (use a decimal point, e.g. 0.01).");
}
