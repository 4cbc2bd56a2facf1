using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Reads XML from untrusted sources into an <see cref="XmlElementNode"/> tree: no DTDs, no entity expansion beyond a few characters, no external resources, bounded nesting and size.</summary>
/// <remarks>
/// <para>
/// The defences follow the OWASP XML External Entity Prevention Cheat Sheet for .NET: DTD processing is prohibited
/// (a <c>&lt;!DOCTYPE&gt;</c> is an error, so "billion laughs" entity expansion and external entities cannot occur),
/// there is no resolver (nothing outside the input is ever opened), entity expansion is capped at
/// <see cref="MaxCharactersFromEntities"/> characters and the document at <see cref="MaxCharactersInDocument"/>.
/// Element nesting deeper than <see cref="MaxDepth"/> is rejected while reading, so later recursive processing
/// cannot overflow the stack. SBML <c>notes</c> and <c>annotation</c> and MathML annotations are read past without
/// building nodes (their content does not affect simulation).
/// </para>
/// <para>Every problem becomes one <see cref="SbmlFormatException"/> with the line and position the XML parser reports.
/// Thread-safe (no shared state).</para>
/// </remarks>
internal static partial class SafeXmlLoader
{
    /// <summary>The deepest element nesting accepted (SBML needs about 8 levels plus the MathML depth).</summary>
    public const int MaxDepth = 256;

    /// <summary>The most characters entity references may expand to.</summary>
    public const long MaxCharactersFromEntities = 1024;

    /// <summary>The largest document accepted, in characters (256 Mi).</summary>
    public const long MaxCharactersInDocument = 256L * 1024 * 1024;

    private const string MathMLNamespace = "http://www.w3.org/1998/Math/MathML";

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = MaxCharactersInDocument,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        ValidationType = ValidationType.None,
        CloseInput = false,
    };

    public static XmlElementNode Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(() => XmlReader.Create(stream, Settings()));
    }

    public static XmlElementNode Load(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(() => XmlReader.Create(text, Settings()));
    }

    private static XmlElementNode Load(Func<XmlReader> create)
    {
        XmlReader? reader = null;
        var last = new int[2];
        try
        {
            reader = create();
            return Read(reader, last);
        }
        catch (XmlException e) when (e.LineNumber > 0)
        {
            throw new SbmlFormatException($"The file is not well-formed or not allowed XML: {StripPosition(e.Message)}", e.LineNumber, e.LinePosition, innerException: e);
        }
        catch (XmlException e)
        {
            // The parser gives no place for a refused DTD: name the node before it, where the problem starts.
            string problem = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "The file contains a DTD (<!DOCTYPE …>), which is refused because its entities could expand without bound or read files and network resources; remove it"
                : $"The file is not well-formed or not allowed XML: {StripPosition(e.Message)}";
            throw last[0] > 0
                ? new SbmlFormatException($"{problem}; it follows the node that starts", last[0], last[1], innerException: e)
                : new SbmlFormatException(problem, 1, 1, innerException: e);
        }
        catch (DecoderFallbackException e)
        {
            throw new SbmlFormatException($"The file is not valid text in its declared encoding: {e.Message}", e);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>Builds the tree; <paramref name="last"/> keeps the line and position of the last node read.</summary>
    private static XmlElementNode Read(XmlReader reader, int[] last)
    {
        var info = (IXmlLineInfo)reader;
        var stack = new Stack<XmlElementNode>();
        XmlElementNode? root = null;
        int skipDepth = -1;
        while (reader.Read())
        {
            last[0] = info.LineNumber;
            last[1] = info.LinePosition;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth)
                    {
                        throw new SbmlFormatException($"Elements are nested more than {MaxDepth} levels deep; the file is rejected to protect the reader", info.LineNumber, info.LinePosition);
                    }

                    if (skipDepth >= 0)
                    {
                        continue;
                    }

                    var node = new XmlElementNode(reader.LocalName, reader.NamespaceURI, info.LineNumber, info.LinePosition);
                    ReadAttributes(reader, node);
                    if (stack.Count == 0)
                    {
                        root = node;
                    }
                    else
                    {
                        stack.Peek().AddChild(node);
                    }

                    if (reader.IsEmptyElement)
                    {
                        continue;
                    }

                    if (IsIgnored(node))
                    {
                        skipDepth = reader.Depth;
                    }
                    else
                    {
                        stack.Push(node);
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (skipDepth >= 0)
                    {
                        if (reader.Depth == skipDepth)
                        {
                            skipDepth = -1;
                        }

                        continue;
                    }

                    stack.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (skipDepth < 0 && stack.Count > 0)
                    {
                        stack.Peek().AddText(reader.Value);
                    }

                    break;
                default:
                    break;
            }
        }

        return root ?? throw new SbmlFormatException("The file contains no XML element.");
    }

    private static void ReadAttributes(XmlReader reader, XmlElementNode node)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/")
            {
                node.NamespaceDeclarations.Add((reader.Prefix.Length == 0 ? string.Empty : reader.LocalName, reader.Value));
            }
            else
            {
                node.AddAttribute(reader.LocalName, reader.NamespaceURI, reader.Value);
            }
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }

    private static bool IsIgnored(XmlElementNode node) =>
        node.Namespace == MathMLNamespace
            ? node.Name is "annotation" or "annotation-xml"
            : node.Name is "notes" or "annotation" && node.Namespace.StartsWith("http://www.sbml.org/sbml/", StringComparison.Ordinal);

    private static string StripPosition(string message) => PositionSuffix().Replace(message, string.Empty);

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?\s*$")]
    private static partial Regex PositionSuffix();
}
