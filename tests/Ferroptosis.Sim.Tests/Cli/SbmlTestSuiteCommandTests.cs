using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Tests.Formats.Sbml;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>The <c>ferrosim sbml-test-suite</c> command on a small folder of cases laid out like the suite, one of them made to fail.</summary>
public sealed class SbmlTestSuiteCommandTests
{
    [Test]
    public void Command_PrintsEachFailingCase_StageCounts_AndPassedNOfM()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"sbml-suite-{Guid.NewGuid():N}");
        try
        {
            foreach (string id in new[] { "00001", "00002" })
            {
                string target = Path.Combine(folder, "cases", id);
                Directory.CreateDirectory(target);
                foreach (string file in Directory.GetFiles(TestData.Case(id)))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                }
            }

            File.WriteAllLines(Path.Combine(folder, "cases.tsv"), ["case\tstage\tcomponentTags\ttestTags", "00001\tS0\t\t", "00002\tS0\t\t"]);

            // Raise case 00002's first expected S1 by 1: the case must be reported as failing there, with that value.
            string results = Path.Combine(folder, "cases", "00002", "00002-results.csv");
            var lines = File.ReadAllLines(results);
            var cells = lines[1].Split(',');
            double original = double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
            cells[1] = (original + 1).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            lines[1] = string.Join(',', cells);
            File.WriteAllLines(results, lines);

            using var output = new StringWriter();
            int exitCode = SbmlTestSuiteCommand.Create(output).Parse([folder, "--level", "l3v2", "--solver", "DormandPrince5"]).Invoke();
            var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(printed, Has.Length.EqualTo(3), output.ToString());
            Assert.That(printed[0], Does.StartWith("00002 failed: S1 at t=0: expected " + (original + 1).ToString("G10", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(printed[1], Is.EqualTo("S0: passed 1 of 2"));
            Assert.That(printed[2], Is.EqualTo("passed 1 of 2"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void CaseWithoutAFileAtTheLevel_IsReportedAsSkipped_AndCountsAmongTheCases()
    {
        // 01784 has only a Level 2 Version 4 file: at l3v2 it is skipped with the reason, and M counts every case folder.
        string folder = Path.Combine(Path.GetTempPath(), $"sbml-suite-{Guid.NewGuid():N}");
        try
        {
            foreach (string id in new[] { "00001", "01784" })
            {
                string target = Path.Combine(folder, "cases", id);
                Directory.CreateDirectory(target);
                foreach (string file in Directory.GetFiles(TestData.Case(id)))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                }
            }

            File.WriteAllLines(Path.Combine(folder, "cases.tsv"), ["case\tstage\tcomponentTags\ttestTags", "00001\tS0\t\t", "01784\tS1\t\t"]);

            using var output = new StringWriter();
            int exitCode = SbmlTestSuiteCommand.Create(output).Parse([folder, "--level", "l3v2", "--solver", "DormandPrince5"]).Invoke();
            var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.That(exitCode, Is.Zero, output.ToString());
            Assert.That(printed, Is.EqualTo(new[]
            {
                "01784 skipped: no l3v2 or l3v1 file; the case has 01784-sbml-l2v4.xml",
                "S0: passed 1 of 1",
                "S1: passed 0 of 1 (1 skipped: no file at this level)",
                "passed 1 of 2 (1 skipped: no file at this level)",
            }));

            using var level2 = new StringWriter();
            Assert.That(SbmlTestSuiteCommand.Create(level2).Parse([folder, "--level", "l2v4", "--solver", "DormandPrince5"]).Invoke(), Is.Zero, level2.ToString());
            Assert.That(level2.ToString(), Does.EndWith("passed 2 of 2" + Environment.NewLine));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void UnknownLevel_IsAParseError()
    {
        using var output = new StringWriter();
        int exitCode = SbmlTestSuiteCommand.Create(output).Parse([".", "--level", "l1v1"]).Invoke();
        Assert.That(exitCode, Is.Not.Zero);
    }
}
