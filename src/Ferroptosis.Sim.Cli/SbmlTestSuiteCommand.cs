using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Formats.Sbml.TestSuite;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>sbml-test-suite</c> command: runs a folder of SBML Test Suite cases and prints the failures and a summary.</summary>
internal static class SbmlTestSuiteCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="output">Receives the failing cases and the summary.</param>
    /// <param name="error">Receives "error: ..." lines (default: <paramref name="output"/>).</param>
    /// <returns>The command.</returns>
    public static Command Create(TextWriter output, TextWriter? error = null)
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "The suite folder (holding cases/ and cases.tsv) or a folder of NNNNN case folders.",
        };
        var level = new Option<string>("--level")
        {
            Description = "Which SBML file of each case to run: l3v2 (falling back to l3v1), l3v1 or l2v4.",
            DefaultValueFactory = _ => "l3v2",
        };
        level.AcceptOnlyFromAmong("l3v2", "l3v1", "l2v4");
        var solver = new Option<string?>("--solver")
        {
            Description = "The ODE solver by name (default: the best available).",
        };

        var command = new Command("sbml-test-suite", "Runs SBML Test Suite cases; prints one line per failing or skipped case and 'passed N of M' (M = every case folder).")
        {
            folder,
            level,
            solver,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(folder)!, parse.GetValue(level)!, parse.GetValue(solver), output);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As every command: one line and a documented exit code, never a stack trace.
                var (code, message) = CliErrors.Describe(ex);
                (error ?? output).WriteLine($"error: {message}");
                return code;
            }
        });
        return command;
    }

    /// <summary>Runs the cases of a folder.</summary>
    /// <param name="folder">The suite or cases folder.</param>
    /// <param name="level">l3v2, l3v1 or l2v4.</param>
    /// <param name="solverName">A solver name, or null for the default.</param>
    /// <param name="output">Receives the failing cases and the summary.</param>
    /// <returns>0 when every case with a file at the level passed, else 1.</returns>
    /// <exception cref="CliException">The folder does not exist.</exception>
    public static int Run(DirectoryInfo folder, string level, string? solverName, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        if (!folder.Exists)
        {
            throw new CliException($"The folder '{folder.FullName}' does not exist; give the suite folder (with cases/) or a folder of NNNNN case folders.");
        }

        var testLevel = level switch
        {
            "l3v1" => SbmlTestLevel.L3V1,
            "l2v4" => SbmlTestLevel.L2V4,
            _ => SbmlTestLevel.L3V2,
        };
        var runner = new SbmlTestSuiteRunner(solverName is null ? null : OdeSolvers.FromName(solverName));
        // Every case folder counts: a case without a file at the level is reported as skipped, with what it has.
        var results = runner.RunSuite(folder.FullName, testLevel);
        foreach (var result in results.Where(r => !r.Passed))
        {
            output.WriteLine(result.ToString());
        }

        string catalog = Path.Combine(folder.FullName, "cases.tsv");
        if (File.Exists(catalog))
        {
            foreach (var (stage, passed, skipped, total) in SbmlTestSuiteRunner.CountByStage(results, SbmlTestCaseInfo.ReadCatalog(catalog)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: passed {passed} of {total}{Skipped(skipped)}"));
            }
        }

        int passedCount = results.Count(r => r.Passed);
        int skippedCount = results.Count(r => r.Outcome == SbmlTestOutcome.NoModelFile);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passed {passedCount} of {results.Count}{Skipped(skippedCount)}"));

        // Skipped cases are not failures: the exit code says whether every case that has a file at the level passed.
        return passedCount + skippedCount == results.Count ? 0 : 1;
    }

    private static string Skipped(int count) =>
        count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({count} skipped: no file at this level)");
}
