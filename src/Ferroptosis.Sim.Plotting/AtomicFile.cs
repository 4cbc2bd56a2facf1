namespace Ferroptosis.Sim.Plotting;

/// <summary>Writes a file through a temporary file in the same folder, renamed over the target only when complete.</summary>
/// <remarks>
/// A run that is interrupted or fails while writing leaves either the old file or no file, never a truncated
/// one that looks whole. The temporary file sits in the target's folder so the final rename stays on one file
/// system, where it replaces the target in one step. Its name starts with a dot and ends in ".tmp" so it is
/// recognisable if a process is killed before it can clean up.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> by calling <paramref name="write"/> on a temporary file, flushing it to disk and renaming it.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex)
        {
            TryDelete(temporary);
            if (InTargetTerms(ex, temporary, target) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> asynchronously by copying <paramref name="content"/> to a temporary file, flushing it and renaming it.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex)
        {
            TryDelete(temporary);
            if (InTargetTerms(ex, temporary, target) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>Removes the temporary file, if it was created, without hiding the error that got us here.</summary>
    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the original error is reported.
        }
    }

    /// <summary>Restates a file-system failure in terms of the target the caller named, not the temporary file; null for other exceptions.</summary>
    private static Exception? InTargetTerms(Exception ex, string temporary, string target)
    {
        if (ex is not (IOException or UnauthorizedAccessException))
        {
            return null;
        }

        string reason = ex.Message.Replace(temporary, target, StringComparison.Ordinal);
        return ex is UnauthorizedAccessException
            ? new UnauthorizedAccessException($"Cannot write '{target}': {reason}", ex)
            : new IOException($"Cannot write '{target}': {reason}", ex);
    }
}
