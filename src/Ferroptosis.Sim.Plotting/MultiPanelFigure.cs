using System.Text;
using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>A grid of plots exported as one image, each panel labelled A, B, C… in its top-left corner.</summary>
/// <remarks>
/// Panels fill the grid row by row; all cells have the same size, the figure size divided by the grid. A
/// single <see cref="PlotModel"/> is exported as a 1 × 1 figure without a letter. Export with
/// <see cref="FigureExporter"/>: PNG and PDF render every model into its own translated, clipped region of one
/// SkiaSharp canvas; SVG nests each panel's OxyPlot SVG in a translated group, with element ids prefixed per
/// panel so clip paths stay distinct. The figure holds the models, not copies: do not change them while
/// exporting. Instances are immutable apart from the models they hold.
/// </remarks>
public sealed class MultiPanelFigure
{
    private readonly PlotModel[] _panels;

    /// <summary>Creates a figure.</summary>
    /// <param name="panels">The plots, in reading order; at least one.</param>
    /// <param name="columns">Panels per row; the row count follows from the number of panels.</param>
    /// <exception cref="ArgumentException">No panels, or a panel is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is not positive.</exception>
    public MultiPanelFigure(IEnumerable<PlotModel> panels, int columns = 2)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        _panels = [.. panels];
        if (_panels.Length == 0 || Array.Exists(_panels, p => p is null))
        {
            throw new ArgumentException("A figure needs at least one panel, and no panel may be null.", nameof(panels));
        }

        Columns = Math.Min(columns, _panels.Length);
        Rows = (_panels.Length + Columns - 1) / Columns;
    }

    /// <summary>Gets the plots in reading order.</summary>
    public IReadOnlyList<PlotModel> Panels => _panels;

    /// <summary>Gets the number of panels per row.</summary>
    public int Columns { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Rows { get; }

    /// <summary>Gets a value indicating whether panels are labelled A, B, C….</summary>
    public bool ShowPanelLetters { get; init; } = true;

    /// <summary>Gets the size of the panel letters in 96-dpi pixels.</summary>
    public double LetterFontSize { get; init; } = 22;

    /// <summary>Gets the font family of the letters, or <see langword="null"/> for the default sans-serif font.</summary>
    public string? LetterFontFamily { get; init; }

    /// <summary>Returns the letter of a panel: A–Z, then AA, AB….</summary>
    /// <param name="index">Zero-based panel index.</param>
    /// <returns>The letter.</returns>
    public static string PanelLetter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    /// <summary>Wraps one plot as a figure with no letter.</summary>
    internal static MultiPanelFigure Single(PlotModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new MultiPanelFigure([model], 1) { ShowPanelLetters = false };
    }

    /// <summary>The region of the grid cell of a panel, in layout units.</summary>
    internal OxyRect CellBounds(int index, double width, double height)
    {
        double cellWidth = width / Columns, cellHeight = height / Rows;
        return new OxyRect((index % Columns) * cellWidth, (index / Columns) * cellHeight, cellWidth, cellHeight);
    }

    /// <summary>The region the plot of a panel is drawn in: its cell, less a band at the top for the letter.</summary>
    internal OxyRect PlotBounds(int index, double width, double height)
    {
        var cell = CellBounds(index, width, height);
        double band = ShowPanelLetters ? Math.Min(LetterFontSize * 1.1, cell.Height / 4) : 0;
        return new OxyRect(cell.Left, cell.Top + band, cell.Width, cell.Height - band);
    }

    /// <summary>Where a panel's letter goes (its top-left corner), in layout units.</summary>
    internal ScreenPoint LetterPosition(int index, double width, double height)
    {
        var cell = CellBounds(index, width, height);
        return new ScreenPoint(cell.Left + 6, cell.Top + 4);
    }
}
