using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Numerical sanity of the pathway model over many protocols: concentrations stay non-negative, resting cells stay at rest, and Rodas5P, BDF and the automatic solver agree within what their tolerance promises.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class NumericalSanityTests
{
    /// <summary>Global-error allowance as a multiple of the relative tolerance; the largest ratio measured over the protocols below is 16 (BDF, RSL3 in osteoclasts).</summary>
    /// <remarks>
    /// The solvers control the local error per step; the global error of a dissipative system stays a modest multiple
    /// of it, but the autocatalytic lipid-peroxidation switch amplifies errors made before it fires. 50 leaves a factor 3
    /// over the worst case seen, and still detects a solver that ignores the tolerance (errors then grow by orders of magnitude).
    /// </remarks>
    private const double GlobalErrorFactor = 50;

    [Test]
    public void Every_species_is_produced_or_left_alone_when_it_is_empty()
    {
        // Quasi-positivity, the condition under which the exact solution stays non-negative: dXᵢ/dt ≥ 0 whenever Xᵢ = 0
        // and every other state is ≥ 0 (every loss term carries a pos(Xᵢ) factor). Checked at 300 random states with
        // random drug and cell-type parameter values.
        var model = Assay.Model.Compiled;
        var rest = Assay.Model.RestingState(new Dictionary<string, double>());
        string[] knobs = ["erastin", "rsl3", "ml162", "fer1", "lip1", "vitE", "dfo", "hemin", "znpp", "snpp", "sfn", "tbhq", "dmf", "mel", "ml385", "fac", "ros_x", "HO_OE", "c_NCOA4", "A_JUN", "c_FT", "c_GPX4", "c_XCT"];
        var random = new Random(5);
        var rates = new double[rest.Length];
        for (int draw = 0; draw < 300; draw++)
        {
            var instance = model.CreateInstance();
            foreach (string knob in knobs)
            {
                instance.SetParameter(knob, random.NextDouble() < 0.5 ? 0 : Math.Exp(4 * random.NextDouble()) - 1);
            }

            instance.ComputeInitialState();
            var y = rest.Select(v => v * Math.Exp(3 * ((2 * random.NextDouble()) - 1))).ToArray();
            for (int i = 0; i < y.Length; i++)
            {
                double kept = y[i];
                y[i] = 0;
                instance.Evaluate(0, y, rates);
                Assert.That(rates[i], Is.GreaterThanOrEqualTo(0), $"d{model.StateIds[i]}/dt at {model.StateIds[i]} = 0, draw {draw}");
                y[i] = kept;
            }
        }
    }

    [Test]
    public void All_concentrations_stay_non_negative_over_many_protocols()
    {
        // Every drug of the catalogue from 1 to 1000 µM, every scenario, every knock-down to zero and 10-fold
        // over-expression, and a combined insult, in every cell type, for 72 h; every state at every reported point.
        // The exact solution cannot leave the non-negative orthant (previous test); a computed value may cross zero by
        // no more than the error the solver is allowed, the absolute tolerance (a pool emptied by a knock-out ends at
        // ±1e-31 or so, i.e. at 0).
        var protocols = new List<(BoneCell Cell, Perturbation[] Perturbations, DiseaseScenario? Scenario)>();
        foreach (var cell in BoneCell.All)
        {
            foreach (string drug in DrugNames)
            {
                protocols.AddRange(new[] { 1.0, 10, 100, 1000 }.Select(dose => (cell, new[] { Drug(drug, dose) }, (DiseaseScenario?)null)));
            }

            protocols.AddRange(DiseaseScenario.All.Select(s => (cell, Array.Empty<Perturbation>(), (DiseaseScenario?)s)));
            foreach (var gene in Enum.GetValues<Gene>())
            {
                if (!HasNoRestingState(cell, gene))
                {
                    protocols.Add((cell, [Knockdown(gene, 0), Erastin(5)], null));
                }

                protocols.Add((cell, [Overexpression(gene, gene == Gene.Ncoa4 && cell == BoneCell.Osteocyte ? 2 : 10), Rsl3(0.1)], null));
            }

            protocols.Add((cell, [Erastin(20), Rsl3(1), Hemin(50), FerricAmmoniumCitrate(400), HemeOxygenaseInduction(50), OxidativeStress(2)], DiseaseScenario.SteroidOsteonecrosis));
            protocols.Add((cell, [Deferoxamine(1000), ZincProtoporphyrin(100), Ferrostatin1(100), Sulforaphane(100)], DiseaseScenario.IronOverload));
        }

        var states = Assay.Model.Compiled.StateIds;
        var options = CellSimulationOptions.Default;
        var smallest = Assay.Map(protocols, p =>
        {
            var run = Assay.Run(p.Cell, 72, p.Perturbations, options with { Scenario = p.Scenario });
            return states.Select(id => (Id: id, Min: run.Quantity(id).Min(), Run: run.ToString())).MinBy(x => x.Min);
        });
        var worst = smallest.MinBy(x => x.Min);
        Assay.Report($"{protocols.Count} protocols; smallest value {worst.Min:G4} ({worst.Id} in {worst.Run})");

        Assert.That(worst.Min, Is.GreaterThanOrEqualTo(-options.AbsoluteTolerance), $"{worst.Id} in {worst.Run}");
    }

    [Test]
    public void Resting_cells_with_genetic_changes_stay_at_rest()
    {
        // The resting state is computed for every genetic background (a knock-down or over-expression is part of the
        // cell, spec §12); 1000 h more without drug must change no biochemical state by more than 1e-6 (EB-25's criterion).
        // The osteocyte with FTH1 halved has no resting state (see the next test); it is left out here.
        var cases = BoneCell.All
            .SelectMany(c => Enum.GetValues<Gene>().SelectMany(g => HasNoRestingState(c, g) ? [Overexpression(g, 2)] : new[] { Knockdown(g, 0.5), Overexpression(g, 2) }).Select(b => (Cell: c, Background: b)))
            .ToArray();
        var drift = Assay.Map(cases, c =>
        {
            var run = Assay.Run(c.Cell, 1000, c.Background);
            return Assay.Model.Compiled.StateIds.Where(id => id != "S")
                .Max(id => Math.Abs(run.ValueAtHours(id, 1000) - run.RestingValue(id)) / Math.Abs(run.RestingValue(id)));
        });
        Assay.Report($"largest drift over 1000 h: {drift.Max():E2}");

        for (int i = 0; i < cases.Length; i++)
        {
            Assert.That(drift[i], Is.LessThanOrEqualTo(1e-6), $"{cases[i].Cell} with {cases[i].Background}");
        }
    }

    [Test]
    public void An_osteocyte_without_enough_ferritin_oscillates_and_the_API_says_it_has_no_resting_state()
    {
        // With FTH1 at ≤ 55 % (or NCOA4 gain ≥ 4), the osteocyte's LPO → c-JUN → HO-1 → heme iron → LPO loop (A_JUN = 8)
        // is no longer damped by ferritin: the drug-free cell settles on a slow limit cycle (period ≈ 150 h, LPO ±1 %,
        // HO-1 ±4 %) instead of a steady state. The specification's protocol needs a resting state, so the run is refused
        // with a message that names the rate that stays non-zero; the osteoblast and the osteoclast are unaffected.
        var error = Assert.Throws<InvalidOperationException>(() => FerroptosisSimulation.Run(BoneCell.Osteocyte, [Knockdown(Gene.Fth1, 0.5)], TimeSpan.FromHours(24), Assay.Options()));
        Assert.That(error!.Message, Does.Contain("does not come to rest").And.Contain("c_FT = 0.5").And.Contain("oscillation"));
        Assert.That(Assay.Run(BoneCell.Osteoblast, 24, Knockdown(Gene.Fth1, 0.5)).SurvivalAtHours(24), Is.GreaterThan(0.99));
    }

    [TestCaseSource(nameof(Protocols))]
    public void Rodas5P_BDF_and_Auto_agree_within_their_tolerance(string name, BoneCell cell, Perturbation[] perturbations, DiseaseScenario? scenario)
    {
        // Reference: Rodas5P at rtol 1e-12. Each solver at rtol 1e-6, 1e-7 (the default) and 1e-8, atol = rtol/100, must
        // stay within GlobalErrorFactor·rtol of it on every state at every reported point (mixed: relative above 1,
        // absolute below), and therefore on survival, and its t50 within 1e-3 h.
        var options = new CellSimulationOptions { Scenario = scenario };
        var reference = Assay.Run(cell, 48, perturbations, options with { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 });
        var runs = Assay.Map(
            [.. new[] { OdeSolvers.Rodas5P, OdeSolvers.Bdf, OdeSolvers.Auto }.SelectMany(s => new[] { 1e-6, 1e-7, 1e-8 }.Select(r => (Solver: s, Rtol: r)))],
            x => (x.Solver, x.Rtol, Run: Assay.Run(cell, 48, perturbations, options with { Solver = x.Solver, RelativeTolerance = x.Rtol, AbsoluteTolerance = x.Rtol / 100 })));

        Assert.Multiple(() =>
        {
            foreach (var (solver, rtol, run) in runs)
            {
                double error = Assay.Model.Compiled.StateIds.Max(id =>
                    run.Quantity(id).Zip(reference.Quantity(id), (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(b))).Max());
                Assay.Report($"{name}, {solver.Name}, rtol {rtol:G1}: error {error / rtol:F1}·rtol");
                Assert.That(error, Is.LessThanOrEqualTo(GlobalErrorFactor * rtol), $"{solver.Name} at rtol {rtol}");
                if (reference.TimeTo50PercentDeathHours is double t50)
                {
                    Assert.That(run.TimeTo50PercentDeathHours, Is.EqualTo(t50).Within(1e-3), $"{solver.Name} at rtol {rtol}: t50");
                }
            }
        });
    }

    /// <summary>The osteocyte with an FTH1 knock-down to 50 % or less oscillates (previous test).</summary>
    private static bool HasNoRestingState(BoneCell cell, Gene knockedDown) => cell == BoneCell.Osteocyte && knockedDown == Gene.Fth1;

    private static IEnumerable<TestCaseData> Protocols()
    {
        (string Name, BoneCell Cell, Perturbation[] Perturbations, DiseaseScenario? Scenario)[] protocols =
        [
            ("OB at rest", BoneCell.Osteoblast, [], null),
            ("OB erastin 10", BoneCell.Osteoblast, [Erastin(10)], null),
            ("OC RSL3 1", BoneCell.Osteoclast, [Rsl3(1)], null),
            ("OCY high glucose", BoneCell.Osteocyte, [], DiseaseScenario.HighGlucose),
            ("OB FAC 200", BoneCell.Osteoblast, [FerricAmmoniumCitrate(200)], null),
            ("OB hemin 50", BoneCell.Osteoblast, [Hemin(50)], null),
            ("OB HO_OE 20 from -12 h, ros_x 1.65", BoneCell.Osteoblast, [HemeOxygenaseInduction(20).Before(TimeSpan.FromHours(12)), OxidativeStress(1.65)], null),
        ];
        return protocols.Select(p => new TestCaseData(p.Name, p.Cell, p.Perturbations, p.Scenario).SetArgDisplayNames(p.Name));
    }
}
