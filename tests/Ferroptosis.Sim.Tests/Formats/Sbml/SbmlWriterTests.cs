using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Networks built in code, written as SBML Level 3 Version 2 and read back: same structure and the same trajectories.</summary>
public sealed class SbmlWriterTests
{
    private static ReactionNetwork Everything() => new ReactionNetworkBuilder("everything")
        .Compartment("cell", 2, isConstant: false)
        .Species("S", 10, "cell").Species("P", 0, "cell", hasOnlySubstanceUnits: true, initialIsAmount: true)
        .Species("E", 1, "cell", isBoundary: true)
        .Parameter("Vmax", 1.5).Parameter("Km", 0.5).Parameter("n", 2).Parameter("flag", 0, isConstant: false)
        .Parameter("growth", 0.01).Parameter("signal", 0, isConstant: false).Parameter("rate", 0, isConstant: false)
        .Function("hill", ["x", "K", "h"], "pow(x, h)/(pow(K, h) + x^h)")
        .Reaction("J1", "S => P", "Vmax*E*hill(S, Km, n)*cell", new Dictionary<string, double> { ["Vmax"] = 2.0 }, ["E"])
        .Reaction("J2", "2 P -> S", "0.1*P*sign(P - 1)")
        .AssignmentRule("signal", "piecewise(1, gt(S, 5, 1), 0) + max(S, P, 3) + log(2, 8) + root(3, 27) + log10(100) + exp(-time)")
        .RateRule("cell", "growth*cell")
        .InitialAssignment("Km", "Vmax/3")
        .Event(new ModelEvent("switch", Expr.Parse("S < 5 && !(flag > 0) || and(P > 100, P > 200, P > 300)"), [new EventAssignment("flag", Expr.Parse("1")), new EventAssignment("S", Expr.Parse("S + 1"))], Expr.Parse("10"), triggerInitialValue: false, isPersistent: false, useValuesFromTriggerTime: false))
        .Build();

    [Test]
    public void BuiltNetwork_WrittenAndReadBack_GivesTheSameTrajectories()
    {
        var network = Everything();
        var reread = SbmlReader.Parse(SbmlWriter.ToXml(network)).Network;
        var settings = new SimulationSettings
        {
            EndTime = 20,
            OutputPoints = 41,
            Outputs = ["S", "P", "cell", "signal", "flag", "J1"],
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            Solver = OdeSolvers.DormandPrince5,
        };
        var before = Simulator.Simulate(ModelCompiler.Compile(network), settings);
        var after = Simulator.Simulate(ModelCompiler.Compile(reread), settings);
        Assert.That(before.IsSuccess && after.IsSuccess, before.Message + after.Message);
        foreach (string id in settings.Outputs)
        {
            Assert.That(after.GetColumn(id), Is.EqualTo(before.GetColumn(id)).Within(1e-12).Percent, id);
        }

        Assert.That(before.GetColumn("flag")[^1], Is.EqualTo(1), "the event fired");
    }

    [Test]
    public void WritingIsIdempotent_AfterOneRoundTrip()
    {
        // Forms without a MathML element (pow, sign, n-ary and) come back as their MathML equivalents, once.
        var once = SbmlReader.Parse(SbmlWriter.ToXml(Everything())).Network;
        var twice = SbmlReader.Parse(SbmlWriter.ToXml(once)).Network;
        Assert.That(NetworkDifference.Find(once, twice), Is.Null);
        Assert.That(SbmlWriter.ToXml(twice), Is.EqualTo(SbmlWriter.ToXml(once)));
    }

    [Test]
    public void StructureSurvivesTheRoundTrip()
    {
        var network = Everything();
        var reread = SbmlReader.Parse(SbmlWriter.ToXml(network)).Network;
        Assert.Multiple(() =>
        {
            Assert.That(reread.Compartments, Is.EqualTo(network.Compartments));
            Assert.That(reread.Species, Is.EqualTo(network.Species));
            Assert.That(reread.Parameters, Is.EqualTo(network.Parameters));
            Assert.That(reread.Reactions.Select(r => (r.Id, r.IsReversible, r.Modifiers.Count, r.LocalParameters.Count)), Is.EqualTo(network.Reactions.Select(r => (r.Id, r.IsReversible, r.Modifiers.Count, r.LocalParameters.Count))));
            Assert.That(reread.Reactions[1].Reactants, Is.EqualTo(network.Reactions[1].Reactants));
            Assert.That(reread.Functions.Select(f => f.Name), Is.EqualTo(new[] { "hill" }));
            Assert.That(reread.InitialAssignments, Is.EqualTo(network.InitialAssignments));
            Assert.That(reread.RateRules, Is.EqualTo(network.RateRules));
            var e = reread.Events.Single();
            Assert.That((e.Id, e.TriggerInitialValue, e.IsPersistent, e.UseValuesFromTriggerTime, e.Priority), Is.EqualTo(("switch", false, false, false, (Expr?)Expr.Parse("10"))));
        });
    }

    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    [TestCase(double.NaN)]
    [TestCase(-0.0)]
    [TestCase(1.2345678901234567e-300)]
    [TestCase(6.02214076e23)]
    [TestCase(-42)]
    [TestCase(0.1)]
    public void Numbers_RoundTripExactly_InAttributesAndMath(double value)
    {
        var network = new ReactionNetwork(
            "numbers",
            [new Compartment("c")],
            [],
            [new Parameter("p", value), new Parameter("q", 0)],
            [],
            initialAssignments: [new InitialAssignment("q", new NumberExpr(value))]);
        var reread = SbmlReader.Parse(SbmlWriter.ToXml(network)).Network;
        Assert.That(reread.Parameters[0].Value, Is.EqualTo(value));
        Assert.That(BitConverter.DoubleToInt64Bits(reread.Parameters[0].Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)).Or.Matches<long>(_ => double.IsNaN(value)));
        Assert.That(reread.InitialAssignments[0].Expression, Is.EqualTo(network.InitialAssignments[0].Expression));
    }

    [Test]
    public void IdsThatAreNotSbmlIdentifiers_AreRefusedWithTheirName()
    {
        var network = new ReactionNetwork("bad", [new Compartment("c")], [], [new Parameter("k 1", 1)], []);
        var e = Assert.Throws<ArgumentException>(() => SbmlWriter.ToXml(network));
        Assert.That(e!.Message, Does.Contain("'k 1' is not a valid SBML identifier"));
    }

    [Test]
    public void WrittenFile_DeclaresLevel3Version2_AndIsReadFromAStream()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sbml-writer-{Guid.NewGuid():N}.xml");
        try
        {
            SbmlWriter.WriteFile(Everything(), path);
            string text = File.ReadAllText(path);
            Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
            Assert.That(text, Does.Contain("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">"));
            var document = SbmlReader.ReadFile(path);
            Assert.That((document.Level, document.Version), Is.EqualTo((3, 2)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task WriteFileAsync_WritesWhatToXmlReturns_AndWriteAsyncToAStream()
    {
        string folder = Directory.CreateTempSubdirectory("sbml-writer-").FullName;
        try
        {
            string path = Path.Combine(folder, "everything.xml");
            await SbmlWriter.WriteFileAsync(Everything(), path);
            using var stream = new MemoryStream();
            await SbmlWriter.WriteAsync(Everything(), stream);

            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(path), Is.EqualTo(SbmlWriter.ToXml(Everything())));
                Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(SbmlWriter.ToXml(Everything())));
                Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "everything.xml" }));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void WriteFileAsync_CancelledOrInvalid_LeavesTheExistingFileAndNoTemporaryFile()
    {
        string folder = Directory.CreateTempSubdirectory("sbml-writer-").FullName;
        try
        {
            string path = Path.Combine(folder, "everything.xml");
            File.WriteAllText(path, "earlier");
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            var invalid = new ReactionNetwork("bad", [new Compartment("c")], [], [new Parameter("k 1", 1)], []);

            Assert.Multiple(() =>
            {
                Assert.That(async () => await SbmlWriter.WriteFileAsync(Everything(), path, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
                Assert.That(async () => await SbmlWriter.WriteFileAsync(invalid, path), Throws.ArgumentException.With.Message.Contains("'k 1' is not a valid SBML identifier"));
                Assert.That(File.ReadAllText(path), Is.EqualTo("earlier"));
                Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "everything.xml" }));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
