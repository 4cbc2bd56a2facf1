namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Finds the repository's <c>tests/data</c> folder from the test binaries, so tests run from any checkout.</summary>
internal static class TestData
{
    public static string SbmlTestSuite => Path.Combine(Root, "sbml-test-suite");

    public static string KnownFailures => Path.Combine(Root, "sbml-test-suite-known-failures.tsv");

    public static string SbmlTestSuiteExtended => Path.Combine(Root, "sbml-test-suite-extended");

    public static string KnownFailuresExtended => Path.Combine(Root, "sbml-test-suite-extended-known-failures.tsv");

    /// <summary>Gets the repository's <c>docs/sbml.md</c>.</summary>
    public static string SbmlDoc => Path.Combine(Root, "..", "..", "docs", "sbml.md");

    public static string Root
    {
        get
        {
            // The test binaries' folder (usable while NUnit discovers test cases, before any test context exists).
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "data");
                if (Directory.Exists(Path.Combine(candidate, "sbml-test-suite")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/data/sbml-test-suite was not found above the test directory.");
        }
    }

    /// <summary>Gets the case folder of a test-suite case.</summary>
    public static string Case(string id) => Path.Combine(SbmlTestSuite, "cases", id);

    /// <summary>Gets the case folder of an extended test-suite case.</summary>
    public static string ExtendedCase(string id) => Path.Combine(SbmlTestSuiteExtended, "cases", id);

    /// <summary>Gets the Level 3 model file of a test-suite case.</summary>
    public static string L3File(string id) =>
        Sim.Formats.Sbml.TestSuite.SbmlTestSuiteRunner.ModelFile(Case(id), Sim.Formats.Sbml.TestSuite.SbmlTestLevel.L3V2)
        ?? throw new FileNotFoundException($"Case {id} has no Level 3 file.");
}
