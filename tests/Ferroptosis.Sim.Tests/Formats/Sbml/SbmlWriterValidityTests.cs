using System.Diagnostics;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Formats.Sbml.TestSuite;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Written SBML is what it says it is: UTF-8 text declared as UTF-8, valid Level 3 Version 2 by libSBML's consistency checks (when libSBML's Python binding, Debian's python3-sbml5, is installed; under CI=true it must be).</summary>
public sealed class SbmlWriterValidityTests
{
    private const string Validator = """
        import sys, libsbml
        for path in sys.argv[1:]:
            doc = libsbml.readSBMLFromFile(path)
            doc.checkConsistency()
            for i in range(doc.getNumErrors()):
                e = doc.getError(i)
                if e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR:
                    print(f"{path}: rule {e.getErrorId()} at line {e.getLine()}: {e.getMessage().strip()}")
        """;

    /// <summary>A reaction S + E → P whose law uses local parameters named S and E (allowed before Level 3 Version 2) and a global S_local.</summary>
    private static ReactionNetwork ShadowingNetwork() => new ReactionNetworkBuilder("shadowing")
        .Compartment("cell", 1)
        .Species("S", 2, "cell").Species("E", 1, "cell").Species("P", 0, "cell")
        .Parameter("S_local", 0.5)
        .Reaction("R", "S => P", "S*E*S_local", new Dictionary<string, double> { ["S"] = 3, ["E"] = 0.25 }, ["E"])
        .Build();

    [Test]
    public void ToXml_DeclaresUtf8_TheEncodingOfTheSavedText()
    {
        string xml = SbmlWriter.ToXml(ShadowingNetwork());
        Assert.That(xml, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>").IgnoreCase);
        Assert.That(xml, Does.Not.Contain("utf-16").IgnoreCase);

        // Saved as UTF-8 and read from the bytes (where the declaration decides the decoding), it is the same document.
        using var stream = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(xml));
        Assert.That(NetworkDifference.Find(SbmlReader.Read(stream).Network, SbmlReader.Parse(xml).Network), Is.Null);
    }

    [Test]
    public void LocalParameterNamedLikeASpeciesOfItsReaction_IsRenamedInTheLawToo_AndTheRateIsUnchanged()
    {
        var network = ShadowingNetwork();
        var reread = SbmlReader.Parse(SbmlWriter.ToXml(network)).Network;
        var reaction = reread.FindReaction("R")!;
        Assert.That(reaction.LocalParameters.Keys, Is.EquivalentTo(new[] { "S_local_2", "E_local" }));
        Assert.That(reaction.KineticLaw.ToString(), Is.EqualTo("S_local_2 * E_local * S_local"));

        var settings = new SimulationSettings { EndTime = 1, OutputPoints = 3, Outputs = ["S", "P", "R"] };
        var before = Simulator.Simulate(ModelCompiler.Compile(network), settings);
        var after = Simulator.Simulate(ModelCompiler.Compile(reread), settings);
        Assert.That(after.GetColumn("R"), Is.EqualTo(before.GetColumn("R")).Within(1e-12));
        Assert.That(after.GetColumn("R")[0], Is.EqualTo(3 * 0.25 * 0.5));
    }

    [Test]
    public void WrittenFiles_PassLibSbmlConsistencyChecks()
    {
        string? python = FindPythonWithLibSbml();
        if (python is null)
        {
            const string missing = "libSBML's Python binding is not installed (apt-get install python3-sbml5).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(missing + " CI must install it (.ci/run does).");
            }

            Assert.Ignore(missing);
        }

        string folder = Path.Combine(Path.GetTempPath(), $"sbml-written-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<string>();
            void Save(string name, ReactionNetwork network)
            {
                string path = Path.Combine(folder, name);
                SbmlWriter.WriteFile(network, path);
                files.Add(path);
            }

            Save("shadowing.xml", ShadowingNetwork());
            foreach (string caseFolder in SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite))
            {
                foreach (var level in new[] { SbmlTestLevel.L3V2, SbmlTestLevel.L2V4 })
                {
                    if (SbmlTestSuiteRunner.ModelFile(caseFolder, level) is { } file)
                    {
                        Save(Path.GetFileName(file), SbmlReader.ReadFile(file).Network);
                    }
                }
            }

            // The text form too: ToXml saved as it is must be valid (its declaration says UTF-8).
            string text = Path.Combine(folder, "to-xml.xml");
            File.WriteAllText(text, SbmlWriter.ToXml(ShadowingNetwork()));
            files.Add(text);

            string script = Path.Combine(folder, "validate.py");
            File.WriteAllText(script, Validator);
            var (exitCode, output) = Run(python, [script, .. files]);
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output.Trim(), Is.Empty, "libSBML found errors in written files");
            Assert.That(files, Has.Count.GreaterThan(1400));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? FindPythonWithLibSbml()
    {
        // Debian's python3-sbml5 installs into the system interpreter, which may not be the first python3 on PATH.
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, ["-c", "import libsbml"]).ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
