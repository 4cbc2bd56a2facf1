using System.Text;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Reads reaction networks and parameter sets written in a documented subset of Antimony, the model language of Tellurium (libAntimony).</summary>
/// <remarks>
/// <para>
/// Supported: one <c>model NAME … end</c> (or bare statements), comments, reactions <c>J1: A + 2 B -> C; k1*A*B</c>
/// with boundary species <c>$X</c>, declarations (<c>species</c>, <c>compartment</c>, <c>formula</c>, <c>var</c>,
/// <c>const</c>, <c>substanceOnly</c>, <c>in</c>), initial values and assignments <c>x = …</c>, assignment rules
/// <c>x := …</c>, rate rules <c>x' = …</c>, functions <c>function f(x) … end</c> and events
/// <c>E1: at (time > 10), priority = 1, t0 = false: S = S + 5</c>; units and display names are read and ignored.
/// Everything else (submodels, imports, delays, DNA, interactions, constraints, …) is rejected with a
/// <see cref="ModelParseException"/> that names the construct and its line:column. The semantics are those of
/// libAntimony's SBML export; docs/antimony.md lists the subset and the differences.
/// </para>
/// <para>Formulas use the project's expression syntax (<see cref="ExpressionParser"/>); <c>time</c> is the time. Thread-safe (stateless).</para>
/// </remarks>
/// <example>
/// <code>
/// var network = AntimonyReader.ReadFile("models/ferroptosis/v2/ferroptosis.ant");
/// var osteoclast = AntimonyReader.ApplyParameterSet(network, File.ReadAllText("models/ferroptosis/v2/osteoclast.ant"), "osteoclast.ant");
/// var result = Simulator.Simulate(ModelCompiler.Compile(osteoclast), new SimulationSettings { EndTime = 24 });
/// </code>
/// </example>
public static class AntimonyReader
{
    /// <summary>Reads a model.</summary>
    /// <param name="text">The Antimony text.</param>
    /// <param name="sourceName">A name for the text (a file name) that prefixes error messages, or null.</param>
    /// <returns>The validated network.</returns>
    /// <exception cref="ModelParseException">The text is not in the supported subset, or the model it describes is not valid; Line and Column point into the text.</exception>
    public static ReactionNetwork Read(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithSource(sourceName, () => NetworkAssembler.Build(AntimonyParser.ParseModel(text)));
    }

    /// <summary>Reads a model file (UTF-8; a byte-order mark is allowed, bytes that are not UTF-8 are refused, as the SBML reader refuses them).</summary>
    /// <param name="path">The file path; its name prefixes error messages.</param>
    /// <returns>The validated network.</returns>
    /// <exception cref="ModelParseException">The file is not valid UTF-8, not in the supported subset, or describes an invalid model.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReactionNetwork ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return WithSource(Path.GetFileName(path), () => NetworkAssembler.Build(AntimonyParser.ParseModel(ReadText(path))));
    }

    /// <summary>Reads a text file as strict UTF-8: an invalid byte is an error naming its offset, not a silent U+FFFD.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The text, without a byte-order mark.</returns>
    /// <exception cref="ModelParseException">The file is not valid UTF-8.</exception>
    internal static string ReadText(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new ModelParseException($"the file is not valid UTF-8 text (an invalid byte at offset {e.Index + start}); save it as UTF-8.", e);
        }
    }

    /// <summary>Reads a parameter-set file: assignments <c>name = number;</c> and comments only.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourceName">A name for the text that prefixes error messages, or null.</param>
    /// <returns>The values by name, in the order written (a later assignment to the same name wins, as in Antimony).</returns>
    /// <exception cref="ModelParseException">A statement is not a numeric assignment. A name right after a number is read as its unit and ignored.</exception>
    /// <remarks>Apply the values with <see cref="ReactionNetwork.WithValues"/>, or use <see cref="ApplyParameterSet"/>, which also checks every name against the model.</remarks>
    public static IReadOnlyDictionary<string, double> ReadParameterSet(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithSource(sourceName, () =>
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in ReadValues(text, _ => false))
            {
                values[name.Text] = value;
            }

            return values;
        });
    }

    /// <summary>Reads a parameter-set file (UTF-8).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The values by name.</returns>
    /// <exception cref="ModelParseException">A statement is not a numeric assignment.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyDictionary<string, double> ReadParameterSetFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadParameterSet(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads a parameter set and applies it to a network (new values for parameters, compartment sizes and species initial values).</summary>
    /// <param name="network">The base network.</param>
    /// <param name="text">The parameter-set text.</param>
    /// <param name="sourceName">A name for the text that prefixes error messages, or null.</param>
    /// <returns>A new network with the values replaced (an initial assignment to a replaced name is dropped).</returns>
    /// <exception cref="ModelParseException">A statement is not a numeric assignment, or names something that is not a parameter, compartment or species of the network (the message suggests close names).</exception>
    public static ReactionNetwork ApplyParameterSet(ReactionNetwork network, string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(text);
        return WithSource(sourceName, () =>
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var assignments = ReadValues(text, id => network.KindOf(id) != SymbolKind.Undefined);
            foreach (var (name, value) in assignments)
            {
                if (network.KindOf(name.Text) is not (SymbolKind.Parameter or SymbolKind.Compartment or SymbolKind.Species))
                {
                    var known = network.Parameters.Select(p => p.Id).Concat(network.Compartments.Select(c => c.Id)).Concat(network.Species.Select(s => s.Id));
                    bool undefined = network.KindOf(name.Text) == SymbolKind.Undefined;
                    string what = undefined ? "is not defined in" : $"is a {network.KindOf(name.Text).ToString().ToLowerInvariant()} of";
                    string hint = undefined ? NameSuggestions.Hint(NameSuggestions.Closest(name.Text, known)) : string.Empty;
                    throw new ModelParseException(
                        $"'{name.Text}' at {name.Position} {what} model '{network.Id}'; a parameter set can only change parameters, compartment sizes and species initial values{hint}",
                        name.Line,
                        name.Column,
                        name.Text);
                }

                values[name.Text] = value;
            }

            try
            {
                return network.WithValues(values);
            }
            catch (ModelValidationException ex) when (assignments.LastOrDefault(a => ex.Message.Contains($"'{a.Name.Text}'", StringComparison.Ordinal)) is { Name: var at } && at.Text is not null)
            {
                // A new value can make the model invalid (a negative size): point at the assignment that set it.
                throw new ModelParseException($"{ex.Message.TrimEnd('.')} (set at {at.Position})", at.Line, at.Column, at.Text, ex);
            }
        });
    }

    private static List<(AntimonyToken Name, double Value)> ReadValues(string text, Func<string, bool> isDefinedName)
    {
        var (lexer, assignments) = AntimonyParser.ParseParameterSet(text);
        var reader = new FormulaReader(lexer, ExpressionParserOptions.Default, isDefinedName);
        return assignments.Select(a => (a.Name, reader.ReadNumber(a.Value, a.Name.Text))).ToList();
    }

    /// <summary>Runs <paramref name="read"/>, prefixing the messages of parse errors with the source name.</summary>
    private static T WithSource<T>(string? sourceName, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ModelParseException ex) when (!string.IsNullOrEmpty(sourceName))
        {
            throw new ModelParseException($"{sourceName}: {ex.Message}", ex.Line, ex.Column, ex.Token, ex.InnerException ?? ex);
        }
    }
}
