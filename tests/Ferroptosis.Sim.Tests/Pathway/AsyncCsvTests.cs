using System.Text;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Plotting;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The asynchronous CSV writers of <see cref="CellSimulationResult"/> write what the synchronous one writes, honour cancellation and leave no file behind when cancelled.</summary>
public sealed class AsyncCsvTests : TempFolderTests
{
    private static readonly Lazy<CellSimulationResult> Run = new(() => FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(5)], TimeSpan.FromHours(72)));

    private static string Expected()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Run.Value.WriteCsv(writer);
        return writer.ToString();
    }

    [Test]
    public async Task WriteCsvAsync_ToAWriterAStreamAndAFile_WritesWhatWriteCsvWrites()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await Run.Value.WriteCsvAsync(writer);
        using var stream = new MemoryStream();
        await Run.Value.WriteCsvAsync(stream);
        string path = Path.Combine(Folder, "osteoblast.csv");
        await Run.Value.WriteCsvAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(Run.Value.Result.Times.Length, Is.GreaterThan(256), "more rows than one block");
            Assert.That(writer.ToString(), Is.EqualTo(Expected()));
            Assert.That(stream.ToArray().Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
            Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(Expected()));
            Assert.That(File.ReadAllText(path), Is.EqualTo(Expected()));
            Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "osteoblast.csv" }));
        });
    }

    [Test]
    public void WriteCsvAsync_Cancelled_Throws_AndLeavesTheExistingFileAndNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "osteoblast.csv");
        File.WriteAllText(path, "earlier");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Multiple(() =>
        {
            Assert.That(async () => await Run.Value.WriteCsvAsync(path, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(async () => await Run.Value.WriteCsvAsync(TextWriter.Null, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(File.ReadAllText(path), Is.EqualTo("earlier"));
            Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "osteoblast.csv" }));
        });
    }

    [Test]
    public void WriteCsvAsync_ToAMissingFolder_ThrowsAnIOException()
    {
        Assert.That(async () => await Run.Value.WriteCsvAsync(Path.Combine(Folder, "missing", "x.csv")), Throws.InstanceOf<DirectoryNotFoundException>());
    }
}
