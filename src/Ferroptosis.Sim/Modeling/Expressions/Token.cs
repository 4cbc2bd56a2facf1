namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A token with its text and 1-based position (line and column in the host file).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The text as written (empty at the end).</param>
/// <param name="Value">The value of a number token.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
internal readonly record struct Token(TokenKind Kind, string Text, double Value, int Line, int Column)
{
    /// <summary>Gets the position as "line:column".</summary>
    public string Position => $"{Line}:{Column}";

    /// <summary>Describes the token for messages: the quoted text, or "end of text".</summary>
    public string Describe() => Kind == TokenKind.End ? "end of text" : $"'{Shorten(Text)}'";

    /// <summary>Shortens very long token texts for messages.</summary>
    public static string Shorten(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "…");
}
