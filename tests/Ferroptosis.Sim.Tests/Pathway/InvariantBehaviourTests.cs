using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Expected behaviours, section F (numerical and structural sanity): EB-25, EB-27.</summary>
/// <remarks>Each test quotes the pass criterion of <c>expected-behaviours.md</c> (model v1, run through <see cref="Assay.Model"/>) and asserts it as written.</remarks>
[Parallelizable(ParallelScope.All)]
public sealed class InvariantBehaviourTests
{
    /// <summary>The normalisation constants of spec §6.2 (initial assignments of ferroptosis.ant).</summary>
    private static readonly string[] NormalisationConstants = ["f1", "g0", "u0", "d0", "s0", "Vg", "C0", "T0"];

    /// <summary>Spec §9, reference osteoblast steady state of the prototype.</summary>
    private static readonly (string Species, double Value)[] SpecRest =
    [
        ("NRF2", 1.000), ("mHO1", 1.000), ("HO1", 1.000), ("HEME", 0.1000), ("HB", 28.0), ("BR", 0.309), ("LIP", 0.8015), ("FT", 1.002),
        ("FTFE", 11.57), ("TFR1", 0.998), ("XCT", 1.000), ("GSH", 3.000), ("GPX4", 1.000), ("AOX", 1.000), ("LPO", 1.015),
    ];

    [TestCaseSource(typeof(BoneCell), nameof(BoneCell.All))]
    public void EB25_Resting_states_are_stable_and_viable(BoneCell cell)
    {
        // EB-25 (MUST). Pass: for OB, OC, OCY the drug-free steady state is reached from the reference initial vector; a
        // further 1000 h without drug changes no state by > 1e-6 (relative); S(24 h) ≥ 0.95 for OB and OCY, ≥ 0.85 for
        // OC; all states non-negative; OB resting values match spec §9 within 1 %.
        // The surviving fraction S is the one state that is not at rest by construction (dS/dt = −h·S with h > 0 at
        // rest): it is excluded from the drift check and checked by the S(24) clause.
        var model = Assay.Model.Compiled;
        var rest = Assay.Model.RestingState(new Dictionary<string, double>(Assay.ParametersOf(cell)));
        var instance = model.CreateInstance();
        foreach (var (id, value) in Assay.ParametersOf(cell))
        {
            instance.SetParameter(id, value);
        }

        instance.ComputeInitialState();
        var rates = new double[rest.Length];
        instance.Evaluate(0, rest, rates);
        double largestRate = rates.Where((_, k) => model.StateIds[k] != "S").Max(Math.Abs);
        var later = Assay.Run(cell, 1000);
        double drift = 0;
        foreach (string id in model.StateIds.Where(id => id != "S"))
        {
            double at0 = rest[model.IndexOfState(id)];
            drift = Math.Max(drift, Math.Abs(later.ValueAtHours(id, 1000) - at0) / Math.Abs(at0));
        }

        double survival = later.SurvivalAtHours(24);
        Assay.Report($"EB-25 {cell}: |dy/dt| at rest ≤ {largestRate:E1}; drift over 1000 h {drift:E2}; S(24) {survival:F4}; smallest state {rest.Min():G4}");

        Assert.Multiple(() =>
        {
            Assert.That(largestRate, Is.LessThan(1e-9), "steady state reached: every |dy/dt| < 1e-9 (spec §9)");
            Assert.That(drift, Is.LessThanOrEqualTo(1e-6), "largest relative change of a state over 1000 h");
            Assert.That(survival, Is.GreaterThanOrEqualTo(cell == BoneCell.Osteoclast ? 0.85 : 0.95), "spontaneous S(24)");
            Assert.That(rest, Has.All.GreaterThanOrEqualTo(0), "resting states non-negative");
            if (cell == BoneCell.Osteoblast)
            {
                foreach (var (species, value) in SpecRest)
                {
                    Assert.That(rest[model.IndexOfState(species)], Is.EqualTo(value).Within(1).Percent, $"OB resting {species} vs spec §9");
                }
            }
        });
    }

    [Test]
    public void EB27_Changing_cell_type_never_changes_the_normalisation_constants()
    {
        // EB-27 (MUST), first clause: changing cell type never changes the normalisation constants of spec §6.2.
        // Checked for every cell type, alone and under every disease scenario (spec §3: "not recomputed for other cell
        // types or scenarios"), as evaluated by the model at the start of a run.
        var model = Assay.Model.Compiled;
        var reference = Constants(new Dictionary<string, double>());
        var variants = BoneCell.All.SelectMany(cell => DiseaseScenario.All.Select(s => (cell, (DiseaseScenario?)s)).Prepend((cell, null)));
        Assert.Multiple(() =>
        {
            Assert.That(reference["f1"], Is.EqualTo(0.1).Within(1e-12), "f1 = Hill(1; 3, 2)");
            Assert.That(reference["u0"], Is.EqualTo(0.5).Within(1e-12), "u0 = Hill(0.8; 0.8, 2)");
            foreach (var (cell, scenario) in variants)
            {
                var values = new Dictionary<string, double>(Assay.ParametersOf(cell));
                ExposureOf(values, scenario);
                Assert.That(Constants(values), Is.EqualTo(reference), $"{cell} {scenario}");
            }
        });

        Dictionary<string, double> Constants(Dictionary<string, double> parameters)
        {
            var run = Simulator.Simulate(model, new SimulationSettings { EndTime = 1, OutputPoints = 2, Parameters = parameters, Outputs = NormalisationConstants });
            return NormalisationConstants.ToDictionary(id => id, id => run[0, id]);
        }
    }

    [Test]
    public void EB27_A_drug_at_zero_gives_results_identical_to_the_drug_free_run()
    {
        // EB-27 (MUST), second clause: a drug at 0 µM gives results identical to the drug-free run. Every drug of the
        // catalogue, every cell type; identical = every reported number equal.
        foreach (var cell in BoneCell.All)
        {
            var free = Assay.Run(cell, 24);
            var runs = Assay.Map(DrugNames, name => Assay.Run(cell, 24, Drug(name, 0)));
            for (int d = 0; d < runs.Length; d++)
            {
                foreach (string q in free.Quantities)
                {
                    Assert.That(runs[d].Quantity(q), Is.EqualTo(free.Quantity(q)), $"{cell}, {DrugNames[d]} 0 µM, {q}");
                }
            }
        }
    }

    [Test]
    public void EB27_Doubling_the_step_limit_changes_survival_by_less_than_0_02()
    {
        // EB-27 (MUST), third clause: doubling the time step limit (0.25 → 0.5 h) changes S(24) in the EB-1, EB-2, EB-3
        // and EB-5 protocols by < 0.02. Every insult and rescue of those protocols, in the osteoblast.
        Perturbation[][] protocols =
        [
            [Rsl3(0.01)], [Rsl3(0.02)], [Rsl3(0.05)], [Rsl3(0.1)], [Rsl3(0.2)], [Rsl3(0.5)], [Rsl3(1)], [Ml162(1)],
            [Rsl3(0.1), Ferrostatin1(0.018)], [Rsl3(0.1), Ferrostatin1(1)], [Erastin(10), Ferrostatin1(0.016)], [Erastin(10), Ferrostatin1(1)],
            [Rsl3(0.1), Liproxstatin1(0.006)], [Rsl3(0.1), Liproxstatin1(0.1)], [Rsl3(1), Ferrostatin1(0.3)], [Rsl3(0.1), VitaminE(50)],
            [Erastin(1)], [Erastin(2)], [Erastin(5)], [Erastin(7)], [Erastin(10)], [Erastin(20)],
            [FerricAmmoniumCitrate(100)], [FerricAmmoniumCitrate(200)], [FerricAmmoniumCitrate(400)],
            [FerricAmmoniumCitrate(200), Deferoxamine(100)], [FerricAmmoniumCitrate(200), Ferrostatin1(1)],
        ];
        var coarse = new CellSimulationOptions { MaxStepHours = 0.5 };
        var changes = Assay.Map(protocols, p => Math.Abs(Assay.Survival(BoneCell.Osteoblast, 24, p) - Assay.Survival(BoneCell.Osteoblast, 24, p, coarse)));
        Assay.Report($"EB-27: largest change of S(24) with the step limit 0.5 h: {changes.Max():E2}");

        Assert.That(changes, Has.All.LessThan(0.02));
    }

    private static void ExposureOf(Dictionary<string, double> values, DiseaseScenario? scenario)
    {
        foreach (var change in scenario?.InVitro ?? [])
        {
            double current = values.TryGetValue(change.Parameter, out double v) ? v : Assay.Model.Compiled.DefaultParameters[Assay.Model.Compiled.IndexOfParameter(change.Parameter)];
            values[change.Parameter] = change.Apply(current);
        }
    }
}
