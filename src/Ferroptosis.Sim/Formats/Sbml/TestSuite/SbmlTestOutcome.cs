namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>How one SBML Test Suite case ended.</summary>
public enum SbmlTestOutcome
{
    /// <summary>Every value at every output time met the pass rule.</summary>
    Passed,

    /// <summary>A value broke the pass rule.</summary>
    Failed,

    /// <summary>The SBML file could not be read (invalid).</summary>
    LoadError,

    /// <summary>The model could not be compiled or simulated, or the expected results could not be read.</summary>
    SimulationError,

    /// <summary>The case has no SBML file at the requested level, so it was skipped (it counts among the cases, not the passes).</summary>
    NoModelFile,

    /// <summary>The model uses a feature outside the supported subset, and the reader or simulator refused it by name (see <see cref="SbmlTestCaseResult.Message"/>) instead of simulating it approximately.</summary>
    Refused,
}
