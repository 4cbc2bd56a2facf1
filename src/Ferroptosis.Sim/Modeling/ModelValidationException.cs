namespace Ferroptosis.Sim.Modeling;

/// <summary>Thrown when a reaction network is not valid: undefined symbols, duplicate ids, conflicting rules, cycles, impossible values.</summary>
/// <remarks>The message lists every problem found, one per line, so a model can be fixed in one pass.</remarks>
public sealed class ModelValidationException : Exception
{
    /// <summary>Initialises a new instance with no problems listed.</summary>
    public ModelValidationException()
        : this([])
    {
    }

    /// <summary>Initialises a new instance with one problem.</summary>
    /// <param name="message">The problem.</param>
    public ModelValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Initialises a new instance with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public ModelValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Initialises a new instance listing several problems.</summary>
    /// <param name="problems">The problems, one sentence each.</param>
    public ModelValidationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets the problems found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => "The model is not valid.",
        1 => problems[0],
        _ => $"The model has {problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)),
    };
}
