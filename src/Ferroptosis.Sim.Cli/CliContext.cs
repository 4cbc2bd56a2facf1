using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ferroptosis.Sim.Cli;

/// <summary>Where a command writes: results (tables, progress, file list) to a Spectre console on stdout, errors to stderr; and the guard that turns problems into one message and an exit code.</summary>
/// <remarks>Tests build a context on string writers; the console then has no colours, no animation and a fixed width.</remarks>
internal sealed class CliContext
{
    /// <summary>Initialises a context.</summary>
    /// <param name="console">The console for results.</param>
    /// <param name="error">The error stream.</param>
    public CliContext(IAnsiConsole console, TextWriter error)
    {
        Console = console;
        Error = error;
    }

    /// <summary>Gets the console for results.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets the error stream.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether stderr is a terminal (then long runs print progress there without being asked).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Gets or sets the command line being run (recorded in the run manifest).</summary>
    public IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>Creates a context for the real terminal (colours and live progress when stdout is one).</summary>
    /// <returns>The context.</returns>
    public static CliContext ForTerminal()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when it cannot ask a terminal; tables into files or pipes read better wider.
            console.Profile.Width = 120;
        }

        return new CliContext(console, System.Console.Error) { ErrorIsTerminal = !System.Console.IsErrorRedirected };
    }

    /// <summary>Creates a plain context that writes to text writers: no ANSI codes, no live rendering, 120 columns.</summary>
    /// <param name="output">Receives results.</param>
    /// <param name="error">Receives errors.</param>
    /// <returns>The context.</returns>
    public static CliContext ForWriters(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        return new CliContext(console, error);
    }

    /// <summary>Runs a command body: any exception becomes one line "error: message" on stderr and its exit code (<see cref="CliErrors"/>), cancellation a short note and <see cref="ExitCodes.Cancelled"/>.</summary>
    /// <param name="body">The command's work; returns the exit code.</param>
    /// <returns>The exit code.</returns>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception ex) when (IsCancellation(ex))
        {
            Error.WriteLine("cancelled: no output files were written for the unfinished work.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // Every exception, the library's included, ends as one line and a documented exit code.
            var (code, message) = CliErrors.Describe(ex);
            Error.WriteLine($"error: {message}");
            return code;
        }
    }

    private static bool IsCancellation(Exception ex) =>
        ex is OperationCanceledException || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(e => e is OperationCanceledException));

    /// <summary>Runs a long command body on the thread pool, so that System.CommandLine's Ctrl+C handler can cancel its token while it runs and then receive its exit code.</summary>
    /// <param name="body">The command's work; returns the exit code.</param>
    /// <returns>The exit code.</returns>
    public Task<int> GuardAsync(Func<int> body) => Task.Run(() => Guard(body), CancellationToken.None);

    /// <summary>Writes a renderable (table, rule, text) to the results console.</summary>
    /// <param name="renderable">What to write.</param>
    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>Writes a line of plain text (no markup interpretation).</summary>
    /// <param name="text">The text.</param>
    public void WriteLine(string text = "") => Console.Write(new Text(text + Environment.NewLine));

    /// <summary>Lists files written, one per line after a heading.</summary>
    /// <param name="files">The paths.</param>
    public void ReportFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        if (list.Count == 0)
        {
            return;
        }

        WriteLine("Wrote:");
        foreach (string file in list)
        {
            WriteLine("  " + Path.GetFullPath(file));
        }
    }

    /// <summary>Creates a table with plain-text headers and a simple border.</summary>
    /// <param name="headers">The column headers; those ending in a space are right-aligned (numbers).</param>
    /// <returns>The table.</returns>
    public static Table CreateTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in headers)
        {
            var column = new TableColumn(new Text(header.TrimEnd()));
            table.AddColumn(header.EndsWith(' ') ? column.RightAligned() : column);
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells (no markup interpretation).</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">The cells.</param>
    public static void AddRow(Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
    }
}
