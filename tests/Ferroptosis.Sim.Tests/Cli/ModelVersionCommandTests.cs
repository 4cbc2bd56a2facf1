using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>--model-version</c> of <c>simulate</c>, <c>scan</c> and <c>list</c>: v2 by default, v1 on request, written into every CSV; cell types a version lacks and files are refused.</summary>
public sealed class ModelVersionCommandTests : TempFolderTests
{
    [Test]
    public void Simulate_runs_model_v1_on_request_and_v2_by_default_and_says_so()
    {
        string v1 = Path.Combine(Folder, "v1"), v2 = Path.Combine(Folder, "v2");

        var old = Run("simulate", "--model-version", "1", "--perturb", "erastin=10uM", "--t-end", "2h", "--plot", "none", "--out", v1);
        var current = Run("simulate", "--perturb", "erastin=10uM", "--t-end", "2h", "--plot", "none", "--out", v2);

        Assert.Multiple(() =>
        {
            Assert.That(old.ExitCode, Is.Zero, old.ToString());
            Assert.That(current.ExitCode, Is.Zero, current.ToString());
            Assert.That(old.Output, Does.Contain("ferroptosis model v1"));
            Assert.That(current.Output, Does.Contain("ferroptosis model v2"));
            Assert.That(File.ReadLines(Path.Combine(v1, "osteoblast.csv")).First(), Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v1 (files {Pathway.ModelVersionTests.FingerprintOnDisk("v1")})"));
            Assert.That(File.ReadLines(Path.Combine(v2, "osteoblast.csv")).First(), Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v2 (files {Pathway.ModelVersionTests.FingerprintOnDisk("v2")})"));

            if (Pathway.ModelVersionTests.V2IsPlaceholder)
            {
                // While v2 is the placeholder copy of v1: the same numbers under either label.
                Assert.That(ReadCsv(Path.Combine(v1, "osteoblast.csv")).Rows[^1], Is.EqualTo(ReadCsv(Path.Combine(v2, "osteoblast.csv")).Rows[^1]));
            }
        });
    }

    [Test]
    public void Scan_writes_the_model_version_into_scan_csv()
    {
        string output = Path.Combine(Folder, "out");

        var run = Run("scan", "--model-version", "v1", "--param", "erastin", "--range", "1,10", "--readout", "survival@2h", "--plot", "none", "--out", output, "--parallel", "1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadLines(Path.Combine(output, "scan.csv")).First(), Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v1 (files {Pathway.ModelVersionTests.FingerprintOnDisk("v1")})"));
            Assert.That(ReadCsv(Path.Combine(output, "scan.csv")).Header, Is.EqualTo(new[] { "cell_type", "erastin_uM", "survival_at_2h" }));
        });
    }

    [Test]
    public void The_osteoclast_precursor_is_refused_with_model_v1_and_runs_with_v2()
    {
        var refused = Run("simulate", "--model-version", "1", "--cell", "OCP", "--t-end", "1h", "--plot", "none", "--out", Path.Combine(Folder, "v1"));
        var accepted = Run("simulate", "--cell", "osteoclast-precursor", "--t-end", "1h", "--plot", "none", "--out", Path.Combine(Folder, "v2"));

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
            Assert.That(refused.Error, Does.Contain("--cell osteoclast-precursor: the cell type exists from model v2 on").And.Contain("--model-version 2"));
            Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
            Assert.That(File.Exists(Path.Combine(Folder, "v2", "osteoclast-precursor.csv")), Is.True);
        });
    }

    [Test]
    public void List_shows_both_versions_and_the_cell_types_of_the_chosen_one()
    {
        var v1 = Run("list", "cells", "--model-version", "1");
        var v2 = Run("list", "cells");
        var models = Run("list", "models");

        Assert.Multiple(() =>
        {
            Assert.That(v1.ExitCode, Is.Zero, v1.ToString());
            Assert.That(v1.Output, Does.Contain("osteoclast").And.Not.Contain("osteoclast-precursor"));
            Assert.That(v2.Output, Does.Contain("osteoclast-precursor"));
            Assert.That(models.Output, Does.Contain(", v1 (").And.Contain(", v2 (the default)"));
        });
    }

    [TestCase("simulate", "3", "There is no ferroptosis model version '3'. Versions: 1, 2")]
    [TestCase("list", "0", "There is no ferroptosis model version '0'")]
    public void An_unknown_version_is_refused(string command, string version, string expected)
    {
        var run = command == "list" ? Run(command, "--model-version", version) : Run(command, "--model-version", version, "--out", Folder);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("--model-version: " + expected), run.ToString());
    }

    [Test]
    public void Model_version_applies_to_the_built_in_model_only()
    {
        string file = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(file, DecayModel);

        var run = Run("simulate", file, "--model-version", "1", "--plot", "none", "--out", Folder);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("--model-version apply to the built-in model only"));
    }
}
