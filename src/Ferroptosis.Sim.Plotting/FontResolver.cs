using SkiaSharp;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Finds an installed sans-serif font, so text renders with real glyphs on headless Linux too.</summary>
/// <remarks>
/// Skia's fallback typeface on a bare Linux machine is whatever font it meets first (often a serif or maths font
/// that lacks "²⁺"), so an unnamed or missing family gives odd or empty text. Asking the font manager for each
/// candidate by name returns <see langword="null"/> for fonts that are not installed, unlike
/// <c>SKTypeface.FromFamilyName</c>, which silently falls back. OxyPlot's Skia renderer draws a string with one
/// typeface and no fallback, so the chosen family must also hold the characters this field writes
/// (<see cref="RequiredCharacters"/>: "Fe²⁺", "µM", "10⁻³", "×", "–"); the first installed candidate that has
/// them all wins, else the first installed one. Arial and Helvetica come first because journals ask for them;
/// DejaVu Sans is on most Linux images (Debian's fonts-dejavu-core). The answer is computed once.
/// </remarks>
internal static class FontResolver
{
    /// <summary>Families to try, in order of preference.</summary>
    private static readonly string[] Candidates = ["Arial", "Helvetica", "Segoe UI", "Liberation Sans", "DejaVu Sans", "Noto Sans", "Roboto"];

    /// <summary>Characters that labels in this field need: superscript charges and exponents, micro, times, dashes.</summary>
    public const string RequiredCharacters = "Fe²⁺³⁻ µM ×–−⁰¹⁴⁵⁶⁷⁸⁹";

    /// <summary>Generic fallbacks written after the chosen family into SVG files, for viewers that lack it.</summary>
    public const string SvgFallbacks = "Arial, Helvetica, sans-serif";

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>Gets the first installed candidate with all <see cref="RequiredCharacters"/>, else the first installed, else "Arial".</summary>
    public static string SansSerif => Resolved.Value;

    /// <summary>Returns the requested family, or the resolved sans-serif family when none was requested.</summary>
    public static string Choose(string? requested) => string.IsNullOrWhiteSpace(requested) ? SansSerif : requested;

    private static string Resolve()
    {
        try
        {
            var manager = SKFontManager.Default;
            string? firstInstalled = null;
            foreach (string family in Candidates)
            {
                using var typeface = manager.MatchFamily(family);
                if (typeface is null || !typeface.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (typeface.ContainsGlyphs(RequiredCharacters))
                {
                    return family;
                }

                firstInstalled ??= family;
            }

            if (firstInstalled is not null)
            {
                return firstInstalled;
            }
        }
        catch (DllNotFoundException)
        {
            // No native Skia on this platform: SVG export still works, and viewers substitute the family.
        }
        catch (TypeInitializationException)
        {
            // Same cause, surfaced through SkiaSharp's static constructor.
        }

        return Candidates[0];
    }
}
