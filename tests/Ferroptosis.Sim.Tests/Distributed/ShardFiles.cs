using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>The check every backend test makes: a backend's shard folder holds the same bytes as the reference's.</summary>
internal static class ShardFiles
{
    /// <summary>Asserts that every shard's Parquet file and partial, and the reduced result, are byte-identical in both folders.</summary>
    /// <param name="reference">The reference folder (usually the in-process backend's).</param>
    /// <param name="folder">The folder under test.</param>
    /// <param name="shards">The number of shards.</param>
    public static void AssertSame(ShardFolder reference, ShardFolder folder, int shards) => Assert.Multiple(() =>
    {
        for (int s = 0; s < shards; s++)
        {
            Assert.That(File.ReadAllBytes(folder.ParquetPath(s)), Is.EqualTo(File.ReadAllBytes(reference.ParquetPath(s))), $"shard {s} parquet");
            Assert.That(File.ReadAllBytes(folder.PartialPath(s)), Is.EqualTo(File.ReadAllBytes(reference.PartialPath(s))), $"shard {s} partial");
        }

        Assert.That(File.ReadAllBytes(folder.ResultPath), Is.EqualTo(File.ReadAllBytes(reference.ResultPath)), "result.json");
    });

    /// <summary>As <see cref="AssertSame(ShardFolder, ShardFolder, int)"/>, for folders given by path.</summary>
    /// <param name="expected">The reference folder's path.</param>
    /// <param name="actual">The path of the folder under test.</param>
    /// <param name="shards">The number of shards.</param>
    public static void AssertSame(string expected, string actual, int shards) => AssertSame(new ShardFolder(expected), new ShardFolder(actual), shards);
}
