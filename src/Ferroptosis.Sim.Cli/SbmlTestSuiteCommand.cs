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
        var folder = new Argument<DirectoryInfo[]>("folder")
        {
            Description = "One or more suite folders (holding cases/ and cases.tsv) or folders of NNNNN case folders.",
            Arity = ArgumentArity.OneOrMore,
        };
        var level = new Option<string>("--level")
        {
            Description = "Which SBML file of each case to run: l3v2 (falling back to l3v1), l3v1, l2v4, or any (the Level 3 file, else the l2v4 file).",
            DefaultValueFactory = _ => "l3v2",
        };
        level.AcceptOnlyFromAmong("l3v2", "l3v1", "l2v4", "any");
        var solver = new Option<string?>("--solver")
        {
            Description = "The ODE solver by name (default: the best available).",
        };

        var updateDoc = new Option<FileInfo?>("--update-doc")
        {
            Description = "Rewrites the generated support table (between its markers) in this Markdown file from the run.",
        };
        var command = new Command("sbml-test-suite", "Runs SBML Test Suite cases; prints one line per failing, refused or skipped case, the counts per stage or feature group, and 'passed N of M' (M = every case folder).")
        {
            folder,
            level,
            solver,
            updateDoc,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(folder)!, parse.GetValue(level)!, parse.GetValue(solver), output, parse.GetValue(updateDoc));
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

    /// <summary>Runs the cases of one or more folders.</summary>
    /// <param name="folders">The suite or cases folders.</param>
    /// <param name="level">l3v2, l3v1, l2v4 or any.</param>
    /// <param name="solverName">A solver name, or null for the default.</param>
    /// <param name="output">Receives the failing cases and the summary.</param>
    /// <param name="updateDoc">A Markdown file whose support table is rewritten from the run, or null.</param>
    /// <returns>0 when every case with a file at the level passed or was refused by name (an unsupported feature), else 1.</returns>
    /// <exception cref="CliException">A folder does not exist.</exception>
    public static int Run(IReadOnlyList<DirectoryInfo> folders, string level, string? solverName, TextWriter output, FileInfo? updateDoc = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var folder in folders)
        {
            if (!folder.Exists)
            {
                throw new CliException($"The folder '{folder.FullName}' does not exist; give the suite folder (with cases/) or a folder of NNNNN case folders.");
            }
        }

        var testLevel = level switch
        {
            "l3v1" => SbmlTestLevel.L3V1,
            "l2v4" => SbmlTestLevel.L2V4,
            "any" => SbmlTestLevel.Any,
            _ => SbmlTestLevel.L3V2,
        };
        var runner = new SbmlTestSuiteRunner(solverName is null ? null : OdeSolvers.FromName(solverName));
        var results = new List<SbmlTestCaseResult>();
        var catalog = new Dictionary<string, SbmlTestCaseInfo>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            // Every case folder counts: a case without a file at the level is reported as skipped, with what it has.
            var folderResults = runner.RunSuite(folder.FullName, testLevel);
            results.AddRange(folderResults);
            foreach (var result in folderResults.Where(r => !r.Passed))
            {
                output.WriteLine(result.ToString());
            }

            string catalogFile = Path.Combine(folder.FullName, "cases.tsv");
            if (File.Exists(catalogFile))
            {
                var folderCatalog = SbmlTestCaseInfo.ReadCatalog(catalogFile);
                foreach (var (id, info) in folderCatalog)
                {
                    catalog[id] = info;
                }

                WriteCounts(output, folderResults, folderCatalog);
            }
        }

        int passedCount = results.Count(r => r.Passed);
        int skippedCount = results.Count(r => r.Outcome == SbmlTestOutcome.NoModelFile);
        int refusedCount = results.Count(r => r.Outcome == SbmlTestOutcome.Refused);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passed {passedCount} of {results.Count}{Refused(refusedCount)}{Skipped(skippedCount)}"));
        if (updateDoc is not null)
        {
            string text = File.ReadAllText(updateDoc.FullName);
            File.WriteAllText(updateDoc.FullName, SbmlTestSuiteReport.ReplaceSupportTable(text, SbmlTestSuiteReport.SupportTable(results, catalog, runner.Solver.Name)));
            output.WriteLine($"updated the support table in {updateDoc.Name}");
        }

        // Skipped and refused cases are not failures: the exit code says whether any case gave a wrong answer or an error.
        return passedCount + skippedCount + refusedCount == results.Count ? 0 : 1;
    }

    /// <summary>Writes the passes per stage (core catalogues) or the outcomes per feature group (extended catalogues).</summary>
    private static void WriteCounts(TextWriter output, IReadOnlyList<SbmlTestCaseResult> results, IReadOnlyDictionary<string, SbmlTestCaseInfo> catalog)
    {
        if (!catalog.Values.Any(c => c.Features.Count > 0))
        {
            foreach (var (stage, passed, skipped, total) in SbmlTestSuiteRunner.CountByStage(results, catalog))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: passed {passed} of {total}{Skipped(skipped)}"));
            }

            return;
        }

        foreach (var c in SbmlTestSuiteReport.CountByGroup(results, catalog))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{c.Group}: passed {c.Passed} of {c.Total}; wrong answer {c.Failed}, refused {c.Refused}, other error {c.Errors}, no file {c.Skipped}"));
        }
    }

    private static string Refused(int count) =>
        count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({count} refused: unsupported feature)");

    private static string Skipped(int count) =>
        count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({count} skipped: no file at this level)");
}
