namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>Which SBML file of a test case to run.</summary>
public enum SbmlTestLevel
{
    /// <summary>The Level 3 Version 2 file, or the Level 3 Version 1 file where the case has no Version 2 file.</summary>
    L3V2,

    /// <summary>The Level 3 Version 1 file.</summary>
    L3V1,

    /// <summary>The Level 2 Version 4 file.</summary>
    L2V4,

    /// <summary>The Level 3 file (as <see cref="L3V2"/>) where the case has one, else the Level 2 Version 4 file (cases that exist only in Level 2, such as <c>stoichiometryMath</c>).</summary>
    Any,
}
