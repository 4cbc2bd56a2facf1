using Ferroptosis.Sim.Tests.Pathway.Contract;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>The usage lines of <c>ferrosim --help</c> and of each verb's help are true: optional arguments are shown in brackets, as docs/cli.md writes them.</summary>
public sealed class HelpTests
{
    [Test]
    public void RootHelp_ShowsOptionalArguments_InBrackets_WithAlignedColumns()
    {
        var run = Run("--help");
        var rows = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("  simulate [<MODEL>]  ").And.Contain("  scan [<MODEL>]  ").And.Contain("  list [<WHAT>]  ").And.Contain("  convert <IN> <OUT>  "));
            Assert.That(run.Output, Does.Not.Contain("simulate <MODEL>").And.Not.Contain("scan <MODEL>").And.Not.Contain("list <WHAT>"));
            Assert.That(rows, Has.Count.EqualTo(9), run.Output);
            Assert.That(rows.Select(DescriptionColumn).Distinct().Count(), Is.EqualTo(1), "the descriptions start in one column:\n" + string.Join('\n', rows));
        });
    }

    [TestCase("simulate", " simulate [<MODEL>] [options]", "ferrosim simulate [MODEL]")]
    [TestCase("scan", " scan [<MODEL>] [options]", "ferrosim scan [MODEL]")]
    [TestCase("list", " list [<WHAT>] [options]", "ferrosim list [models|cells|")]
    [TestCase("convert", " convert <IN> <OUT> [options]", "ferrosim convert IN OUT")]
    [TestCase("validate", " validate <FILE> [options]", "ferrosim validate FILE")]
    public void VerbHelp_UsageLine_MatchesTheDocs(string verb, string usage, string documented)
    {
        var run = Run(verb, "--help");
        string doc = File.ReadAllText(Path.Combine(ContractSuite.RepositoryRoot, "docs", "cli.md"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain(usage));
            Assert.That(doc, Does.Contain(documented));
        });
    }

    [TestCase("simulate")]
    [TestCase("scan")]
    [TestCase("list")]
    [TestCase("remodel")]
    [TestCase("sbml-test-suite")]
    public void VerbHelp_GivesEachDefaultOnce(string verb)
    {
        var run = Run(verb, "--help");
        var options = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Options:", StringComparison.Ordinal)).Skip(1).Where(l => l.TrimStart().StartsWith('-')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(options, Is.Not.Empty, run.Output);
            Assert.That(options.Where(l => l.Contains("(default", StringComparison.Ordinal) && l.Contains("[default:", StringComparison.Ordinal)), Is.Empty, "a default in the description and again as [default: …]");
            Assert.That(options.Where(l => CountOf(l, "[default:") > 1), Is.Empty, "a default given twice");
        });
    }

    private static int CountOf(string line, string text) => (line.Length - line.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;

    private static int DescriptionColumn(string row)
    {
        int gap = row.IndexOf("  ", 2, StringComparison.Ordinal);
        return row.AsSpan(gap).IndexOfAnyExcept(' ') + gap;
    }
}
