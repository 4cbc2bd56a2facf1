using System.Text.RegularExpressions;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The samples write every file through the plotting package's atomic writers (FigureExporter, FigureCaption, DataFile), so an interrupted run never leaves a truncated table or figure that looks whole.</summary>
public sealed class SampleSourceTests
{
    private static readonly Regex DirectWrite = new(@"(?<![\w.])File\.(WriteAll(Text|Lines|Bytes)|AppendAll\w*|Create|OpenWrite)\s*\(|new\s+(StreamWriter|FileStream)\s*\(", RegexOptions.CultureInvariant);

    [Test]
    public void NoSampleWritesAFileDirectly()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var offenders = sources
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(Path.GetDirectoryName(f)) + "/" + Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(x => DirectWrite.IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sources, Is.Not.Empty);
            Assert.That(offenders, Is.Empty, "write through DataFile.WriteAllText (data) or FigureExporter (figures) instead");
        });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ferroptosis.Sim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ferroptosis.Sim.sln) is not above the test folder.");
    }
}
