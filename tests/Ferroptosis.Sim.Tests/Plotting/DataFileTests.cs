using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>The data files beside figures (CSV tables) are written whole or not at all, UTF-8 without a byte-order mark.</summary>
public sealed class DataFileTests : TempFolderTests
{
    [Test]
    public void WriteAllText_ReplacesTheFileWhole_WithoutAByteOrderMark_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "table.csv");
        File.WriteAllText(path, "old,table\n1,2\n");

        DataFile.WriteAllText(path, "scenario,κ\nglucocorticoid,0.02\n");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("scenario,κ\nglucocorticoid,0.02\n"));
            Assert.That(File.ReadAllBytes(path)[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(Directory.GetFiles(Folder), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void WriteAllText_CreatesTheFolder() =>
        Assert.DoesNotThrow(() => DataFile.WriteAllText(Path.Combine(Folder, "new", "sub", "table.csv"), "a\n"));

    [Test]
    public void WriteAllText_IntoAFolderThatIsAFile_Throws_NamingTheTarget_AndLeavesTheOldFile()
    {
        string blocker = Path.Combine(Folder, "blocker");
        File.WriteAllText(blocker, "a file, not a folder");

        var ex = Assert.Throws<IOException>(() => DataFile.WriteAllText(Path.Combine(blocker, "table.csv"), "a\n"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(blocker), Is.EqualTo("a file, not a folder"));
            Assert.That(ex!.Message, Does.Not.Contain(".tmp"));
        });
    }
}
