using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The API rows of the bad-input table: each bad argument is refused up front with an <see cref="ArgumentException"/> that names it, instead of running forever, crashing inside or being read as something else.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BadInputApiTests
{
    private static readonly BoneCell OB = BoneCell.Osteoblast;

    private static IEnumerable<TestCaseData> Rows()
    {
        TestCaseData Row(string name, string fragment, TestDelegate call) => new TestCaseData(call, fragment).SetName(name);

        yield return Row("Run(TimeSpan.MaxValue)", "more than CellSimulationOptions.MaxOutputPoints", () => FerroptosisSimulation.Run(OB, [], TimeSpan.MaxValue));
        yield return Row("Run(1e5 h every 0.01 h)", "has 1E+07 time points", () => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1e5), new CellSimulationOptions { OutputIntervalHours = 0.01 }));
        yield return Row("Run(OutputIntervalHours = 0)", "OutputIntervalHours must be a positive number", () => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { OutputIntervalHours = 0 }));
        yield return Row("Erastin(5, (ConcentrationUnit)99)", "99 is not a concentration unit", () => Perturbation.Erastin(5, (ConcentrationUnit)99));
        yield return Row("Erastin(5, default(ConcentrationUnit))", "No concentration unit was given (default(ConcentrationUnit) is Unspecified)", () => Perturbation.Erastin(5, default));
        yield return Row("Drug(rsl3, 100, default(ConcentrationUnit))", "pass ConcentrationUnit.Nanomolar, Micromolar or Millimolar", () => Perturbation.Drug("rsl3", 100, default(ConcentrationUnit)));
        yield return Row("Erastin(5, (ConcentrationUnit)1), the 0.1 value of Micromolar", "1 is not a concentration unit", () => Perturbation.Erastin(5, (ConcentrationUnit)1));
        yield return Row("Dexamethasone(1, (ConcentrationUnit)-1)", "-1 is not a concentration unit", () => Perturbation.Dexamethasone(1, (ConcentrationUnit)(-1)));
        yield return Row("Knockdown((Gene)42)", "42 is not a gene of the model", () => Perturbation.Knockdown((Gene)42, 0.5));
        yield return Row("Overexpression((Gene)42)", "42 is not a gene of the model", () => Perturbation.Overexpression((Gene)42, 2));
    }

    [TestCaseSource(nameof(Rows))]
    [CancelAfter(20_000)]
    public void BadArgument_IsRefusedUpFront_WithItsName(TestDelegate call, string fragment)
    {
        var error = Assert.Catch<ArgumentException>(call);
        Assert.That(error!.Message, Does.Contain(fragment));
    }

    [Test]
    public void NonFiniteValues_AreNamed_NotReportedAsAComponentIndex()
    {
        // A failure stays a status (analyses count failed points), but its message names the parameter.
        var pathway = FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { Parameters = new Dictionary<string, double> { ["ros_x"] = double.NaN } });
        var model = Simulator.Simulate(ModelCompiler.Compile(AntimonyReader.Read(CliTestKit.DecayModel)), new SimulationSettings { Parameters = new Dictionary<string, double> { ["k1"] = double.NegativeInfinity } });

        Assert.Multiple(() =>
        {
            Assert.That(pathway.IsSuccess, Is.False);
            Assert.That(pathway.Message, Does.Contain("The settings give the parameter 'ros_x' = NaN."));
            Assert.That(model.IsSuccess, Is.False);
            Assert.That(model.Message, Does.Contain("'k1' = -Infinity"));
            Assert.That(
                () => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { InitialValues = new Dictionary<string, double> { ["LIP"] = double.PositiveInfinity } }),
                Throws.InstanceOf<Ferroptosis.Sim.Modeling.ModelValidationException>().With.Message.Contain("'LIP'"));
        });
    }

    [Test]
    public void ReadOuts_RefuseNaNTimes_AndUnknownNames_WithArgumentExceptions_AsEveryNameLookUpDoes()
    {
        var run = FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(() => run.SurvivalAtHours(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("The run covers"));
            Assert.That(() => run.ValueAtHours("LPO", double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => run.ValueAtHours("lpo", 1), Throws.ArgumentException.With.Message.Contain("did you mean 'LPO'"));
            Assert.That(() => run.RestingValue("nope"), Throws.ArgumentException);
            Assert.That(() => run.WriteCsv(TextWriter.Null, ["nope"]), Throws.ArgumentException);
            Assert.That(() => run.Result.GetColumn("nope"), Throws.ArgumentException.With.Message.Contain("No column 'nope'"));
        });
    }

    [Test]
    public void ReadOuts_TakeTimesAsTimeSpans_AsRunDoes()
    {
        var run = FerroptosisSimulation.Run(OB, [Perturbation.Erastin(10)], TimeSpan.FromHours(6));

        Assert.Multiple(() =>
        {
            Assert.That(run.SurvivalAt(TimeSpan.FromMinutes(270)), Is.EqualTo(run.SurvivalAtHours(4.5)));
            Assert.That(run.ValueAt("LPO", TimeSpan.FromHours(2)), Is.EqualTo(run.ValueAtHours("LPO", 2.0)));
            Assert.That(() => run.SurvivalAt(TimeSpan.FromHours(7)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void AntimonyFiles_AreStrictUtf8_AsSbmlFilesAre()
    {
        string latin1 = Path.GetTempFileName(), withMark = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(latin1, System.Text.Encoding.Latin1.GetBytes(CliTestKit.DecayModel.Replace("model decay", "model decay // café", StringComparison.Ordinal)));
            File.WriteAllText(withMark, CliTestKit.DecayModel, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            Assert.Multiple(() =>
            {
                Assert.That(() => AntimonyReader.ReadFile(latin1), Throws.InstanceOf<Ferroptosis.Sim.Modeling.ModelParseException>().With.Message.Contain("is not valid UTF-8 text"));
                Assert.That(AntimonyReader.ReadFile(withMark).Species, Has.Count.EqualTo(2), "a byte-order mark is allowed");
            });
        }
        finally
        {
            File.Delete(latin1);
            File.Delete(withMark);
        }
    }

    [Test]
    public void Run_WithACancelledToken_Stops()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(() => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(48), null, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Run_WithAToken_GivesTheSameResult()
    {
        using var cancel = new CancellationTokenSource();
        var plain = FerroptosisSimulation.Run(OB, [Perturbation.Erastin(10)], TimeSpan.FromHours(24));
        var cancellable = FerroptosisSimulation.Run(OB, [Perturbation.Erastin(10)], TimeSpan.FromHours(24), null, cancel.Token);

        Assert.That(cancellable.SurvivingFraction, Is.EqualTo(plain.SurvivingFraction));
    }

    [Test]
    public void RaisingMaxOutputPoints_LetsALongerRunThrough()
    {
        var options = new CellSimulationOptions { OutputIntervalHours = 1e-3, MaxOutputPoints = 3_000_000 };

        Assert.Multiple(() =>
        {
            Assert.That(FerroptosisSimulation.EstimateOutputPoints([], TimeSpan.FromHours(2000), options), Is.EqualTo(2_000_001));
            Assert.That(FerroptosisSimulation.EstimateOutputPoints([Perturbation.Erastin(1).Before(TimeSpan.FromHours(1))], TimeSpan.FromHours(1), options), Is.EqualTo(2_001));
            Assert.That(() => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(2000), options with { MaxOutputPoints = 1_000_000 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void ParametersSetDirectly_AreNamedInTheCondition()
    {
        var run = FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { Parameters = new Dictionary<string, double> { ["ros_x"] = 1.2 } });

        Assert.Multiple(() =>
        {
            Assert.That(run.ParameterValues, Does.ContainKey("ros_x"));
            Assert.That(CellDeathFigure.Condition(run), Is.EqualTo("ros_x = 1.2"));
            Assert.That(run.ToString(), Does.Contain("+ ros_x = 1.2"));
        });
    }
}
