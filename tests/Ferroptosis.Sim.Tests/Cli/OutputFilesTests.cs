using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Tests.Plotting;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>Output files appear whole or not at all; completion offers the names the commands accept.</summary>
public sealed class OutputFilesTests : TempFolderTests
{
    [Test]
    public void Cancelled_WhileWriting_LeavesNeitherTheFileNorATemporaryOne()
    {
        string path = Path.Combine(Folder, "scan.csv");
        using var cancel = new CancellationTokenSource();

        Assert.Throws<OperationCanceledException>(() => OutputFiles.Write(
            path,
            writer =>
            {
                writer.WriteLine("a,b");
                writer.WriteLine("1,2");
                cancel.Cancel();
            },
            cancel.Token));

        Assert.That(Directory.GetFiles(Folder), Is.Empty);
    }

    [Test]
    [CancelAfter(20_000)]
    public void CancelledDuringALongWrite_StopsWithinABuffer_AndRemovesTheTemporaryFile()
    {
        string path = Path.Combine(Folder, "large.csv");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // The writer never ends by itself: only the check at each buffer can stop it.
        Assert.Throws<OperationCanceledException>(() => OutputFiles.Write(
            path,
            writer =>
            {
                while (true)
                {
                    writer.WriteLine("0.25,1.0000000000000002,0.99999999999999989");
                }
            },
            cancel.Token));

        Assert.That(Directory.GetFiles(Folder), Is.Empty);
    }

    [Test]
    public void FailingWriter_KeepsTheEarlierFile()
    {
        string path = Path.Combine(Folder, "osteoblast.csv");
        OutputFiles.WriteText(path, "time_h,S\n0,1\n");

        Assert.Throws<InvalidOperationException>(() => OutputFiles.Write(path, writer =>
        {
            writer.WriteLine("time_h,S");
            throw new InvalidOperationException("simulated failure half-way");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("time_h,S\n0,1\n"));
            Assert.That(Directory.GetFiles(Folder), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void AFigurePathThatCannotBeWritten_IsNamed_NotItsTemporaryFile()
    {
        string path = Path.Combine(Folder, "survival.png");
        Directory.CreateDirectory(path);
        var chart = new OxyPlot.PlotModel { Title = "t" };

        var error = Assert.Catch<IOException>(() => Ferroptosis.Sim.Plotting.FigureExporter.Save(chart, path, 200, 100));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"Cannot write '{path}'").And.Not.Contain(".tmp"));
            Assert.That(Directory.GetFiles(Folder), Is.Empty, "the temporary file is removed");
        });
    }

    [Test]
    public void EachRun_ListsItsFilesInAManifest_AndNamesOutputsOfEarlierRuns()
    {
        File.WriteAllText(Path.Combine(Folder, "first.ant"), CliTestKit.DecayModel);
        File.WriteAllText(Path.Combine(Folder, "second.ant"), CliTestKit.DecayModel);

        var first = CliTestKit.Run("simulate", Path.Combine(Folder, "first.ant"), "--plot", "none", "--out", Folder);
        var second = CliTestKit.Run("simulate", Path.Combine(Folder, "second.ant"), "--plot", "none", "--out", Folder);

        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, OutputFolder.ManifestName)));
        Assert.Multiple(() =>
        {
            Assert.That(first.Error, Is.Empty, "the model files in the folder are not outputs of a run");
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.Error, Does.Contain("also holds 1 file(s) this run did not write (earlier runs): first.csv"));
            Assert.That(manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "second.csv" }));
            Assert.That(manifest.RootElement.GetProperty("command").GetString(), Does.StartWith("simulate ").And.Contain("second.ant"));
            Assert.That(second.Output, Does.Contain(OutputFolder.ManifestName));
        });
    }

    [TestCase("simulate --cell ost", "osteoblast", "osteoclast", "osteocyte")]
    [TestCase("simulate --scenario ", "glucocorticoid", "iron-overload")]
    [TestCase("simulate --solver ", "rodas5p", "auto")]
    [TestCase("simulate --perturb era", "erastin=")]
    [TestCase("scan --param ", "erastin", "oxidative-stress")]
    [TestCase("list ", "cells", "solvers")]
    public void Completion_OffersTheValidNames(string line, params string[] expected)
    {
        var root = CliApplication.Create(CliContext.ForWriters(TextWriter.Null, TextWriter.Null));

        var completions = root.Parse(line).GetCompletions(line.Length).Select(c => c.Label).ToList();

        Assert.That(completions, Is.SupersetOf(expected));
    }
}
