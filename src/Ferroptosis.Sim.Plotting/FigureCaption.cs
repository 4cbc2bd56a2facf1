using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Plotting;

/// <summary>The caption of a figure, written beside it as <c>&lt;name&gt;.caption.txt</c> so that a figure found in a folder explains itself.</summary>
/// <remarks>
/// <para>
/// A caption says what is plotted (<see cref="What"/> and one line per panel), the protocol the result depends on
/// (insult, doses, timing), what the units mean, and how the numbers were made: the model version, the solver and
/// its tolerances. <see cref="ForSimulations"/> fills the last three from the simulations and their options.
/// </para>
/// <para>
/// <see cref="WriteBeside"/> writes the text as UTF-8 through a temporary file renamed when complete, like the
/// figures (<see cref="FigureExporter"/>). Instances are immutable and can be shared between threads.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// FigureExporter.Save(figure, "output/survival.png", 1440, 960);
/// new FigureCaption("Surviving fraction of osteoblasts under erastin 10 µM") { Protocol = "erastin added at t = 0 to resting cells" }
///     .WriteBeside("output/survival.png"); // output/survival.caption.txt
/// </code>
/// </example>
/// <param name="What">What the figure shows, in one sentence, e.g. "Surviving fraction of bone cells under erastin 10 µM and its rescues".</param>
public sealed record FigureCaption(string What)
{
    /// <summary>The end of a caption file's name, after the figure's name without its extension.</summary>
    public const string Extension = ".caption.txt";

    /// <summary>Gets one line per panel, e.g. "A–C: surviving fraction against time, one line per condition".</summary>
    public IReadOnlyList<string> Panels { get; init; } = [];

    /// <summary>Gets the protocol: insult, doses, timing and duration, or <see langword="null"/> when the figure has none.</summary>
    public string? Protocol { get; init; }

    /// <summary>Gets the model version(s) that produced the results, e.g. "ferroptosis model v2", or <see langword="null"/>.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the ODE solver(s), e.g. "Auto", or <see langword="null"/>.</summary>
    public string? Solver { get; init; }

    /// <summary>Gets the solver's relative tolerance, or <see langword="null"/>.</summary>
    public double? RelativeTolerance { get; init; }

    /// <summary>Gets the solver's absolute tolerance, or <see langword="null"/>.</summary>
    public double? AbsoluteTolerance { get; init; }

    /// <summary>Gets further notes: what normalised units mean, which lines coincide, what a marker stands for.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Creates a caption whose model, solver and tolerances are those of ferroptosis simulations.</summary>
    /// <param name="what">What the figure shows.</param>
    /// <param name="results">The simulations plotted; at least one.</param>
    /// <param name="options">The options they were run with; <see langword="null"/> for the defaults of <see cref="CellSimulationOptions"/>.</param>
    /// <returns>The caption, with the note that explains "n.u." (protein and lipid-peroxide levels relative to the resting reference osteoblast).</returns>
    /// <exception cref="ArgumentException">No results.</exception>
    public static FigureCaption ForSimulations(string what, IEnumerable<CellSimulationResult> results, CellSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give the simulations the figure shows.", nameof(results));
        }

        options ??= new CellSimulationOptions();
        return new FigureCaption(what)
        {
            Model = string.Join(", ", list.Select(r => r.Model.ToString()).Distinct(StringComparer.Ordinal)),
            Solver = string.Join(", ", list.Select(r => r.Result.SolverName).Distinct(StringComparer.Ordinal)),
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = options.AbsoluteTolerance,
            Notes = [NormalisedUnitNote],
        };
    }

    /// <summary>Gets the note that explains the normalised unit of the ferroptosis model.</summary>
    public static string NormalisedUnitNote { get; } =
        $"{PathwayQuantity.NormalisedUnit} = normalised units: a protein or lipid-peroxide level relative to the resting reference osteoblast (1 there), so resting osteoclasts start near 2.";

    /// <summary>Returns the caption file of a figure: the figure's path with its extension replaced by <see cref="Extension"/>.</summary>
    /// <param name="figurePath">The figure, e.g. "output/bone-loss.png".</param>
    /// <returns>E.g. "output/bone-loss.caption.txt".</returns>
    public static string PathBeside(string figurePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(figurePath);
        return Path.ChangeExtension(figurePath, null) + Extension;
    }

    /// <summary>Returns the caption as text, one section per line.</summary>
    /// <param name="figureName">The figure's file name for the first line, or <see langword="null"/> to start with <see cref="What"/>.</param>
    /// <returns>The text, ending in a newline.</returns>
    public string ToText(string? figureName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(What);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(figureName))
        {
            text.Append(figureName).Append('\n');
        }

        text.Append(What).Append('\n');
        foreach (string panel in Panels)
        {
            text.Append(panel).Append('\n');
        }

        if (Protocol is not null)
        {
            text.Append("Protocol: ").Append(Protocol).Append('\n');
        }

        if (Model is not null)
        {
            text.Append("Model: ").Append(Model).Append('\n');
        }

        if (Solver is not null || RelativeTolerance is not null || AbsoluteTolerance is not null)
        {
            var parts = new List<string>();
            if (Solver is not null)
            {
                parts.Add(Solver);
            }

            if (RelativeTolerance is double rtol)
            {
                parts.Add(string.Create(c, $"relative tolerance {rtol:G3}"));
            }

            if (AbsoluteTolerance is double atol)
            {
                parts.Add(string.Create(c, $"absolute tolerance {atol:G3}"));
            }

            text.Append("Solver: ").Append(string.Join(", ", parts)).Append('\n');
        }

        foreach (string note in Notes)
        {
            text.Append("Note: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the caption beside a figure (<see cref="PathBeside"/>), as UTF-8, replacing the file in one step.</summary>
    /// <param name="figurePath">The figure the caption belongs to; it need not exist yet.</param>
    /// <returns>The caption file's full path.</returns>
    public string WriteBeside(string figurePath)
    {
        string path = Path.GetFullPath(PathBeside(figurePath));
        byte[] bytes = new UTF8Encoding(false).GetBytes(ToText(Path.GetFileName(figurePath)));
        AtomicFile.Write(path, stream => stream.Write(bytes));
        return path;
    }
}
