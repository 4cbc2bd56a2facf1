using System.Text;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Writes the data files that go with figures (CSV tables, notes) the way figures are written: whole or not at all.</summary>
/// <remarks>
/// The text goes to a temporary file in the target's folder, is flushed to disk and then renamed over the target, so
/// a run that is interrupted leaves the previous file or none, never a truncated table that looks whole. Files are
/// UTF-8 without a byte-order mark, as every CSV of ferrosim. The folder is created if needed. Thread-safe for
/// different paths.
/// </remarks>
public static class DataFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text to a file atomically (temporary file, then rename).</summary>
    /// <param name="path">The file to write; replaced if it exists.</param>
    /// <param name="contents">The text, e.g. a CSV table.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names the target, not the temporary file.</exception>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        byte[] bytes = Utf8.GetBytes(contents);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
