namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>The exception thrown when an SBML file cannot be read: malformed or unsafe XML, a missing or invalid attribute, an invalid model, or a feature outside the supported subset.</summary>
/// <remarks>
/// <para>
/// The message names the element (and attribute) concerned and, when the problem has a place in the file, ends with
/// "at line L, position P"; <see cref="Line"/> and <see cref="Position"/> carry the same 1-based place for tools
/// (0 when the problem is the model as a whole, e.g. an undefined symbol found by network validation, whose
/// <see cref="Exception.InnerException"/> is then the <see cref="Modeling.ModelValidationException"/> listing every problem).
/// Unsupported features (delays, algebraic rules, fast reactions, Level 3 packages, <c>rateOf</c>, …) are reported with
/// this exception and <see cref="IsUnsupportedFeature"/> set, never simulated approximately.
/// </para>
/// <para>It derives from <see cref="FormatException"/>, so callers that treat any malformed input alike can catch that.
/// Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class SbmlFormatException : FormatException
{
    /// <summary>Initialises a new exception with a generic message.</summary>
    public SbmlFormatException()
        : base("The SBML document could not be read.")
    {
    }

    /// <summary>Initialises a new exception with a message and no position.</summary>
    /// <param name="message">The message.</param>
    public SbmlFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initialises a new exception with a message, no position, and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SbmlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initialises a new exception for a problem at a known place in the file.</summary>
    /// <param name="message">The message without the position; " at line L, position P" is appended when <paramref name="line"/> is positive.</param>
    /// <param name="line">The 1-based line (0 when unknown).</param>
    /// <param name="position">The 1-based position in the line (0 when unknown).</param>
    /// <param name="isUnsupportedFeature">True when the file is valid SBML but uses a feature this reader does not support.</param>
    /// <param name="innerException">The cause, or null.</param>
    public SbmlFormatException(string message, int line, int position, bool isUnsupportedFeature = false, Exception? innerException = null)
        : base(WithPosition(message, line, position), innerException)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Line = line;
        Position = position;
        IsUnsupportedFeature = isUnsupportedFeature;
    }

    /// <summary>Gets the 1-based line of the offending element or character (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based position in <see cref="Line"/> (0 when unknown).</summary>
    public int Position { get; }

    /// <summary>Gets a value indicating whether the file uses a feature outside the supported subset (rather than being invalid).</summary>
    public bool IsUnsupportedFeature { get; }

    /// <summary>Gets a short name of the unsupported feature (e.g. <c>algebraic rule</c>, <c>csymbol delay</c>), or null when the reader did not name one.</summary>
    public string? UnsupportedFeature { get; init; }

    private static string WithPosition(string message, int line, int position)
    {
        ArgumentNullException.ThrowIfNull(message);
        return line > 0 ? $"{message} at line {line}, position {position}" : message;
    }
}
