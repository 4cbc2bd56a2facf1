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
