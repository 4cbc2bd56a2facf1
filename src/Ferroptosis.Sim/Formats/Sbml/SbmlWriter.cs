using System.Text;
using System.Xml;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Writes a reaction network as an SBML Level 3 Version 2 core document.</summary>
/// <remarks>
/// <para>
/// Every part of a <see cref="ReactionNetwork"/> has an SBML Level 3 core counterpart, so nothing is lost: reading
/// the written file with <see cref="SbmlReader"/> gives a network with the same components, values and expressions
/// (for networks read from SBML, equal ones; expression forms without a MathML element of their own, such as
/// <c>pow(x, y)</c> or <c>sign(x)</c>, come back as their MathML equivalents, see <see cref="MathMLWriter"/>), and so
/// the same trajectories. Undefined values (NaN parameter values, initial values or stoichiometries) are left out, as
/// SBML expresses them. No units are written. A local parameter with the id of a species its reaction refers to (allowed
/// before Level 3 Version 2) is written as <c>id_local</c>, its uses in the kinetic law with it.
/// </para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class SbmlWriter
{
    /// <summary>The namespace of SBML Level 3 Version 2 core.</summary>
    public const string Namespace = "http://www.sbml.org/sbml/level3/version2/core";

    /// <summary>Returns the SBML document as a string.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The XML text.</returns>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    /// <remarks>The XML declaration says <c>encoding="UTF-8"</c>, the encoding the text has once saved (as by <see cref="File.WriteAllText(string, string?)"/>).</remarks>
    public static string ToXml(ReactionNetwork network)
    {
        using var stream = new MemoryStream();
        Write(network, stream);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes the SBML document to a file (UTF-8).</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    public static void WriteFile(ReactionNetwork network, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        Write(network, stream);
    }

    /// <summary>Writes the SBML document to a stream (UTF-8) asynchronously; the stream is not closed.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and the stream flushed.</returns>
    /// <remarks>The document is built in memory (its size is that of the file), then copied to <paramref name="stream"/> asynchronously.</remarks>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task WriteAsync(ReactionNetwork network, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = new MemoryStream();
        Write(network, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the SBML document to a file (UTF-8) asynchronously and atomically.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path; the file is replaced only once the whole document is written.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <remarks>The document goes to a temporary file beside <paramref name="path"/> that is renamed at the end; on an error or
    /// cancellation the temporary file is deleted and an existing file at <paramref name="path"/> is left as it was.</remarks>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static async Task WriteFileAsync(ReactionNetwork network, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(network, stream, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Writes the SBML document to a stream (UTF-8); the stream is not closed.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The destination.</param>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    public static void Write(ReactionNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = XmlWriter.Create(stream, Settings(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        Write(network, writer);
    }

    /// <summary>Writes the SBML document to a text writer; the writer is not closed. The XML declaration names the writer's encoding (UTF-16 for a <see cref="StringWriter"/>; use <see cref="ToXml"/> for a string).</summary>
    /// <param name="network">The network.</param>
    /// <param name="textWriter">The destination.</param>
    /// <exception cref="ArgumentException">An id of the network is not a valid SBML identifier.</exception>
    public static void Write(ReactionNetwork network, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        using var writer = XmlWriter.Create(textWriter, Settings(null));
        Write(network, writer);
    }

    private static XmlWriterSettings Settings(Encoding? encoding)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", CloseOutput = false, NewLineChars = "\n" };
        if (encoding is not null)
        {
            settings.Encoding = encoding;
        }

        return settings;
    }

    private static void Write(ReactionNetwork network, XmlWriter w)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckIds(network);
        w.WriteStartDocument();
        w.WriteStartElement("sbml", Namespace);
        w.WriteAttributeString("xmlns", Namespace);
        w.WriteAttributeString("level", "3");
        w.WriteAttributeString("version", "2");
        w.WriteStartElement("model", Namespace);
        w.WriteAttributeString("id", network.Id);
        if (network.ConversionFactor is { } conversionFactor)
        {
            w.WriteAttributeString("conversionFactor", conversionFactor);
        }

        SbmlComponentWriter.WriteComponents(w, network);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void CheckIds(ReactionNetwork network)
    {
        var ids = new List<string> { network.Id };
        ids.AddRange(network.Compartments.Select(c => c.Id));
        ids.AddRange(network.Species.Select(s => s.Id));
        ids.AddRange(network.Parameters.Select(p => p.Id));
        ids.AddRange(network.Functions.Select(f => f.Name));
        ids.AddRange(network.Events.Select(e => e.Id));
        foreach (var r in network.Reactions)
        {
            ids.Add(r.Id);
            ids.AddRange(r.LocalParameters.Keys);
            ids.AddRange(r.Reactants.Concat(r.Products).Select(x => x.Id).OfType<string>());
        }

        foreach (string id in ids)
        {
            if (!SbmlIdMap.IsSId(id))
            {
                throw new ArgumentException($"'{id}' is not a valid SBML identifier (a letter or '_' followed by letters, digits and '_'); rename it before writing SBML.", nameof(network));
            }
        }
    }
}
