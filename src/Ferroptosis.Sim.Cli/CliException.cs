namespace Ferroptosis.Sim.Cli;

/// <summary>A problem with what the user asked for (an unknown name, a bad value or file, a failed run), reported on stderr as one message with an exit code; never a stack trace.</summary>
internal sealed class CliException : Exception
{
    /// <summary>Initialises a new exception with the input-error exit code.</summary>
    public CliException()
        : this("The command failed.")
    {
    }

    /// <summary>Initialises a new exception with the input-error exit code.</summary>
    /// <param name="message">What is wrong and what to do instead.</param>
    public CliException(string message)
        : this(message, ExitCodes.InputError)
    {
    }

    /// <summary>Initialises a new exception with its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InputError;
    }

    /// <summary>Initialises a new exception with an exit code.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="exitCode">The process exit code (see <see cref="ExitCodes"/>).</param>
    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Wraps a library's <see cref="ArgumentException"/>, whose message already says what is valid, without the " (Parameter 'x')" suffix that means nothing on a command line.</summary>
    /// <param name="ex">The library's exception.</param>
    /// <param name="prefix">Text put before the message, e.g. the option name and ": ".</param>
    /// <returns>The exception to throw.</returns>
    public static CliException From(ArgumentException ex, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(ex);
        return new CliException(prefix + CliErrors.WithoutParameter(ex.Message), ex);
    }

    /// <summary>Gets the process exit code.</summary>
    public int ExitCode { get; }
}
