using System.Text;
using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>
/// The bad-input table of the hardening work: each row is a command line a user or a tester tried, the exit code
/// docs/cli.md documents for it, and a fragment of the one-line message. No row may print a stack trace, and none may
/// leave a file behind (temporary ones included).
/// </summary>
public sealed class BadInputTableTests : TempFolderTests
{
    private static readonly string[] Inputs = ["decay.ant", "empty.ant", "chain.ant", "latin1.ant", "latin1.xml", "malformed.xml", "malformed.ant"];

    [SetUp]
    public void WriteInputs()
    {
        File.WriteAllText(Path.Combine(Folder, "decay.ant"), DecayModel);
        File.WriteAllText(Path.Combine(Folder, "empty.ant"), string.Empty);
        var chain = new StringBuilder("model chain\n  J1: -> x; r10000\n  x = 0\n  r0 := 1\n");
        for (int i = 1; i <= 10_000; i++)
        {
            chain.Append(System.Globalization.CultureInfo.InvariantCulture, $"  r{i} := r{i - 1} + 1\n");
        }

        File.WriteAllText(Path.Combine(Folder, "chain.ant"), chain.Append("end\n").ToString());

        // "café" in Latin-1: not UTF-8. The CLI refuses such bytes as the library does, instead of reading U+FFFD.
        File.WriteAllBytes(Path.Combine(Folder, "latin1.ant"), Encoding.Latin1.GetBytes("model m\n  J1: A -> ; k1*A  # café\n  A = 1; k1 = 1\nend\n"));
        File.WriteAllText(Path.Combine(Folder, "malformed.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n  <model id=\"m\">\n    <listOfSpecies>\n  </model>\n</sbml>\n");
        File.WriteAllText(Path.Combine(Folder, "malformed.ant"), "model m\n  J1: A -> ; k1*\n  A = 1; k1 = 1\nend\n");
        File.WriteAllBytes(Path.Combine(Folder, "latin1.xml"), Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\"><model id=\"m\" name=\"café\"/></sbml>"));
    }

    private static IEnumerable<TestCaseData> Rows()
    {
        TestCaseData Row(int code, string fragment, params string[] args) =>
            new TestCaseData(args, code, fragment).SetName($"{{m}}({string.Join(' ', args)})");

        // Crashes once seen as stack traces.
        yield return Row(ExitCodes.InputError, "--rtol 1E-20 is outside 1e-14 to 0.1", "simulate", "--rtol", "1e-20");
        yield return Row(ExitCodes.InputError, "--rtol: 'abc' is not a number; write it like 1e-8", "simulate", "--rtol", "abc");
        yield return Row(ExitCodes.InputError, "--atol: 'x' is not a number", "scan", "--param", "erastin", "--range", "1,2", "--atol", "x");
        yield return Row(ExitCodes.InputError, "--t-end: 1E+300 h is longer than any run can last", "simulate", "--t-end", "1e300h");
        yield return Row(ExitCodes.InputError, "--t-end: 1E+300 h is longer than any run can last", "simulate", "--t-end", "1e300h", "--force");
        yield return Row(ExitCodes.InputError, "--t-end: 1E+300 h is longer than any run can last", "scan", "--param", "erastin", "--range", "1,2", "--t-end", "1e300h");
        yield return Row(ExitCodes.TooLarge, "more than one run can hold, even with --force", "simulate", "--interval", "1e-9h");
        yield return Row(ExitCodes.TooLarge, "The scan has 10,000,000,000 points: more than one scan can hold", "scan", "--param", "erastin", "--range", "1:10:100000", "--param", "fer1", "--range", "1:10:100000");
        yield return Row(ExitCodes.InputError, "at most 2000 are supported", "simulate", "{folder}/chain.ant");

        // Unbounded work: refused with the estimate unless --force.
        yield return Row(ExitCodes.TooLarge, "400,001 time points × 63 columns = 25,200,063 values, about 504 MB of CSV, beyond the limit of 10,000,000 values", "simulate", "--t-end", "1e5h");
        yield return Row(ExitCodes.TooLarge, "time points × 3 columns", "simulate", "{folder}/decay.ant", "--t-end", "1e7", "--interval", "0.1");
        yield return Row(ExitCodes.TooLarge, "The scan has 160,000 points (one simulation each), beyond the limit of 100,000", "scan", "--param", "erastin", "--range", "1:10:400", "--param", "fer1", "--range", "1:10:400");
        yield return Row(ExitCodes.InputError, "the folder cannot be written", "simulate", "--out", "{folder}/decay.ant/out");

        // Nonsense once accepted silently.
        yield return Row(ExitCodes.InputError, "'1e30uM' is above 1 M", "simulate", "--perturb", "erastin=1e30uM");
        yield return Row(ExitCodes.InputError, "erastin doses reach 1E+308 µM, above 1 M", "scan", "--param", "erastin", "--range", "1:1e308:log3");
        yield return Row(ExitCodes.InputError, "ros_x takes values ≥ 0", "scan", "--param", "ros_x", "--range", "-1,1");
        yield return Row(ExitCodes.InputError, "the built-in model's parameters are rates, amounts and factors, all ≥ 0", "simulate", "--perturb", "ros_x=-3");
        yield return Row(ExitCodes.InputError, "erastin 5 µM from 100 h starts at or after the end of the run (48 h)", "simulate", "--perturb", "erastin=5uM@100h");
        yield return Row(ExitCodes.InputError, "erastin is already given (erastin 5 µM) for an overlapping time", "simulate", "-p", "erastin=5uM", "-p", "erastin=10uM");
        yield return Row(ExitCodes.InputError, "ros_x is given twice", "simulate", "-p", "ros_x=1.2", "-p", "ros_x=1.5");
        yield return Row(ExitCodes.InputError, "k1 is given twice", "simulate", "{folder}/decay.ant", "-p", "k1=1", "-p", "k1=2");
        yield return Row(ExitCodes.InputError, "the model has no species, rules or events", "simulate", "{folder}/empty.ant");
        yield return Row(ExitCodes.InputError, "the model has no species, rules or events", "scan", "{folder}/empty.ant", "--param", "k", "--range", "1,2");
        yield return Row(ExitCodes.SimulationFailed, "The simulation of the osteoblast failed because of --perturb ros_x=1E+308: the values overflow double precision", "simulate", "-p", "ros_x=1e308");
        yield return Row(ExitCodes.InputError, "'nan' is not a number", "simulate", "{folder}/decay.ant", "-p", "k1=nan");
        yield return Row(ExitCodes.InputError, "a number from 0 to 1 such as 0.139 (got 1E+06)", "remodel", "--scenario", "GC", "--kappa", "1e6");
        yield return Row(ExitCodes.InputError, "The folder '/nonexistent-suite' does not exist", "sbml-test-suite", "/nonexistent-suite");
        yield return Row(ExitCodes.InputError, "Argument 'l9v9' not recognized. Must be one of: 'l3v2' 'l3v1' 'l2v4'", "sbml-test-suite", "{folder}", "--level", "l9v9");
        yield return Row(ExitCodes.InputError, "OUT is the input file; converting would overwrite it", "convert", "{folder}/decay.ant", "{folder}/decay.ant");
        yield return Row(ExitCodes.InputError, "latin1.ant: the file is not valid UTF-8 text (an invalid byte at offset", "validate", "{folder}/latin1.ant");
        yield return Row(ExitCodes.InputError, "Invalid character in the given encoding", "simulate", "{folder}/latin1.xml");
        // The position is said once, as file:line:col (the reader's own "at line 5, position 5" and "at 2:17" are dropped).
        const string Malformed = "malformed.xml:5:5: The file is not well-formed or not allowed XML: The 'listOfSpecies' start tag on line 4 position 6 does not match the end tag of 'model'.\n";
        yield return Row(ExitCodes.InputError, Malformed, "validate", "{folder}/malformed.xml");
        yield return Row(ExitCodes.InputError, Malformed, "simulate", "{folder}/malformed.xml");
        yield return Row(ExitCodes.InputError, "malformed.ant:2:17: expected an expression but found end of line\n", "validate", "{folder}/malformed.ant");
        yield return Row(ExitCodes.InputError, "OUT is the input file", "convert", "{folder}/decay.ant", "{folder}/../{name}/decay.ant");
    }

    [TestCaseSource(nameof(Rows))]
    public void BadInput_OneErrorLine_DocumentedExitCode_NoStackTrace_NoFiles(string[] args, int code, string fragment)
    {
        string output = Path.Combine(Folder, "out");
        var line = args.Select(a => a.Replace("{folder}", Folder, StringComparison.Ordinal).Replace("{name}", Path.GetFileName(Folder), StringComparison.Ordinal)).ToList();
        if (line[0] is "simulate" or "scan" or "remodel" && !line.Contains("--out"))
        {
            line.AddRange(["--out", output]);
        }

        var run = Run([.. line]);

        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(code), run.ToString());
            Assert.That(run.Error, Does.Contain(fragment), run.ToString());
            Assert.That(errors.Count(l => l.StartsWith("error: ", StringComparison.Ordinal)), Is.EqualTo(1), run.ToString());
            Assert.That(errors, Is.All.StartsWith("error: ").Or.StartsWith("warning: "), "every stderr line is an error or a warning");
            Assert.That(run.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("System.Nullable"));
            Assert.That(FilesIn(output), Is.Empty, "no output, no temporary file");
            Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EquivalentTo(Inputs));
            Assert.That(File.ReadAllText(Path.Combine(Folder, "decay.ant")), Is.EqualTo(DecayModel), "the input is untouched");
        });
    }

    [Test]
    public void UnusualButLegalValues_AreNamedInAWarning_AndTheRunGoesOn()
    {
        string model = Path.Combine(Folder, "negative.ant");
        File.WriteAllText(model, DecayModel.Replace("k1 = 0.5", "k1 = -0.05", StringComparison.Ordinal));

        var negative = Run("simulate", model, "--plot", "none", "--out", Path.Combine(Folder, "a"));
        var kappa = Run("remodel", "--scenario", "GC", "--months", "1", "--kappa", "0.5", "--plot", "none", "--out", Path.Combine(Folder, "b"));
        var empty = Run("validate", Path.Combine(Folder, "empty.ant"));

        Assert.Multiple(() =>
        {
            Assert.That(negative.ExitCode, Is.Zero, negative.ToString());
            Assert.That(negative.Error, Does.Contain("warning: ").And.Contain("the parameter 'k1' = -0.05 is negative and used in the rate law of reaction 'J1'"));
            Assert.That(kappa.ExitCode, Is.Zero, kappa.ToString());
            Assert.That(kappa.Error, Does.Contain("warning: --kappa 0.5 is outside the plausible range 0.0695–0.278 of the bounded model"));
            Assert.That(empty.ExitCode, Is.Zero, empty.ToString());
            Assert.That(empty.Error, Does.Contain("warning: ").And.Contain("the model has no species, rules or events (is the file empty?)"));
        });
    }

    [Test]
    public void AbsurdButFiniteNumbers_AreNamedInAWarning()
    {
        var atol = Run("simulate", "--atol", "1e300", "--t-end", "6h", "--plot", "none", "--out", Path.Combine(Folder, "a"));
        var fileAtol = Run("simulate", Path.Combine(Folder, "decay.ant"), "--atol", "1e300", "--plot", "none", "--out", Path.Combine(Folder, "b"));
        var large = Run("simulate", Path.Combine(Folder, "decay.ant"), "-p", "A=1e20", "--plot", "none", "--out", Path.Combine(Folder, "c"));

        Assert.Multiple(() =>
        {
            Assert.That(atol.ExitCode, Is.Zero, atol.ToString());
            Assert.That(atol.Error, Does.Contain("warning: --atol 1E+300 is large: the solver accepts an error of this size in every variable"));
            Assert.That(fileAtol.ExitCode, Is.Zero, fileAtol.ToString());
            Assert.That(fileAtol.Error, Does.Contain("warning: --atol 1E+300 is large"));
            Assert.That(large.Error, Does.Contain("warning: --perturb A=1E+20: beyond ±1e15"), large.ToString());
            Assert.That(atol.Error + fileAtol.Error + large.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public void AParameterSetDirectly_NamesTheCondition_InsteadOfUntreated()
    {
        var run = Run("simulate", "-p", "ros_x=1.2", "--t-end", "6h", "--plot", "none", "--out", Folder);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("ros_x = 1.2").And.Not.Contain("untreated"));
        });
    }

    [Test]
    public void Force_LetsALargeRunThrough_WithItsEstimateOnStderr()
    {
        using var warnings = new StringWriter();

        RunSize.CheckSimulation(400_001, 62, 1, force: true, warnings);
        RunSize.CheckScan(160_000, force: true, warnings);

        Assert.That(warnings.ToString(), Does.Contain("warning: --force: the run writes 400,001 time points × 62 columns = 24,800,062 values, about 496 MB of CSV")
            .And.Contain("warning: --force: the scan runs 160,000 simulations."));
    }
}
