using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim wave</c> driven in-process: a trigger-wave run described by a JSON file; CSV, summary and file errors.</summary>
public sealed class WaveCommandTests : TempFolderTests
{
    [Test]
    public void Wave_PrimedLine_PropagatesAtTheCalibratedSpeed_AndWritesTheFrontAndTheFractionDead()
    {
        string file = Path.Combine(Folder, "line.json");
        File.WriteAllText(file, """{ "rows": 1, "columns": 200, "hours": 8, "erastin": 1 }""");
        var run = Run("wave", file, "--out", Path.Combine(Folder, "out"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(Folder, "out", "wave.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("1 x 200 osteoblasts 20 µm apart (4400 states), erastin 1 µM for 24 h, 21 cells seeded"));
            Assert.That(run.Output, Does.Match(@"speed 5\.[0-9]{2} µm/min"));
            Assert.That(header, Is.EqualTo(new[] { "time_h", "front_um", "fraction_dead" }));
            Assert.That(File.ReadLines(Path.Combine(Folder, "out", "wave.csv")).First(), Is.EqualTo($"# Ferroptosis.Sim {FerroptosisModel.Version2} (files {Pathway.ModelVersionTests.FingerprintOnDisk("v2")}) with its tissue extension trigger-wave.ant"), "the model version heads the CSV");
            Assert.That(rows, Has.Count.EqualTo(9));
            Assert.That(Number(rows[^1][1]), Is.GreaterThan(2000), "the front has travelled");
            Assert.That(Number(rows[^1][2]), Is.GreaterThan(Number(rows[4][2])).And.GreaterThan(0.5), "the fraction dead rises");
        });
    }

    [Test]
    public void Wave_WithFerrostatin_StaysAtTheSeed()
    {
        string file = Path.Combine(Folder, "fer1.json");
        File.WriteAllText(file, """{ "columns": 100, "hours": 6, "drugs": { "fer1": 1 } }""");
        var run = Run("wave", file, "--out", Path.Combine(Folder, "out"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (_, rows) = ReadCsv(Path.Combine(Folder, "out", "wave.csv"));
        Assert.That(rows.Max(r => Number(r[1])), Is.LessThan(600), "no front leaves the 400 µm seed");
    }

    [Test]
    public void Wave_VariedLine_DrawsEachCellFromThePopulationDistributions_AndReportsTheCellsDeadAfterPriming()
    {
        // Every kinetic constant varied with CV 20 % (seed 1): as HeterogeneousTissueTests finds for 150 cells, some of
        // the 60 die during the 24-h priming and start waves of their own; the same file gives the same numbers.
        string file = Path.Combine(Folder, "varied.json");
        File.WriteAllText(file, """{ "columns": 60, "hours": 4, "variation": { "cv": 0.2, "seed": 1 } }""");
        var first = Run("wave", file, "--out", Path.Combine(Folder, "a"));
        var second = Run("wave", file, "--out", Path.Combine(Folder, "b"));
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var match = System.Text.RegularExpressions.Regex.Match(first.Output, @"cells varied: (\d+) constants, lognormal with mean 1 and CV 0.2, seed 1; (\d+) of 60 cells dead after the priming");
        Assert.Multiple(() =>
        {
            Assert.That(match.Success, first.Output);
            Assert.That(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(FerroptosisModel.Version2.KineticConstants.Count));
            Assert.That(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(File.ReadAllText(Path.Combine(Folder, "b", "wave.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Folder, "a", "wave.csv"))));
        });
    }

    [TestCase("""{ "colums": 3 }""", "Unknown key 'colums'")]
    [TestCase("""{ "drugs": { "aspirin": 1 } }""", "Drug 'aspirin' must be an input of the model")]
    [TestCase("""{ "hours": -1 }""", "'hours' must be a number from 0.1 to 240")]
    [TestCase("""[1, 2]""", "must hold one JSON object")]
    [TestCase("""{ "variation": { "cv": 0.2, "constants": ["k_nope"] } }""", "'k_nope' in 'variation.constants' is not a parameter")]
    [TestCase("""{ "variation": { "sd": 0.2 } }""", "Unknown key 'sd' in 'variation'")]
    public void Wave_BadFile_IsAnInputError(string json, string message)
    {
        string file = Path.Combine(Folder, "bad.json");
        File.WriteAllText(file, json);
        var run = Run("wave", file, "--out", Path.Combine(Folder, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain(message));
        });
    }
}
