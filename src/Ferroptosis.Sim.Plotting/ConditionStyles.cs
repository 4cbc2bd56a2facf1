using System.Text.RegularExpressions;
using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>One condition, one look: the colour, line style and marker of every named condition, drug, disease scenario and cell type, the same in every figure.</summary>
/// <remarks>
/// <para>
/// A figure that shows erastin in vermillion must not show it in blue in the next one, so conditions are not
/// coloured by their position in a palette but looked up here by name. <see cref="Find"/> reads a label such as
/// "+ Fer-1 1 µM", "erastin 2 µM + ML385 5 µM", "iron-overload" or "Osteoclast" and returns the style of the
/// condition it names. A label naming several is given the style of the agent that sets the arm apart: a rescue
/// or modulator (Fer-1, DFO, ZnPP, ML385…) before the inducer it is combined with, a drug before the disease
/// scenario, a condition before the cell type; "untreated", "control" and "healthy" only when nothing else is named.
/// </para>
/// <para>
/// Colours are from the Okabe–Ito and Paul Tol schemes (see <see cref="ColorPalette"/>), which stay distinct under
/// the common colour-vision deficiencies; erastin (vermillion) and ZnPP (reddish purple) differ in hue and line
/// style, and ML385, which is shown with erastin, is indigo rather than an orange next to erastin's vermillion. Conditions that often lie on top of each other have different dash patterns, so one stays visible through
/// the gaps of another: untreated is black and dashed, ferrostatin-1 green and solid, deferoxamine blue and dotted.
/// No two registered conditions share both colour and line style. Markers are for point charts (dose–response,
/// summary points); time courses with many samples use colour and line style only. Instances are immutable and
/// the methods are thread-safe.
/// </para>
/// </remarks>
public static class ConditionStyles
{
    private static readonly OxyColor Black = OxyColor.FromRgb(0x00, 0x00, 0x00);
    private static readonly OxyColor Blue = OxyColor.Parse("#0072B2");
    private static readonly OxyColor Vermillion = OxyColor.Parse("#D55E00");
    private static readonly OxyColor BluishGreen = OxyColor.Parse("#009E73");
    private static readonly OxyColor ReddishPurple = OxyColor.Parse("#CC79A7");
    private static readonly OxyColor Orange = OxyColor.Parse("#E69F00");
    private static readonly OxyColor SkyBlue = OxyColor.Parse("#56B4E9");
    private static readonly OxyColor Indigo = OxyColor.Parse("#332288");
    private static readonly OxyColor Teal = OxyColor.Parse("#44AA99");
    private static readonly OxyColor Olive = OxyColor.Parse("#999933");
    private static readonly OxyColor Wine = OxyColor.Parse("#882255");
    private static readonly OxyColor Purple = OxyColor.Parse("#AA4499");
    private static readonly OxyColor Rose = OxyColor.Parse("#CC6677");
    private static readonly OxyColor DarkGreen = OxyColor.Parse("#117733");
    private static readonly OxyColor Brown = OxyColor.Parse("#8C510A");
    private static readonly OxyColor Cyan = OxyColor.Parse("#88CCEE");
    private static readonly OxyColor Grey = OxyColor.Parse("#777777");
    private static readonly OxyColor TolBlue = OxyColor.Parse("#4477AA");
    private static readonly OxyColor TolRed = OxyColor.Parse("#EE6677");
    private static readonly OxyColor TolGreen = OxyColor.Parse("#228833");
    private static readonly OxyColor TolYellow = OxyColor.Parse("#CCBB44");

    /// <summary>The registry in matching order: the first entry whose key occurs in a label as a whole word wins.</summary>
    private static readonly ConditionEntry[] Registry =
    [
        // Rescues and modulators first: "erastin + Fer-1" is the Fer-1 arm.
        Entry("ferrostatin-1", BluishGreen, LineStyle.Solid, MarkerType.Diamond, "ferrostatin-1", "ferrostatin", "fer-1"),
        Entry("liproxstatin-1", Teal, LineStyle.Dash, MarkerType.Diamond, "liproxstatin-1", "liproxstatin", "lip-1"),
        Entry("vitamin E", Olive, LineStyle.Dash, MarkerType.Diamond, "vitamin-e", "vitamin e"),
        Entry("deferoxamine", Blue, LineStyle.Dot, MarkerType.Triangle, "deferoxamine", "dfo"),
        Entry("zinc protoporphyrin", ReddishPurple, LineStyle.DashDot, MarkerType.Cross, "znpp", "zinc protoporphyrin"),
        Entry("tin protoporphyrin", Purple, LineStyle.DashDot, MarkerType.Cross, "snpp", "tin protoporphyrin"),
        Entry("ML385", Indigo, LineStyle.DashDot, MarkerType.Star, "ml385"),
        Entry("sulforaphane", SkyBlue, LineStyle.Solid, MarkerType.Triangle, "sulforaphane", "sfn"),
        Entry("tBHQ", Cyan, LineStyle.Dash, MarkerType.Triangle, "tbhq"),
        Entry("dimethyl fumarate", DarkGreen, LineStyle.Dash, MarkerType.Triangle, "dimethyl-fumarate", "dimethyl fumarate", "dmf"),
        Entry("melatonin", TolYellow, LineStyle.Dash, MarkerType.Triangle, "melatonin"),
        Entry("hemin", Indigo, LineStyle.Dot, MarkerType.Square, "hemin"),
        Entry("ferric ammonium citrate", Brown, LineStyle.Dash, MarkerType.Square, "fac", "ferric ammonium citrate"),
        Entry("dexamethasone", Grey, LineStyle.Dash, MarkerType.Square, "dexamethasone", "dex"),

        // Ferroptosis inducers.
        Entry("RSL3", Wine, LineStyle.Solid, MarkerType.Square, "rsl3"),
        Entry("ML162", Rose, LineStyle.Solid, MarkerType.Square, "ml162"),
        Entry("erastin", Vermillion, LineStyle.Solid, MarkerType.Square, "erastin"),

        // Disease scenarios.
        Entry("high glucose + high fat", Orange, LineStyle.Dash, MarkerType.Circle, "high-glucose-high-fat", "high glucose high fat", "high glucose + high fat"),
        Entry("high glucose", Orange, LineStyle.Solid, MarkerType.Circle, "high-glucose", "high glucose"),
        Entry("glucocorticoid", Indigo, LineStyle.Solid, MarkerType.Circle, "glucocorticoid", "glucocorticoids"),
        Entry("iron overload", Brown, LineStyle.Solid, MarkerType.Circle, "iron-overload", "iron overload"),
        Entry("estrogen deficiency", Purple, LineStyle.Solid, MarkerType.Circle, "estrogen-deficiency", "estrogen deficiency", "estrogen loss"),
        Entry("steroid osteonecrosis", Wine, LineStyle.Dash, MarkerType.Circle, "steroid-osteonecrosis", "steroid osteonecrosis"),

        // Cell types (a figure whose lines are cell types under one condition).
        Entry("osteoclast precursor", TolYellow, LineStyle.Dot, MarkerType.Plus, "osteoclast-precursor", "osteoclast precursor"),
        Entry("osteoblast", TolBlue, LineStyle.Solid, MarkerType.Plus, "osteoblast", "osteoblasts"),
        Entry("osteoclast", TolRed, LineStyle.Dash, MarkerType.Plus, "osteoclast", "osteoclasts"),
        Entry("osteocyte", TolGreen, LineStyle.DashDot, MarkerType.Plus, "osteocyte", "osteocytes"),

        // The reference arm, only when the label names nothing else.
        Entry("untreated", Black, LineStyle.Dash, MarkerType.Circle, "untreated", "control", "healthy", "vehicle"),
    ];

    /// <summary>Gets the names of the registered conditions, in matching order (rescues and modulators, inducers, disease scenarios, cell types, untreated).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registry.Select(e => e.Name)];

    /// <summary>Finds the style of the condition a label names.</summary>
    /// <param name="label">A legend label, e.g. "+ DFO 100 µM", "erastin 10 µM", "glucocorticoid" or "Osteocyte"; case is ignored.</param>
    /// <returns>Its colour, line style and marker, or <see langword="null"/> when the label names no registered condition.</returns>
    public static SeriesStyle? Find(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        foreach (var entry in Registry)
        {
            if (entry.Pattern.IsMatch(label))
            {
                return entry.Style;
            }
        }

        return null;
    }

    /// <summary>Gets the style of a registered condition by its name in <see cref="Names"/> (or any label naming it).</summary>
    /// <param name="condition">The condition, e.g. "erastin" or "untreated".</param>
    /// <returns>Its style.</returns>
    /// <exception cref="ArgumentException">The condition is not registered.</exception>
    public static SeriesStyle Of(string condition) =>
        Find(condition) ?? throw new ArgumentException($"'{condition}' names no registered condition. Registered: {string.Join(", ", Names)}.", nameof(condition));

    /// <summary>Gives each series of one chart that has no style of its own the style of the condition its name names, without markers (for time courses with many samples).</summary>
    /// <param name="series">The series of one chart, in drawing order.</param>
    /// <returns>The series, restyled where the name names a registered condition whose colour and line style no earlier series of the chart already has; the others unchanged (they take the palette's colours).</returns>
    public static IReadOnlyList<Series> Apply(IEnumerable<Series> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        var styles = ForLines([.. list.Select(s => s.Name)]);
        return [.. list.Select((s, i) => s.Style is null && styles[i] is { } style ? s with { Style = style } : s)];
    }

    /// <summary>Styles the lines of one chart: each the style of its condition, without markers, or <see langword="null"/> (the palette colour) where the label names none or its style is already taken in this chart.</summary>
    /// <param name="labels">The line labels in drawing order.</param>
    /// <returns>One style or <see langword="null"/> per label.</returns>
    internal static SeriesStyle?[] ForLines(IReadOnlyList<string> labels)
    {
        var taken = new HashSet<(OxyColor, LineStyle)>();
        var styles = new SeriesStyle?[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            if (Find(labels[i]) is { } style && taken.Add((style.Color!.Value, style.LineStyle!.Value)))
            {
                styles[i] = style with { Marker = null };
            }
        }

        return styles;
    }

    private static ConditionEntry Entry(string name, OxyColor color, LineStyle lineStyle, MarkerType marker, params string[] keys)
    {
        string alternatives = string.Join('|', keys.Select(Regex.Escape));
        var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}-])(?:{alternatives})(?![\p{{L}}\p{{N}}-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return new ConditionEntry(name, pattern, new SeriesStyle { Color = color, LineStyle = lineStyle, Marker = marker });
    }

    /// <summary>One registered condition: its name, the pattern of the words that name it, and its style.</summary>
    private sealed record ConditionEntry(string Name, Regex Pattern, SeriesStyle Style);
}
