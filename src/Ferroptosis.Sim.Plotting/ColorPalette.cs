using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>An ordered set of qualitative colours for lines, chosen to stay distinct for colour-blind readers.</summary>
/// <remarks>
/// Okabe–Ito: Okabe &amp; Ito (2008), "Color Universal Design", J*Fly; recommended by Wong (2011),
/// Nature Methods 8:441. Paul Tol's "bright" and "muted" schemes: Tol (2021), SRON/EPS/TN/09-002. Both stay
/// distinguishable under deuteranopia, protanopia and tritanopia. Orders put the colours with the most contrast
/// on white first; Okabe–Ito's yellow, too pale for thin lines on white, comes last. Series beyond the palette's
/// length wrap around. Instances are immutable and can be shared between threads.
/// </remarks>
public sealed class ColorPalette
{
    private readonly OxyColor[] _colors;

    /// <summary>Creates a palette from colours.</summary>
    /// <param name="name">Name of the palette.</param>
    /// <param name="colors">At least one colour.</param>
    /// <exception cref="ArgumentException">No colours were given.</exception>
    public ColorPalette(string name, IEnumerable<OxyColor> colors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(colors);
        _colors = [.. colors];
        if (_colors.Length == 0)
        {
            throw new ArgumentException("A palette needs at least one colour.", nameof(colors));
        }

        Name = name;
    }

    /// <summary>Gets the Okabe–Ito palette (blue, vermillion, bluish green, reddish purple, orange, sky blue, black, yellow).</summary>
    public static ColorPalette OkabeIto { get; } = FromHex(
        "Okabe–Ito", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");

    /// <summary>Gets Paul Tol's bright palette (blue, red, green, yellow, cyan, purple, grey).</summary>
    public static ColorPalette TolBright { get; } = FromHex(
        "Tol bright", "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB");

    /// <summary>Gets Paul Tol's muted palette (nine colours, for many lines).</summary>
    public static ColorPalette TolMuted { get; } = FromHex(
        "Tol muted", "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499");

    /// <summary>Gets the palette's name.</summary>
    public string Name { get; }

    /// <summary>Gets the colours in order.</summary>
    public IReadOnlyList<OxyColor> Colors => _colors;

    /// <summary>Gets the colour for the series at an index, wrapping around past the end.</summary>
    /// <param name="index">Zero-based series index.</param>
    /// <returns>The colour.</returns>
    public OxyColor this[int index] => _colors[((index % _colors.Length) + _colors.Length) % _colors.Length];

    /// <summary>Creates a palette from "#RRGGBB" strings.</summary>
    /// <param name="name">Name of the palette.</param>
    /// <param name="hex">The colours.</param>
    /// <returns>The palette.</returns>
    public static ColorPalette FromHex(string name, params string[] hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return new ColorPalette(name, hex.Select(OxyColor.Parse));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
