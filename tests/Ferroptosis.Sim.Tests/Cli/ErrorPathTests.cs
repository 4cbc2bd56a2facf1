using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>Every way a command line can be wrong ends with a non-zero exit code, a message on stderr that says what to do, and no output files.</summary>
public sealed class ErrorPathTests : TempFolderTests
{
    [SetUp]
    public void WriteModel() => File.WriteAllText(Path.Combine(Folder, "decay.ant"), DecayModel);

    private static IEnumerable<TestCaseData> Mistakes()
    {
        TestCaseData Case(string expected, params string[] args) => new TestCaseData(args, expected).SetName($"{{m}}({string.Join(' ', args)})");

        // Unknown names: the valid ones are listed, close ones suggested.
        yield return Case("did you mean 'osteoblast'", "simulate", "--cell", "osteoblst");
        yield return Case("did you mean 'erastin'", "simulate", "--perturb", "erastn=5uM");
        yield return Case("Known scenarios: high-glucose", "simulate", "--scenario", "osteoporosis");
        yield return Case("did you mean 'Rodas4' or 'Rodas5P'", "simulate", "--solver", "rodas5");
        yield return Case("neither a built-in model nor an existing file", "simulate", "ferroptsis.ant");
        yield return Case("did you mean 'ferroptosis'", "simulate", "ferroptsis");
        yield return Case("Unknown option '--bogus'", "simulate", "--bogus");
        yield return Case("did you mean 'LPO'", "scan", "--param", "erastin", "--range", "1:10:3", "--readout", "LPX@12h");

        // Units: missing, unknown, or of the wrong kind.
        yield return Case("needs a concentration unit, e.g. 5uM", "simulate", "--perturb", "erastin=5");
        yield return Case("is a time; give a concentration", "simulate", "--perturb", "erastin=5h");
        yield return Case("unknown concentration unit 'kg'", "simulate", "--perturb", "erastin=5kg");
        yield return Case("needs a time unit, e.g. 48h", "simulate", "--t-end", "48");
        yield return Case("is a concentration; give a time", "simulate", "--t-end", "5uM");
        yield return Case("is negative", "simulate", "--perturb", "fer1=-1uM");
        yield return Case("takes a plain number without a unit", "simulate", "--perturb", "oxidative-stress=2uM");
        yield return Case("must be between 0 and 1", "simulate", "--perturb", "knockdown-gpx4=2");
        yield return Case("cannot be scheduled", "simulate", "--perturb", "knockdown-gpx4=0.5@2h");
        yield return Case("write NAME=VALUE", "simulate", "--perturb", "erastin");
        yield return Case("wash-out time must come after the start", "simulate", "--perturb", "dfo=100uM@6h..2h");

        // Options that do not fit.
        yield return Case("unknown figure format 'jpg'", "simulate", "--plot", "jpg");
        yield return Case("--rtol must be a positive number", "simulate", "--rtol", "0");
        yield return Case("apply to the built-in model only", "simulate", "{folder}/decay.ant", "--cell", "osteoclast");
        yield return Case("has no parameter or species 'kk'; did you mean 'k1' or 'k2'", "simulate", "{folder}/decay.ant", "--perturb", "kk=1");
        yield return Case("reads after the end of the run", "scan", "--param", "erastin", "--range", "1:10:3", "--readout", "survival@72h", "--t-end", "48h");
        yield return Case("one --param with one --range", "scan", "--param", "erastin", "--param", "fer1", "--range", "1:10:3");
        yield return Case("A 2-D scan runs one cell type", "scan", "--cell", "all", "--param", "erastin", "--range", "1,2", "--param", "fer1", "--range", "1,2");
        yield return Case("a logarithmic range needs positive ends", "scan", "--param", "erastin", "--range", "0:10:log5");
        yield return Case("the point count must be an integer", "scan", "--param", "erastin", "--range", "1:10:logx");
        yield return Case("--parallel must be at least 1", "scan", "--param", "erastin", "--range", "1,2", "--parallel", "0");
        yield return Case("cannot tell the format from the extension '.json'", "convert", "{folder}/decay.ant", "{folder}/decay.json");
        yield return Case("no such file", "validate", "{folder}/missing.ant");

        // Parse errors of System.CommandLine itself.
        yield return Case("Option '--param' is required", "scan", "--range", "1:10:3");
        yield return Case("Argument 'bogus' not recognized", "list", "bogus");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void Mistake_ExitsNonZero_WithAMessageOnStderr_AndNoFiles(string[] args, string expected)
    {
        string output = Path.Combine(Folder, "out");
        var withFolder = args.Select(a => a.Replace("{folder}", Folder, StringComparison.Ordinal)).ToList();
        if (withFolder[0] is "simulate" or "scan")
        {
            withFolder.AddRange(["--out", output]);
        }

        var run = Run([.. withFolder]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
            Assert.That(run.Error, Does.Contain(expected), run.ToString());
            Assert.That(FilesIn(output), Is.Empty);
            Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EqualTo(new[] { "decay.ant" }));
        });
    }
}
