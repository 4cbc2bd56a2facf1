using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary><see cref="FigureExporter.SaveAsync(OxyPlot.PlotModel, string, FigureOptions, CancellationToken)"/>: the file <c>Save</c> writes, written atomically; cancellation leaves the old file and no temporary file.</summary>
public sealed class ExportAsyncTests : TempFolderTests
{
    private static readonly FigureOptions Options = new() { Width = 400, Height = 300, Dpi = 96 };

    [TestCase("course.svg")]
    [TestCase("course.png")]
    public async Task SaveAsync_WritesWhatSaveWrites(string name)
    {
        string path = Path.Combine(Folder, "async", name), reference = Path.Combine(Folder, "sync", name);
        await FigureExporter.SaveAsync(PlotTestKit.TimeCourse(), path, Options);
        FigureExporter.Save(PlotTestKit.TimeCourse(), reference, Options);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Has.Length.GreaterThan(1000));
            if (name.EndsWith(".svg", StringComparison.Ordinal))
            {
                Assert.That(File.ReadAllText(path), Is.EqualTo(File.ReadAllText(reference)));
            }

            Assert.That(Directory.GetFiles(Path.Combine(Folder, "async")).Select(Path.GetFileName), Is.EqualTo(new[] { name }));
        });
    }

    [Test]
    public void SaveAsync_CancelledOrBadExtension_LeavesTheExistingFileAndNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "course.svg");
        File.WriteAllText(path, "earlier");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Multiple(() =>
        {
            Assert.That(async () => await FigureExporter.SaveAsync(PlotTestKit.TimeCourse(), path, Options, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(async () => await FigureExporter.SaveAsync(PlotTestKit.TimeCourse(), Path.Combine(Folder, "course.gif"), Options), Throws.ArgumentException);
            Assert.That(File.ReadAllText(path), Is.EqualTo("earlier"));
            Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "course.svg" }));
        });
    }
}
