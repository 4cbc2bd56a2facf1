using System.Globalization;
using Ferroptosis.Sim.Cli;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>Runs <c>ferrosim</c> in-process on string writers, and reads back the CSV files it writes.</summary>
internal static class CliTestKit
{
    /// <summary>A small Antimony model with a known solution: A decays at k1 into B, which decays at k2.</summary>
    public const string DecayModel = """
        model decay
          J1: A -> B; k1*A
          J2: B -> ; k2*B
          A = 10; B = 0
          k1 = 0.5; k2 = 0.2
        end
        """;

    /// <summary>y' = y², y(0) = 1 blows up at t = 1: a run past it must fail.</summary>
    public const string BlowUpModel = """
        model blowup
          J1: -> y; y^2
          y = 1
        end
        """;

    /// <summary>Runs a command line.</summary>
    public static CliRun Run(params string[] args) => Run(CancellationToken.None, args);

    /// <summary>Runs a command line with a cancellation token.</summary>
    public static CliRun Run(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApplication.Run(args, output, error, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Reads a CSV file: its header and its rows parsed as numbers where they are numbers; comment lines (starting with '#', e.g. the model version) are skipped.</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();
        Assert.That(lines, Is.Not.Empty, $"{path} is empty");
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.That(rows.Select(r => r.Length), Is.All.EqualTo(header.Length), $"{path}: every row must have as many cells as the header");
        return (header, rows);
    }

    /// <summary>Parses a CSV cell as an invariant-culture number.</summary>
    public static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Lists every file under a folder (none if it does not exist), including temporary ones.</summary>
    public static string[] FilesIn(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
}

/// <summary>The outcome of one command line.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">What went to stdout.</param>
/// <param name="Error">What went to stderr.</param>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
