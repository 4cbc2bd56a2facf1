namespace Ferroptosis.Sim.Modeling;

/// <summary>The exception thrown when model text (an expression, an Antimony file, SBML infix math) cannot be parsed.</summary>
/// <remarks>
/// The message names the offending token and its 1-based position as "at line:column", for example
/// <c>unknown function 'hil' at 3:17; did you mean 'hill'?</c> or <c>expected ')' at 1:9 but found ','</c>.
/// <see cref="Line"/> and <see cref="Column"/> carry the same position for tools (0 when unknown);
/// <see cref="Token"/> is the offending token's text, or null at the end of the text.
/// It derives from <see cref="FormatException"/>, so callers that treat any malformed input alike can catch that.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class ModelParseException : FormatException
{
    /// <summary>Initialises a new exception with a generic message and no position.</summary>
    public ModelParseException()
        : base("The model text could not be parsed.")
    {
    }

    /// <summary>Initialises a new exception with a message and no position.</summary>
    /// <param name="message">The message.</param>
    public ModelParseException(string message)
        : base(message)
    {
    }

    /// <summary>Initialises a new exception with a message, no position, and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initialises a new exception for a problem at a known position.</summary>
    /// <param name="message">The full message; it should contain the position as "at line:column".</param>
    /// <param name="line">The 1-based line of the offending token.</param>
    /// <param name="column">The 1-based column of the offending token.</param>
    /// <param name="token">The offending token's text, or null when the problem is the end of the text.</param>
    public ModelParseException(string message, int line, int column, string? token)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Line = line;
        Column = column;
        Token = token;
    }

    /// <summary>Initialises a new exception for a problem at a known position, with the exception that caused it.</summary>
    /// <param name="message">The full message; it should contain the position as "at line:column".</param>
    /// <param name="line">The 1-based line of the offending token.</param>
    /// <param name="column">The 1-based column of the offending token.</param>
    /// <param name="token">The offending token's text, or null when the problem is the end of the text.</param>
    /// <param name="innerException">The cause, for example the <see cref="ModelValidationException"/> listing every problem of a model read from a file.</param>
    public ModelParseException(string message, int line, int column, string? token, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Line = line;
        Column = column;
        Token = token;
    }

    /// <summary>Gets the 1-based line of the offending token (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the offending token (0 when unknown).</summary>
    public int Column { get; }

    /// <summary>Gets the offending token's text, or null when the problem is the end of the text or unknown.</summary>
    public string? Token { get; }
}
