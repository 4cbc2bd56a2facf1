using System.Globalization;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Reads and writes the XML Schema number and boolean forms that SBML attributes and MathML numbers use.</summary>
internal static class SbmlValues
{
    /// <summary>Parses an xsd:double: decimal or exponent notation, or INF, -INF, NaN (any case, as libSBML accepts); a literal beyond the double range (1e400) is refused, not read as ±∞.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        string s = text.Trim();
        switch (s.ToUpperInvariant())
        {
            case "INF" or "+INF" or "INFINITY" or "+INFINITY":
                value = double.PositiveInfinity;
                return true;
            case "-INF" or "-INFINITY":
                value = double.NegativeInfinity;
                return true;
            case "NAN":
                value = double.NaN;
                return true;
        }

        // Letters other than an exponent marker are rejected, so "Infinity"-like words in other cultures cannot slip in.
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E'))
            {
                value = 0;
                return false;
            }
        }

        // .NET parses a literal beyond the double range as ±∞; a file that means infinity writes INF.
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Tells whether a text is a well-formed decimal or exponent literal whose magnitude is beyond the double range (e.g. 1e400).</summary>
    public static bool IsOutOfRange(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsInfinity(value)
        && !text.Trim().Contains("inf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an xsd:boolean: true, false, 1 or 0.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Formats a double so that it parses back to the same value (INF, -INF and NaN for the special values).</summary>
    public static string FormatDouble(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "INF"
        : double.IsNegativeInfinity(value) ? "-INF"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a boolean as SBML writes it.</summary>
    public static string FormatBoolean(bool value) => value ? "true" : "false";
}
