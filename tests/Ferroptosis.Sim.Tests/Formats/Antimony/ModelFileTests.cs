using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>The curated model files load, compile and simulate; the cell-type parameter sets apply and reproduce the resting states documented in models/ferroptosis/v1/README.md.</summary>
public sealed class ModelFileTests
{
    private static readonly string BaseModel = RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant");

    private static readonly string[] CellTypes = ["osteoblast", "osteoclast", "osteocyte"];

    [Test]
    public void Base_model_loads_with_the_documented_size()
    {
        var network = AntimonyReader.ReadFile(BaseModel);

        Assert.That(network.Id, Is.EqualTo("ferroptosis"));
        Assert.That(network.Species, Has.Count.EqualTo(16), "15 biochemical species and the surviving fraction (README)");
        Assert.That(network.Reactions, Has.Count.EqualTo(43), "README: 43 reactions");
        Assert.That(network.Compartments.Select(c => c.Id), Is.EqualTo(new[] { "cell" }));
        Assert.That(network.Functions.Select(f => f.Name), Is.EqualTo(new[] { "pos", "hill", "are" }));
        Assert.That(network.InitialAssignments.Select(a => a.Symbol), Is.EqualTo(new[] { "f1", "g0", "u0", "d0", "s0", "Vg", "C0", "T0" }), "the normalisation constants of README 2.1");
    }

    [Test]
    public void Parameter_sets_hold_the_documented_overrides()
    {
        Assert.That(AntimonyReader.ReadParameterSetFile(RepositoryFiles.PathOf("models/ferroptosis/v1/osteoblast.ant")), Is.Empty, "the osteoblast is the reference cell");
        Assert.That(AntimonyReader.ReadParameterSetFile(RepositoryFiles.PathOf("models/ferroptosis/v1/osteoclast.ant")), Is.EquivalentTo(new Dictionary<string, double>
        {
            ["c_TfR"] = 1.4, ["c_NCOA4"] = 0.3, ["c_ROS"] = 1.05, ["c_Nsyn"] = 0.9, ["c_ARE"] = 0.8, ["c_HO"] = 0.5,
        }));
        Assert.That(AntimonyReader.ReadParameterSetFile(RepositoryFiles.PathOf("models/ferroptosis/v1/osteocyte.ant")), Is.EquivalentTo(new Dictionary<string, double> { ["A_JUN"] = 8 }));
    }

    [TestCaseSource(nameof(CellTypes))]
    public void Every_cell_type_compiles_and_simulates_a_day(string cell)
    {
        var network = CellNetwork(cell);
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 24, OutputPoints = 25 });

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That(result.Names, Is.EqualTo(network.Species.Select(s => s.Id).Concat(network.AssignmentRules.Select(r => r.Variable))));
        Assert.That(result.GetColumn("S").All(double.IsFinite), Is.True);
    }

    [Test]
    public void Osteoblast_rests_at_the_documented_state()
    {
        // README section 3, "Resting OB" column: steady state after 3000 h, printed to 3-4 significant digits.
        var (rest, survival) = RestingState("osteoblast");
        var expected = new (string Species, double Value, double HalfDigit)[]
        {
            ("NRF2", 1.000, 5e-4), ("mHO1", 1.000, 5e-4), ("HO1", 1.000, 5e-4), ("HEME", 0.1000, 5e-5), ("HB", 28.0, 0.05),
            ("BR", 0.309, 5e-4), ("LIP", 0.8015, 5e-5), ("FT", 1.002, 5e-4), ("FTFE", 11.57, 5e-3), ("TFR1", 0.998, 5e-4),
            ("XCT", 1.000, 5e-4), ("GSH", 3.000, 5e-4), ("GPX4", 1.000, 5e-4), ("AOX", 1.000, 5e-4), ("LPO", 1.015, 5e-4),
        };
        Assert.Multiple(() =>
        {
            foreach (var (species, value, halfDigit) in expected)
            {
                Assert.That(rest[species], Is.EqualTo(value).Within(halfDigit), species);
            }

            Assert.That(survival, Is.EqualTo(0.997).Within(5e-4), "osteoblast.ant: 24-h spontaneous survival 0.997");
        });
    }

    [Test]
    public void Osteoclast_rests_at_the_documented_state()
    {
        // osteoclast.ant header: resting LPO ~2.0, LIP ~0.90 uM, HO1 ~0.67, 24-h spontaneous survival ~0.95.
        var (rest, survival) = RestingState("osteoclast");
        Assert.Multiple(() =>
        {
            Assert.That(rest["LPO"], Is.EqualTo(2.0).Within(0.05));
            Assert.That(rest["LIP"], Is.EqualTo(0.90).Within(0.005));
            Assert.That(rest["HO1"], Is.EqualTo(0.67).Within(0.005));
            Assert.That(survival, Is.EqualTo(0.95).Within(0.005));
        });
    }

    [Test]
    public void Osteocyte_c_JUN_arm_raises_resting_HO1_above_the_osteoblast()
    {
        // A_JUN > 0 adds A_JUN*pos(LPO - 1)/(K_JUN + pos(LPO - 1)) to HMOX1 transcription, and resting LPO exceeds 1.
        var (osteocyte, _) = RestingState("osteocyte");
        var (osteoblast, _) = RestingState("osteoblast");
        Assert.That(osteocyte["HO1"], Is.GreaterThan(osteoblast["HO1"] + 0.01));
    }

    private static ReactionNetwork CellNetwork(string cell) =>
        AntimonyReader.ApplyParameterSet(AntimonyReader.ReadFile(BaseModel), File.ReadAllText(RepositoryFiles.PathOf($"models/ferroptosis/v1/{cell}.ant")), $"{cell}.ant");

    /// <summary>Integrates 3000 h to the resting state, then resets S to 1 and integrates 24 h (README section 3).</summary>
    private static (Dictionary<string, double> Values, double Survival) RestingState(string cell)
    {
        var network = CellNetwork(cell);
        var model = ModelCompiler.Compile(network);
        var settings = new SimulationSettings { EndTime = 3000, OutputPoints = 2, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 };
        var run = Simulator.Simulate(model, settings);
        Assert.That(run.IsSuccess, Is.True, run.Message);
        var rest = network.Species.ToDictionary(s => s.Id, s => run[1, s.Id]);
        var day = Simulator.Simulate(model, settings with { EndTime = 24, InitialValues = rest.ToDictionary(p => p.Key, p => p.Key == "S" ? 1.0 : p.Value) });
        Assert.That(day.IsSuccess, Is.True, day.Message);
        return (rest, day[1, "S"]);
    }
}
