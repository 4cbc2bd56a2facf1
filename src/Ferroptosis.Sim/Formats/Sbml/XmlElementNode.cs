using System.Globalization;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>A read-only XML element as the SBML reader needs it: name, namespace, attributes, child elements, text, and its place in the file.</summary>
/// <remarks>
/// Built by <see cref="SafeXmlLoader"/>. Text is kept as the segments between child elements
/// (<see cref="TextSegments"/>), which MathML needs for <c>&lt;cn type="e-notation"&gt;1&lt;sep/&gt;3&lt;/cn&gt;</c>.
/// </remarks>
internal sealed class XmlElementNode
{
    private readonly List<(string Name, string Namespace, string Value)> _attributes = [];
    private readonly List<XmlElementNode> _children = [];
    private List<string>? _text;

    public XmlElementNode(string name, string ns, int line, int position)
    {
        Name = name;
        Namespace = ns;
        Line = line;
        Position = position;
    }

    /// <summary>Gets the local name.</summary>
    public string Name { get; }

    /// <summary>Gets the namespace URI.</summary>
    public string Namespace { get; }

    /// <summary>Gets the 1-based line of the start tag.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based position of the element name in its line.</summary>
    public int Position { get; }

    /// <summary>Gets the child elements in document order.</summary>
    public IReadOnlyList<XmlElementNode> Children => _children;

    /// <summary>Gets the attributes (local name, namespace URI, value), namespace declarations excluded.</summary>
    public IReadOnlyList<(string Name, string Namespace, string Value)> Attributes => _attributes;

    /// <summary>Gets the namespace declarations made on this element (prefix, URI).</summary>
    public List<(string Prefix, string Uri)> NamespaceDeclarations { get; } = [];

    /// <summary>Gets the text before the first child, between children, and after the last (Children.Count + 1 segments; empty when the element has no text).</summary>
    public IReadOnlyList<string> TextSegments => _text ?? (IReadOnlyList<string>)[];

    /// <summary>Gets all direct text, concatenated and trimmed.</summary>
    public string Text => _text is null ? string.Empty : string.Concat(_text).Trim();

    public void AddAttribute(string name, string ns, string value) => _attributes.Add((name, ns, value));

    public void AddChild(XmlElementNode child)
    {
        if (_text is not null)
        {
            _text.Add(string.Empty);
        }

        _children.Add(child);
    }

    public void AddText(string text)
    {
        if (_text is null)
        {
            _text = new List<string>(_children.Count + 1);
            for (int i = 0; i <= _children.Count; i++)
            {
                _text.Add(string.Empty);
            }
        }

        _text[^1] += text;
    }

    /// <summary>Gets an attribute without a namespace (SBML core attributes are unqualified), or null.</summary>
    public string? Attribute(string name)
    {
        foreach (var (n, ns, value) in _attributes)
        {
            if (ns.Length == 0 && n == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Gets the first child with the given local name in the given namespace, or null.</summary>
    public XmlElementNode? Child(string name, string ns)
    {
        foreach (var child in _children)
        {
            if (child.Name == name && child.Namespace == ns)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Gets the children with the given local name in the given namespace.</summary>
    public IEnumerable<XmlElementNode> ChildrenNamed(string name, string ns)
    {
        foreach (var child in _children)
        {
            if (child.Name == name && child.Namespace == ns)
            {
                yield return child;
            }
        }
    }

    /// <summary>Describes the element for messages, e.g. <c>&lt;species id="S1"&gt;</c>.</summary>
    public string Describe()
    {
        string? id = Attribute("id") ?? Attribute("variable") ?? Attribute("symbol") ?? Attribute("species");
        string key = Attribute("id") is not null ? "id" : Attribute("variable") is not null ? "variable" : Attribute("symbol") is not null ? "symbol" : "species";
        return id is null
            ? string.Create(CultureInfo.InvariantCulture, $"<{Name}>")
            : string.Create(CultureInfo.InvariantCulture, $"<{Name} {key}=\"{id}\">");
    }
}
