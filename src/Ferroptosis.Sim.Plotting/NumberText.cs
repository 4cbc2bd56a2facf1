using System.Globalization;
using System.Text;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Formats numbers for labels: a few significant digits, no exponent notation in the usual range.</summary>
internal static class NumberText
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Formats a value with up to <paramref name="digits"/> significant digits, e.g. 12.3, 0.0456, 1230.</summary>
    public static string Significant(double value, int digits = 3)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        double magnitude = Math.Abs(value);
        if (magnitude is < 1e-4 or >= 1e6)
        {
            return PowerOfTen(value, digits);
        }

        int integerDigits = (int)Math.Floor(Math.Log10(magnitude)) + 1;
        int decimals = Math.Clamp(digits - integerDigits, 0, 15);
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a tick on a logarithmic axis: plain decimals from 0.001 to 10 000, powers of ten outside.</summary>
    public static string LogTick(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude is >= 1e-3 and <= 1e4)
        {
            return value.ToString("0.####", CultureInfo.InvariantCulture);
        }

        return PowerOfTen(value, 2);
    }

    /// <summary>Writes m·10ⁿ with a superscript exponent, or 10ⁿ for exact powers.</summary>
    private static string PowerOfTen(double value, int digits)
    {
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), Math.Max(digits - 1, 0));
        var text = new StringBuilder();
        if (Math.Abs(Math.Abs(mantissa) - 1) > 1e-12)
        {
            text.Append(mantissa.ToString("0.##", CultureInfo.InvariantCulture)).Append('×');
        }
        else if (mantissa < 0)
        {
            text.Append('−');
        }

        text.Append("10");
        foreach (char c in exponent.ToString(CultureInfo.InvariantCulture))
        {
            text.Append(c == '-' ? '⁻' : Superscripts[c - '0']);
        }

        return text.ToString();
    }
}
