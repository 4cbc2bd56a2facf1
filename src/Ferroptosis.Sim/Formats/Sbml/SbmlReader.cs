namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Reads SBML Level 2 (Versions 1–5) and Level 3 (Versions 1 and 2) core files into reaction networks.</summary>
/// <remarks>
/// <para>
/// Supported: compartments, species (amounts and concentrations, <c>hasOnlySubstanceUnits</c>, boundary and constant
/// species, conversion factors), parameters, local parameters, reactions with stoichiometries (species references can
/// be used in math; Level 2 <c>stoichiometryMath</c> becomes an assignment rule on the species reference), kinetic laws, function definitions, assignment and rate rules, initial assignments, events
/// without delay (priority, persistence, <c>initialValue</c>, <c>useValuesFromTriggerTime</c>) and the MathML subset
/// of SBML, including piecewise, relations, logic, csymbol time and the constants. The SBML semantics are those of
/// the model layer (<see cref="Modeling.Networks.ReactionNetwork"/>). docs/sbml.md lists what is rejected.
/// </para>
/// <para>
/// The XML is read defensively (see <see cref="SafeXmlLoader"/>): DTDs are refused, nothing outside the input is ever
/// opened, nesting and size are bounded. Every problem with the input, from malformed XML to an unsupported feature,
/// is an <see cref="SbmlFormatException"/> whose message names the element and, where it has one, its line and
/// position. Thread-safe (each call has its own state).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var document = SbmlReader.ReadFile("model.xml");
/// var model = ModelCompiler.Compile(document.Network);
/// var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 100 });
/// </code>
/// </example>
public static class SbmlReader
{
    /// <summary>Reads an SBML file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SbmlFormatException">The file is not valid, safe XML, not valid SBML, or uses an unsupported feature.</exception>
    /// <exception cref="IOException">The file cannot be found, opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static SbmlDocument ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads SBML from a stream; the encoding comes from the XML declaration (UTF-8 by default).</summary>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SbmlFormatException">The input is not valid, safe XML, not valid SBML, or uses an unsupported feature.</exception>
    public static SbmlDocument Read(Stream stream) => SbmlModelReader.Read(SafeXmlLoader.Load(stream));

    /// <summary>Reads SBML from a text reader.</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SbmlFormatException">The input is not valid, safe XML, not valid SBML, or uses an unsupported feature.</exception>
    public static SbmlDocument Read(TextReader reader) => SbmlModelReader.Read(SafeXmlLoader.Load(reader));

    /// <summary>Reads SBML from a string.</summary>
    /// <param name="xml">The SBML text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SbmlFormatException">The text is not valid, safe XML, not valid SBML, or uses an unsupported feature.</exception>
    public static SbmlDocument Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return Read(reader);
    }
}
