using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Docs;

/// <summary>
/// The limits and codes the documentation quotes are the code's: the exit-code table of docs/cli.md, the size limits of
/// <c>simulate</c> and <c>scan</c>, the compiler's limits in docs/sbml.md and the default point limit of a pathway run.
/// A change of a constant that leaves its documentation behind fails here.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class DocumentedLimitsTests
{
    [Test]
    public void TheExitCodeTable_ListsEveryExitCode_AndNoOther()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).Order().ToList();
        string section = Section(Read("docs", "cli.md"), "## Errors, exit codes and interruption");
        var documented = ExitCodeRow().Matches(section).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();

        Assert.That(documented, Is.EqualTo(codes), "docs/cli.md's exit-code table against ExitCodes");
    }

    [Test]
    public void TheSizeLimits_InDocsCli_AreTheToolsLimits()
    {
        string doc = Read("docs", "cli.md");

        Assert.Multiple(() =>
        {
            Assert.That(doc, Does.Contain($"`simulate`: {Spaced(RunSize.MaxValues)} values; `scan`: {Spaced(RunSize.MaxScanPoints)} simulations"));
            Assert.That(doc, Does.Contain($"{Spaced(RunSize.MaxValues)} values (about"));
        });
    }

    [Test]
    public void TheCompilerLimits_InDocsSbml_AreTheCompilersLimits()
    {
        string doc = Read("docs", "sbml.md");

        Assert.Multiple(() =>
        {
            Assert.That(doc, Does.Contain($"`ModelCompiler.MaxExpressionDepth` = {Spaced(ModelCompiler.MaxExpressionDepth)}:"));
            Assert.That(doc, Does.Contain($"`ModelCompiler.MaxExpandedNodes` = {Spaced(ModelCompiler.MaxExpandedNodes)}:"));
            Assert.That(doc, Does.Contain($"deeper than {ModelCompiler.MaxExpressionDepth} operations"));
            Assert.That(doc, Does.Contain($"Kernels of up to {Spaced(KernelEmitter.MaxCompiledStatements)}\nstatements"));
            Assert.That(doc, Does.Contain($"kernels of more than {Spaced(KernelEmitter.MaxCompiledStatements)} statements are now"));
        });
    }

    [Test]
    public void TheDefaultPointLimit_InTheChangelog_IsTheOptionsDefault()
    {
        long limit = new CellSimulationOptions().MaxOutputPoints;

        Assert.That(Read("CHANGELOG.md"), Does.Contain($"`CellSimulationOptions.MaxOutputPoints` (default {Spaced(limit)})"));
    }

    /// <summary>A number as the documentation writes it: thousands separated by a space from 10 000 on.</summary>
    private static string Spaced(long value) =>
        value < 10_000 ? value.ToString(CultureInfo.InvariantCulture) : value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');

    private static string Section(string text, string heading)
    {
        int start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section '{heading}'");
        int end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static string Read(params string[] path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ferroptosis.Sim.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "the repository root was not found");
        return File.ReadAllText(Path.Combine([directory!.FullName, .. path]));
    }

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
