using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Cli;

/// <summary>Turns any exception a command can meet into the one line printed after <c>error: </c> and the exit code of <see cref="ExitCodes"/>: never a stack trace.</summary>
/// <remarks>
/// The library reports bad arguments with <see cref="ArgumentException"/> (its message says what is valid), bad model
/// files with <see cref="ModelParseException"/>, <see cref="SbmlFormatException"/> and <see cref="ModelValidationException"/>,
/// and file problems with <see cref="IOException"/>. Numbers too large for a count or a <see cref="TimeSpan"/> end in
/// <see cref="OverflowException"/>; running out of memory or stack is reported as a run too large. Anything else is a
/// defect of the tool, reported by its type so that it can be found.
/// </remarks>
internal static class CliErrors
{
    /// <summary>Describes an exception for the user.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>The exit code and the one-line message (without the "error: " prefix).</returns>
    public static (int ExitCode, string Message) Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var ex = Unwrap(exception);
        return ex switch
        {
            CliException cli => (cli.ExitCode, OneLine(cli.Message)),
            ArgumentException argument => (ExitCodes.InputError, OneLine(WithoutParameter(argument.Message))),
            ModelValidationException or FormatException => (ExitCodes.InputError, OneLine(ex.Message)),
            OverflowException => (ExitCodes.InputError, $"a value is too large to compute with ({OneLine(ex.Message)}); use a shorter --t-end, a longer --interval or fewer points."),
            IOException or UnauthorizedAccessException => (ExitCodes.InputError, $"cannot read or write a file: {OneLine(ex.Message)}"),
            OutOfMemoryException or InsufficientExecutionStackException => (ExitCodes.TooLarge, $"the run needs more memory than this machine gives ({ex.GetType().Name}); make it smaller (shorter --t-end, longer --interval, fewer scan points, a smaller model)."),
            InvalidOperationException => (ExitCodes.InputError, OneLine(ex.Message)),
            _ => (ExitCodes.InternalError, $"internal error ({ex.GetType().FullName}): {OneLine(ex.Message)} Please report it with the command line that caused it."),
        };
    }

    /// <summary>Removes the " (Parameter 'x')" suffix and the "Actual value was" line of argument exceptions, which mean nothing on a command line.</summary>
    /// <param name="message">The library's message.</param>
    /// <returns>The message without them.</returns>
    public static string WithoutParameter(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        string text = cut < 0 ? message : message[..cut];
        int actual = text.IndexOf("Actual value was", StringComparison.Ordinal);
        return (actual < 0 ? text : text[..actual]).Trim();
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException or TypeInitializationException && ex.InnerException is not null)
        {
            ex = ex.InnerException!;
        }

        return ex;
    }

    /// <summary>Joins the lines of a message into one, each line trimmed.</summary>
    /// <param name="text">The message.</param>
    /// <returns>One line.</returns>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
