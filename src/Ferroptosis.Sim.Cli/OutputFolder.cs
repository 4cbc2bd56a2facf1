using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>--out</c> folder of one run: checked writable before any computing, and given a manifest (<see cref="ManifestName"/>) listing the files of this run when it ends.</summary>
/// <remarks>
/// Runs write into the same folder by default (<c>output</c>), so a folder may hold files of earlier runs next to
/// those of this one. The manifest says which files this run wrote, with the command line and the time; output files
/// (CSV, PNG, SVG, PDF) that this run did not write are named in a warning, so that runs never mix silently.
/// </remarks>
internal sealed class OutputFolder
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "ferrosim-run.json";

    /// <summary>The kinds of file the tool writes: only these count as files of earlier runs (a model file in the folder does not).</summary>
    private static readonly string[] OutputExtensions = [".csv", ".png", ".svg", ".pdf"];

    private readonly CliContext _context;

    private OutputFolder(CliContext context, string path)
    {
        _context = context;
        Path = path;
    }

    /// <summary>Gets the folder.</summary>
    public string Path { get; }

    /// <summary>Creates the folder if needed and checks that a file can be written there, before any work is done.</summary>
    /// <param name="context">Where warnings go; its arguments go into the manifest.</param>
    /// <param name="path">The folder.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="CliException">The folder cannot be created or written.</exception>
    public static OutputFolder Prepare(CliContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string probe = System.IO.Path.Combine(path, $".ferrosim-write-test.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"--out {path}: the folder cannot be written ({ex.Message}); nothing was computed.", ex);
        }

        return new OutputFolder(context, path);
    }

    /// <summary>Writes the manifest of this run and warns about files in the folder that this run did not write.</summary>
    /// <param name="written">The files this run wrote.</param>
    /// <param name="cancellationToken">Cancels before the manifest appears.</param>
    /// <returns>The manifest's path.</returns>
    public string Complete(IReadOnlyList<string> written, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(written);
        var names = written.Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        string manifest = System.IO.Path.Combine(Path, ManifestName);
        OutputFiles.WriteStream(manifest, stream => WriteManifest(stream, [.. written.Select(f => System.IO.Path.GetFileName(f)!)]), cancellationToken);
        var others = Directory.GetFiles(Path)
            .Select(System.IO.Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith('.') && !names.Contains(n) && OutputExtensions.Contains(System.IO.Path.GetExtension(n), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (others.Count > 0)
        {
            _context.Error.WriteLine($"warning: {Path} also holds {others.Count} file(s) this run did not write (earlier runs): {string.Join(", ", others.Take(10))}{(others.Count > 10 ? ", …" : "")}; {ManifestName} lists the files of this run.");
        }

        return manifest;
    }

    private void WriteManifest(Stream stream, IReadOnlyList<string> files)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tool", $"ferrosim {Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}");
        json.WriteString("command", string.Join(' ', _context.Arguments.Select(Quote)));
        json.WriteString("finished", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("files");
        foreach (string file in files)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Quote(string argument) => argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"\"{argument}\"";
}
