using System.Globalization;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Distributed;

/// <summary>The folder an ensemble's shards are written to: <c>shard-NNNNNN.parquet</c> (per-run rows) and <c>shard-NNNNNN.partial.json</c> (the mergeable summary, written last: a shard is complete when its partial exists), and <c>result.json</c> after the reduce.</summary>
/// <remarks>Every file is written under a temporary name in the same folder and renamed when complete, so a file that exists is whole. Immutable.</remarks>
public sealed class ShardFolder
{
    /// <summary>The name of the reduced result file.</summary>
    public const string ResultFileName = "result.json";

    /// <summary>Initializes a new instance of the <see cref="ShardFolder"/> class.</summary>
    /// <param name="path">The folder.</param>
    public ShardFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>Gets the folder path.</summary>
    public string Path { get; }

    /// <summary>Gets the path of the reduced result.</summary>
    public string ResultPath => System.IO.Path.Combine(Path, ResultFileName);

    /// <summary>Gets the Parquet file of a shard.</summary>
    /// <param name="shard">The shard index.</param>
    /// <returns>The path.</returns>
    public string ParquetPath(int shard) => System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"shard-{shard:D6}.parquet"));

    /// <summary>Gets the partial file of a shard.</summary>
    /// <param name="shard">The shard index.</param>
    /// <returns>The path.</returns>
    public string PartialPath(int shard) => System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"shard-{shard:D6}.partial.json"));

    /// <summary>Tells whether a shard is complete: its Parquet file and its partial exist.</summary>
    /// <param name="shard">The shard index.</param>
    /// <returns>True when complete.</returns>
    public bool IsComplete(int shard) => File.Exists(PartialPath(shard)) && File.Exists(ParquetPath(shard));

    /// <summary>Lists the shards of a plan that are not complete, in index order.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The missing shard indices.</returns>
    public IReadOnlyList<int> MissingShards(EnsemblePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. Enumerable.Range(0, plan.ShardCount).Where(s => !IsComplete(s))];
    }

    /// <summary>Creates the folder if needed and checks that files can be written in it.</summary>
    /// <exception cref="IOException">The folder cannot be created or written (the message names it).</exception>
    public void EnsureWritable()
    {
        try
        {
            Directory.CreateDirectory(Path);
            string probe = System.IO.Path.Combine(Path, $".write-test.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The shard folder '{Path}' is not writable: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a file atomically: to a temporary name in the same folder, then renamed over the target.</summary>
    /// <param name="path">The target.</param>
    /// <param name="write">Writes the content to a stream.</param>
    /// <param name="cancellationToken">Stops the write; the temporary file is removed.</param>
    /// <returns>A task.</returns>
    internal static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        string temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await write(stream).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
