namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Small SBML documents written inline for reader and writer tests.</summary>
internal static class SbmlText
{
    public const string MathNs = "http://www.w3.org/1998/Math/MathML";

    public static string L3(string model, int version = 2) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sbml xmlns="http://www.sbml.org/sbml/level3/version{version}/core" level="3" version="{version}">
          <model id="m">
        {model}
          </model>
        </sbml>
        """;

    public static string L2(string model) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
          <model id="m">
        {model}
          </model>
        </sbml>
        """;

    public static string Math(string content) => $"""<math xmlns="{MathNs}">{content}</math>""";

    /// <summary>A Level 3 model with one parameter p whose initial assignment is the given MathML.</summary>
    public static string InitialAssignment(string mathContent) => L3($"""
        <listOfParameters><parameter id="p" constant="true"/></listOfParameters>
        <listOfInitialAssignments><initialAssignment symbol="p">{Math(mathContent)}</initialAssignment></listOfInitialAssignments>
        """);
}
