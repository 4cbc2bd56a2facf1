using System.Globalization;
using System.Text;

namespace Ferroptosis.Sim.Pathway;

/// <summary>Asynchronous CSV writing, for services that must not block a thread on file or network I/O.</summary>
public sealed partial class CellSimulationResult
{
    /// <summary>Rows formatted in memory before each asynchronous write.</summary>
    private const int RowsPerWrite = 256;

    /// <summary>Writes the CSV of <see cref="WriteCsv(TextWriter)"/> asynchronously, checking <paramref name="cancellationToken"/> between blocks of rows.</summary>
    /// <param name="writer">The destination; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Cancels the write; what was written so far stays in <paramref name="writer"/>.</param>
    /// <returns>A task that completes when the CSV is written.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task WriteCsvAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        cancellationToken.ThrowIfCancellationRequested();
        var columns = Result.Names.Select(Result.GetColumn).ToArray();
        var survival = SurvivingFraction;
        double[] times = Result.Times.ToArray();
        using var block = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture) { NewLine = writer.NewLine };
        WriteCsvHeader(block);
        for (int k = 0; k < times.Length; k++)
        {
            WriteCsvRow(block, times[k], columns, survival, k);
            if ((k + 1) % RowsPerWrite == 0)
            {
                await FlushBlockAsync(block, writer, cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushBlockAsync(block, writer, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the CSV of <see cref="WriteCsv(TextWriter)"/> to a stream as UTF-8 without a byte-order mark, asynchronously.</summary>
    /// <param name="stream">The destination; it is left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the CSV is written and flushed.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task WriteCsvAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await WriteCsvAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the CSV of <see cref="WriteCsv(TextWriter)"/> to a file (UTF-8 without a byte-order mark), asynchronously and atomically.</summary>
    /// <param name="path">The file; it is replaced only once the whole CSV is written.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <remarks>The CSV goes to a temporary file beside <paramref name="path"/> that is renamed at the end; on an error or
    /// cancellation the temporary file is deleted and an existing file at <paramref name="path"/> is left as it was.</remarks>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public async Task WriteCsvAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await WriteCsvAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    private static async Task FlushBlockAsync(StringWriter block, TextWriter writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = block.GetStringBuilder();
        await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        text.Clear();
    }
}
