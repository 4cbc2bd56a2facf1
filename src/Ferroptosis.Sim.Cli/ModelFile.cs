using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The MODEL argument: the built-in ferroptosis model, or an Antimony or SBML file read into a network.</summary>
/// <remarks>
/// The format is chosen by the extension (<c>.ant</c>, <c>.antimony</c>, <c>.txt</c> → Antimony; <c>.xml</c>,
/// <c>.sbml</c> → SBML). A file that cannot be read is reported as <c>path:line:column: message</c>, the form
/// editors and terminals turn into a link to the place.
/// </remarks>
internal sealed class ModelFile
{
    /// <summary>The name of the built-in model, the default MODEL.</summary>
    public const string BuiltInName = "ferroptosis";

    private static readonly string[] AntimonyExtensions = [".ant", ".antimony", ".txt"];
    private static readonly string[] SbmlExtensions = [".xml", ".sbml"];

    private ModelFile(string name, ReactionNetwork network, string? path, FerroptosisModel? builtIn)
    {
        Name = name;
        Network = network;
        Path = path;
        BuiltIn = builtIn;
    }

    /// <summary>Gets the built-in model names, for listings and completion.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [BuiltInName];

    /// <summary>Gets the model's short name: "ferroptosis" or the file name without extension (used to name output files).</summary>
    public string Name { get; }

    /// <summary>Gets the network.</summary>
    public ReactionNetwork Network { get; }

    /// <summary>Gets the file path, or null for the built-in model.</summary>
    public string? Path { get; }

    /// <summary>Gets the version of the built-in ferroptosis model, or null for a file.</summary>
    public FerroptosisModel? BuiltIn { get; }

    /// <summary>Gets a value indicating whether this is the built-in ferroptosis model (cell types, drugs and scenarios apply).</summary>
    public bool IsBuiltIn => Path is null;

    /// <summary>Resolves the MODEL argument.</summary>
    /// <param name="model">A built-in name, a file path, or null for the built-in model.</param>
    /// <param name="version">The version of the built-in model (<c>--model-version</c>).</param>
    /// <param name="warnings">Where the reader's warnings go, or null to drop them.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CliException">Neither a built-in name nor an existing file, or the file cannot be read.</exception>
    public static ModelFile Resolve(string? model, FerroptosisModel version, TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (model is null || string.Equals(model, BuiltInName, StringComparison.OrdinalIgnoreCase))
        {
            return new ModelFile(BuiltInName, version.Network, null, version);
        }

        if (model.StartsWith('-'))
        {
            // System.CommandLine hands an unknown option to the optional MODEL argument.
            throw new CliException($"Unknown option '{model}'; --help lists the options.");
        }

        if (!File.Exists(model))
        {
            string hint = NameSuggestions.Hint(NameSuggestions.Closest(model, BuiltInNames));
            throw new CliException($"'{model}' is neither a built-in model nor an existing file{(hint.Length == 0 ? "." : hint)} Built-in models: {string.Join(", ", BuiltInNames)}; files: .ant/.antimony/.txt (Antimony) or .xml/.sbml (SBML).");
        }

        return new ModelFile(System.IO.Path.GetFileNameWithoutExtension(model), Read(model, warnings), model, null);
    }

    /// <summary>Reads a model file in the format named by its extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="warnings">Where the reader's warnings go (<c>warning: path: message</c>), or null to drop them.</param>
    /// <returns>The validated network.</returns>
    /// <exception cref="CliException">Unknown extension, unreadable file, or a syntax or model error (with line and column).</exception>
    public static ReactionNetwork Read(string path, TextWriter? warnings = null)
    {
        bool sbml = IsSbml(path);
        try
        {
            // As the library reads files: SBML in its declared encoding, Antimony as UTF-8, invalid bytes refused.
            ReactionNetwork network;
            if (sbml)
            {
                var document = SbmlReader.ReadFile(path);
                foreach (string warning in document.Warnings)
                {
                    warnings?.WriteLine($"warning: {path}: {warning}");
                }

                network = document.Network;
            }
            else
            {
                network = AntimonyReader.Read(AntimonyReader.ReadText(path));
            }

            foreach (string warning in UnusualValues(network))
            {
                warnings?.WriteLine($"warning: {path}: {warning}");
            }

            return network;
        }
        catch (ModelParseException ex)
        {
            // The message says "at line:column" once more; the place is already said as path:line:col.
            throw new CliException($"{Place(path, ex.Line, ex.Column)}{WithoutPlace(ex.Message, $" at {ex.Line}:{ex.Column}", ex.Line)}", ex);
        }
        catch (SbmlFormatException ex)
        {
            // The message ends with " at line L, position P"; the place is already said as path:line:col.
            throw new CliException($"{Place(path, ex.Line, ex.Position)}{WithoutPlace(ex.Message, $" at line {ex.Line}, position {ex.Position}", ex.Line)}", ex);
        }
        catch (ModelValidationException ex)
        {
            throw new CliException($"{path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read the file: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a network in the format named by the file's extension, atomically.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="CliException">Unknown extension, or the format cannot express the model.</exception>
    public static void Write(ReactionNetwork network, string path)
    {
        try
        {
            if (IsSbml(path))
            {
                // Through a stream, so the XML declaration names the encoding actually written (UTF-8).
                OutputFiles.WriteStream(path, stream => SbmlWriter.Write(network, stream));
            }
            else
            {
                OutputFiles.WriteText(path, AntimonyWriter.Write(network));
            }
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, $"{path}: ");
        }
    }

    /// <summary>Tells whether a path names an SBML file (true) or an Antimony file (false) by its extension.</summary>
    /// <param name="path">The path.</param>
    /// <returns>True for SBML.</returns>
    /// <exception cref="CliException">The extension is neither.</exception>
    public static bool IsSbml(string path)
    {
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (SbmlExtensions.Contains(extension))
        {
            return true;
        }

        return AntimonyExtensions.Contains(extension)
            ? false
            : throw new CliException($"{path}: cannot tell the format from the extension '{extension}'; use .ant, .antimony or .txt for Antimony and .xml or .sbml for SBML.");
    }

    /// <summary>Refuses a model in which nothing can change over time (no species, rules or events, e.g. an empty file): simulating it would write a CSV of times only.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="CliException">The model is empty.</exception>
    public static void RequireDynamics(ModelFile model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.Network;
        if (n.Species.Count == 0 && n.RateRules.Count == 0 && n.AssignmentRules.Count == 0 && n.Events.Count == 0)
        {
            throw new CliException($"{model.Path}: the model has no species, rules or events, so nothing in it changes over time; is the file empty or the wrong one?");
        }
    }

    /// <summary>Values that are legal but usually a mistake: a negative parameter in a rate law (a rate constant below zero).</summary>
    private static IEnumerable<string> UnusualValues(ReactionNetwork network)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reaction in network.Reactions)
        {
            foreach (var (id, value) in reaction.LocalParameters.Where(p => p.Value < 0))
            {
                yield return $"the local parameter '{id}' of reaction '{reaction.Id}' is negative ({value.ToString(System.Globalization.CultureInfo.InvariantCulture)}); rate constants are ≥ 0.";
            }

            foreach (string symbol in ExprQueries.CollectSymbols(reaction.KineticLaw))
            {
                if (!reaction.LocalParameters.ContainsKey(symbol) && network.FindParameter(symbol) is { Value: < 0 } parameter && reported.Add(symbol))
                {
                    yield return $"the parameter '{symbol}' = {parameter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is negative and used in the rate law of reaction '{reaction.Id}'; rate constants are ≥ 0.";
                }
            }
        }
    }

    /// <summary>Removes the first mention of the place from a message that is prefixed with <c>path:line:col</c>.</summary>
    private static string WithoutPlace(string message, string place, int line)
    {
        int at = line > 0 ? message.IndexOf(place, StringComparison.Ordinal) : -1;
        return at < 0 ? message : message.Remove(at, place.Length);
    }

    private static string Place(string path, int line, int column) => line > 0 ? $"{path}:{line}:{column}: " : $"{path}: ";
}
