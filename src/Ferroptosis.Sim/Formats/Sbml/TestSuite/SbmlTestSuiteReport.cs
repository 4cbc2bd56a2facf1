using System.Globalization;
using System.Text;

namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>Summaries of SBML Test Suite runs: counts per group (core stage or feature group), refusals per feature, and the support table of <c>docs/sbml.md</c>.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SbmlTestSuiteReport
{
    /// <summary>The line that opens the generated support table in a Markdown document.</summary>
    public const string BeginMarker = "<!-- sbml-support-table:begin (generated: ferrosim sbml-test-suite tests/data/sbml-test-suite tests/data/sbml-test-suite-extended --level any --update-doc docs/sbml.md) -->";

    /// <summary>The line that closes the generated support table.</summary>
    public const string EndMarker = "<!-- sbml-support-table:end -->";

    /// <summary>The group of a case: each of its feature groups (extended cases), else <c>core</c> and its stage.</summary>
    /// <param name="info">The case as catalogued, or null (then the group is <c>?</c>).</param>
    /// <returns>The groups; a case can be in several.</returns>
    public static IReadOnlyList<string> GroupsOf(SbmlTestCaseInfo? info) =>
        info is null ? ["?"] : info.Features.Count > 0 ? info.Features : ["core " + info.Stage];

    /// <summary>Counts outcomes per group; a case needing several feature groups counts in each.</summary>
    /// <param name="results">The results.</param>
    /// <param name="catalog">The catalogue(s) the cases come from (<see cref="SbmlTestCaseInfo.ReadCatalog"/>).</param>
    /// <returns>The counts: core stages first, then feature groups by decreasing size.</returns>
    public static IReadOnlyList<SbmlTestGroupCount> CountByGroup(IEnumerable<SbmlTestCaseResult> results, IReadOnlyDictionary<string, SbmlTestCaseInfo> catalog)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. results
            .SelectMany(r => GroupsOf(catalog.GetValueOrDefault(r.CaseId)).Select(g => (Group: g, Result: r)))
            .GroupBy(x => x.Group, x => x.Result)
            .Select(g => Count(g.Key, [.. g]))
            .OrderBy(c => c.Group.StartsWith("core ", StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(c => c.Group.StartsWith("core ", StringComparison.Ordinal) ? 0 : c.Total)
            .ThenBy(c => c.Group, StringComparer.Ordinal)];
    }

    /// <summary>Counts the outcomes of a set of results under one name.</summary>
    /// <param name="group">The name.</param>
    /// <param name="results">The results.</param>
    /// <returns>The counts.</returns>
    public static SbmlTestGroupCount Count(string group, IReadOnlyCollection<SbmlTestCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int Of(SbmlTestOutcome outcome) => results.Count(r => r.Outcome == outcome);
        return new SbmlTestGroupCount(
            group,
            Of(SbmlTestOutcome.Passed),
            Of(SbmlTestOutcome.Failed),
            Of(SbmlTestOutcome.Refused),
            Of(SbmlTestOutcome.LoadError) + Of(SbmlTestOutcome.SimulationError),
            Of(SbmlTestOutcome.NoModelFile));
    }

    /// <summary>Counts refused cases per refused feature (the text between <c>unsupported: </c> and the next colon).</summary>
    /// <param name="results">The results.</param>
    /// <returns>Feature and number of cases, most frequent first.</returns>
    public static IReadOnlyList<(string Feature, int Cases)> RefusalsByFeature(IEnumerable<SbmlTestCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results
            .Where(r => r.Outcome == SbmlTestOutcome.Refused)
            .GroupBy(r => RefusedFeature(r.Message))
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Key, StringComparer.Ordinal)];
    }

    /// <summary>Gets the feature named by a refusal message <c>unsupported: FEATURE: why</c>.</summary>
    /// <param name="message">The message of a refused result.</param>
    /// <returns>The feature, or the whole message when it names none.</returns>
    public static string RefusedFeature(string? message)
    {
        const string Prefix = "unsupported: ";
        string text = message is not null && message.StartsWith(Prefix, StringComparison.Ordinal) ? message[Prefix.Length..] : message ?? string.Empty;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : text;
    }

    /// <summary>Writes the support table: one row per group, a total row, and the refusals per feature, between <see cref="BeginMarker"/> and <see cref="EndMarker"/>.</summary>
    /// <param name="results">The results of every case run (each case once).</param>
    /// <param name="catalog">The catalogue(s) of those cases.</param>
    /// <param name="solver">The solver's name, stated under the table.</param>
    /// <returns>The Markdown text, ending with a newline.</returns>
    public static string SupportTable(IReadOnlyCollection<SbmlTestCaseResult> results, IReadOnlyDictionary<string, SbmlTestCaseInfo> catalog, string solver)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(BeginMarker);
        text.AppendLine("| group | cases | passed | wrong answer | refused | other error | no file |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in CountByGroup(results, catalog).Append(Count("all cases (each once)", results)))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Group} | {c.Total} | {c.Passed} | {c.Failed} | {c.Refused} | {c.Errors} | {c.Skipped} |"));
        }

        text.AppendLine();
        var refusals = RefusalsByFeature(results).ToList();
        string solverLine = $"Solver: {solver}. Each case runs its Level 3 file, or its Level 2 Version 4 file where it has no Level 3 file; a case needing several feature groups counts in each.";
        if (refusals.Count == 0)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{solverLine} No case is refused."));
        }
        else
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{solverLine} Refused cases, by the feature named in the refusal:"));
            text.AppendLine();
            text.AppendLine("| refused feature | cases |");
            text.AppendLine("|---|---:|");
            foreach (var (feature, cases) in refusals)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {feature} | {cases} |"));
            }
        }

        text.AppendLine(EndMarker);
        return text.ToString();
    }

    /// <summary>Replaces the support table in a Markdown document (the lines from <see cref="BeginMarker"/> to <see cref="EndMarker"/>).</summary>
    /// <param name="document">The document's text.</param>
    /// <param name="table">The new table (<see cref="SupportTable"/>).</param>
    /// <returns>The document with the new table.</returns>
    /// <exception cref="FormatException">The document has no such section.</exception>
    public static string ReplaceSupportTable(string document, string table)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(table);
        var (start, end) = SectionBounds(document);
        return string.Concat(document.AsSpan(0, start), table, document.AsSpan(end));
    }

    /// <summary>Gets the support table of a Markdown document, as <see cref="SupportTable"/> writes it.</summary>
    /// <param name="document">The document's text.</param>
    /// <returns>The table, markers included, ending with a newline.</returns>
    /// <exception cref="FormatException">The document has no such section.</exception>
    public static string ExtractSupportTable(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (start, end) = SectionBounds(document);
        return document[start..end];
    }

    private static (int Start, int End) SectionBounds(string document)
    {
        int start = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = start < 0 ? -1 : document.IndexOf(EndMarker, start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException($"The document has no support table between '{BeginMarker}' and '{EndMarker}'.");
        }

        end += EndMarker.Length;
        if (end < document.Length && document[end] == '\r')
        {
            end++;
        }

        if (end < document.Length && document[end] == '\n')
        {
            end++;
        }

        return (start, end);
    }
}
