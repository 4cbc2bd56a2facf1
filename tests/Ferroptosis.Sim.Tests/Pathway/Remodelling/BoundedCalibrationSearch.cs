using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The calibration of the bounded remodelling model (models/bone-remodelling/README.md section 1.5): a random local search over
/// κ, ν, the mechanostat gain and the scenarios' bone-level effects that minimises the squared, width-scaled violations of the
/// contract's bone criteria (EB-36, EB-41 to EB-44), each bound tightened by a margin so that the adopted values do not sit on
/// a bound. At the adopted values the loss is 0 (every tightened target met); the search documents how they were found and lets
/// anyone explore from other starts. Explicit: <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter
/// Name=SearchBoundedCalibration --logger "console;verbosity=detailed"</c>; the environment variables
/// FERROSIM_BONE_SEARCH_ITERATIONS (default 0: evaluate the adopted values only) and FERROSIM_BONE_SEARCH_SEED (default 1)
/// control it; FERROSIM_BONE_SEARCH_GC_OSTEOBLASTS=1 adds the experiment of README section 0.8 item 5 (a free glucocorticoid
/// factor on osteoblast formation and the target that glucocorticoid osteoblasts never exceed 1.0 after month 3).
/// </summary>
[Explicit("A calibration tool, not a check; the behaviour tests assert the criteria.")]
public sealed class BoundedCalibrationSearch
{
    private static readonly string[] Names = ["kappa", "nu", "m", "aOC", "gcR", "gcL", "estR", "estL", "estF", "estS", "hgR", "hgLoad", "ioR", "ioF", "estTau", "estTauR", "ioTau", "ioTauR", "gcS", "gcF"];
    private static readonly double[] Low = [0.02, 0, 0.4, 0, 0.6, 0.5, 1, 0.6, 0.9, 0.05, 0.4, 1, 1, 0.85, 100, 1, 200, 1, 0.05, 0.6];
    private static readonly double[] High = [0.15, 0.8, 3, 1, 1.2, 1, 1.6, 1, 1, 1, 1, 1.08, 2, 1, 1500, 120, 4000, 120, 1, 1];

    private static bool GcOsteoblasts => Environment.GetEnvironmentVariable("FERROSIM_BONE_SEARCH_GC_OSTEOBLASTS") == "1";

    [Test]
    public void SearchBoundedCalibration()
    {
        int iterations = int.Parse(Environment.GetEnvironmentVariable("FERROSIM_BONE_SEARCH_ITERATIONS") ?? "0", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("FERROSIM_BONE_SEARCH_SEED") ?? "1", CultureInfo.InvariantCulture));
        double[] best = Adopted();
        var (bestLoss, text) = Evaluate(best);
        double adoptedLoss = bestLoss;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adopted values: loss {bestLoss:G4}"));
        for (int it = 0; it < iterations; it++)
        {
            var candidate = (double[])best.Clone();
            double scale = random.NextDouble() < 0.5 ? 0.05 : 0.2;
            for (int j = random.Next(1, 4); j > 0; j--)
            {
                int i = random.Next(GcOsteoblasts ? Names.Length : Names.Length - 1);
                candidate[i] = Math.Clamp(candidate[i] + ((High[i] - Low[i]) * scale * ((2 * random.NextDouble()) - 1)), Low[i], High[i]);
            }

            var (loss, candidateText) = Evaluate(candidate);
            if (loss < bestLoss)
            {
                (best, bestLoss, text) = (candidate, loss, candidateText);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{it}: loss {loss:G4}: {string.Join(", ", Names.Select((n, i) => $"{n} {best[i]:G4}"))}"));
            }
        }

        TestContext.Out.WriteLine(text);
        // README section 0.5 states the adopted values' residual (0.22 after rounding, no experiment option): it must still hold.
        Assert.That(GcOsteoblasts || adoptedLoss < 0.3, Is.True, $"the adopted values' loss is {adoptedLoss:G4}, above the residual the README states; recalibrate and update section 0.5");
    }

    private static double[] Adopted()
    {
        var o = RemodellingOptions.Default;
        var gc = BoneScenarioEffects.Of(DiseaseScenario.Glucocorticoid);
        var est = BoneScenarioEffects.Of(DiseaseScenario.EstrogenDeficiency);
        var hg = BoneScenarioEffects.Of(DiseaseScenario.HighGlucose);
        var io = BoneScenarioEffects.Of(DiseaseScenario.IronOverload);
        double m = BoneRemodellingModel.Bounded.Parameters.Single(p => p.Id == "m").Value;
        return [o.Kappa, o.FormationCoupling, m, o.EffectiveOsteoclastKappaFactor, gc.OsteoclastRecruitment, gc.OsteoclastRemoval, est.OsteoclastRecruitment, est.OsteoclastRemoval, est.OsteoblastFormation, est.Mechanosensitivity, hg.OsteoclastRecruitment, hg.MechanicalLoad, io.OsteoclastRecruitment, io.OsteoblastFormation, est.OnsetDays, est.RecruitmentOnsetDays, io.OnsetDays, io.RecruitmentOnsetDays, gc.Mechanosensitivity, gc.OsteoblastFormation];
    }

    private static (double Loss, string Text) Evaluate(double[] v)
    {
        var p = Names.Select((n, i) => (n, v[i])).ToDictionary(x => x.n, x => x.Item2);
        var o = BoundedContractRuns.Options with { Kappa = p["kappa"], FormationCoupling = p["nu"], MechanostatGain = p["m"], OsteoclastKappaFactor = p["aOC"] };
        var effects = new Dictionary<DiseaseScenario, BoneScenarioEffects>
        {
            [DiseaseScenario.Glucocorticoid] = BoneScenarioEffects.Of(DiseaseScenario.Glucocorticoid) with { OsteoclastRecruitment = p["gcR"], OsteoclastRemoval = p["gcL"], Mechanosensitivity = p["gcS"], OsteoblastFormation = p["gcF"] },
            [DiseaseScenario.EstrogenDeficiency] = BoneScenarioEffects.Of(DiseaseScenario.EstrogenDeficiency) with { OsteoclastRecruitment = p["estR"], OsteoclastRemoval = p["estL"], OsteoblastFormation = p["estF"], Mechanosensitivity = p["estS"], OnsetDays = p["estTau"], RecruitmentOnsetDays = p["estTauR"] },
            [DiseaseScenario.HighGlucose] = BoneScenarioEffects.Of(DiseaseScenario.HighGlucose) with { OsteoclastRecruitment = p["hgR"], MechanicalLoad = p["hgLoad"] },
            [DiseaseScenario.IronOverload] = BoneScenarioEffects.Of(DiseaseScenario.IronOverload) with { OsteoclastRecruitment = p["ioR"], OsteoblastFormation = p["ioF"], OnsetDays = p["ioTau"], RecruitmentOnsetDays = p["ioTauR"] },
        };
        RemodellingResult Run(DiseaseScenario s, double years, RemodellingOptions? options = null, IEnumerable<Perturbation>? drugs = null) =>
            BoundedContractRuns.Run(s, years, drugs, (options ?? o) with { Effects = effects[s] });
        var heavy = BoundedContractRuns.HeavyIron;
        RemodellingResult gc, est, hg, io, iom, withdrawn, chelated, ferrostatin, gcNoOc, estNoOc, iomNoOc, gcFer, estFer, ioFer;
        try
        {
            (gc, est, hg) = (Run(DiseaseScenario.Glucocorticoid, 5), Run(DiseaseScenario.EstrogenDeficiency, 10), Run(DiseaseScenario.HighGlucose, 5));
            (io, iom) = (Run(DiseaseScenario.IronOverload, 5, null, [heavy]), Run(DiseaseScenario.IronOverload, 5));
            withdrawn = Run(DiseaseScenario.Glucocorticoid, 1, o with { ScenarioEndDays = BoundedContractRuns.Days(6) });
            chelated = Run(DiseaseScenario.IronOverload, 1, null, [heavy, Perturbation.Deferoxamine(100)]);
            ferrostatin = Run(DiseaseScenario.IronOverload, 1, null, [heavy, Perturbation.Ferrostatin1(1)]);
            var noOc = o with { DeathRateMultipliers = new DeathRates(1, 0, 1) };
            (gcFer, estFer, ioFer) = (Run(DiseaseScenario.Glucocorticoid, 1, null, [Perturbation.Ferrostatin1(1)]), Run(DiseaseScenario.EstrogenDeficiency, 1, null, [Perturbation.Ferrostatin1(1)]), Run(DiseaseScenario.IronOverload, 1, null, [heavy, Perturbation.Ferrostatin1(1)]));
            (gcNoOc, estNoOc, iomNoOc) = (Run(DiseaseScenario.Glucocorticoid, 1, noOc), Run(DiseaseScenario.EstrogenDeficiency, 1, noOc), Run(DiseaseScenario.IronOverload, 1, noOc));
        }
        catch (InvalidOperationException ex)
        {
            return (double.PositiveInfinity, ex.Message);
        }

        double loss = 0;
        var text = new System.Text.StringBuilder();
        void Target(string name, double value, double lo, double hi, double width)
        {
            double miss = value < lo ? (lo - value) / width : value > hi ? (value - hi) / width : 0;
            loss += miss * miss;
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:F3}{(miss > 0 ? " (missed)" : "")} [{lo:G3}, {hi:G3}]\n"));
        }

        double l6 = gc.Loss(6), l12 = gc.Loss(12), later = (gc.Z(12) - gc.Z(60)) / 4;
        Target("GC z(6)", gc.Z(6), 91.5, 96.5, 1);
        Target("GC z(12)", gc.Z(12), 88.5, 95.5, 1);
        Target("GC loss 0-6 / year 1", l6 / l12, 0.6, 10, 0.1);
        Target("GC loss years 2-5", later, 0.6, 2.8, 0.3);
        Target("GC years 2-5 / annualised 0-6", later / (2 * l6), 0, 0.45, 0.1);
        double rate3 = gc.Z(3) - gc.Z(3.5), faster = Enumerable.Range(8, 113).Select(h => h / 2.0).Max(mo => (gc.Z(mo - 0.5) - gc.Z(mo)) - rate3);
        Target("GC faster loss after month 3", faster, -1, 1e-9, 0.01);
        foreach (int mo in new[] { 1, 2, 3 })
        {
            Target($"GC x1({mo})", gc.X1(mo), 0.95, 1.9, 0.1);
        }

        Target("GC x1(12)", gc.X1(12), 0.55, 100, 0.1);
        if (GcOsteoblasts)
        {
            Target("GC max x2 months 3-60", Enumerable.Range(3, 58).Max(mo => gc.X2(mo)), 0, 1.0, 0.05);
        }
        // EB-36: switching off osteoclast ferroptotic death changes x1 by at most 20 % (target 18 %) in GC, EST and IO.
        foreach (var (name, with, without) in new[] { ("GC", gc, gcNoOc), ("EST", est, estNoOc), ("IO", iom, iomNoOc) })
        {
            Target($"{name} x1 change without OC ferroptosis", new[] { 1, 3, 6, 12 }.Max(mo => Math.Abs((without.X1(mo) / with.X1(mo)) - 1)), 0, 0.18, 0.02);
        }

        // Shape (ours): a ferroptosis inhibitor costs no bone in the first year (GC, EST, heavy IO; at most 0.08 points at any month) [B8].
        foreach (var (name, untreated, treated) in new[] { ("GC", gc, gcFer), ("EST", est, estFer), ("IO heavy", io, ioFer) })
        {
            Target($"{name} largest bone cost of Fer-1, year 1", Enumerable.Range(1, 12).Max(mo => untreated.Z(mo) - treated.Z(mo)), -100, 0.08, 0.05);
        }

        Target("GC regained after withdrawal", (withdrawn.Z(12) - withdrawn.Z(6)) / withdrawn.Loss(6), 0.35, 10, 0.1);
        double first = est.Loss(36) / 3, mid = (est.Z(48) - est.Z(96)) / 4;
        Target("EST z(12)", est.Z(12), 96.3, 98.7, 1);
        Target("EST z(36)", est.Z(36), 91.5, 96.5, 1);
        Target("EST loss years 4-8", mid, 0.25, 100, 0.1);
        Target("EST years 4-8 / 0-3", mid / first, 0, 0.55, 0.1);
        Target("EST z(120)", est.Z(120), 85.5, 94.5, 1);
        Target("EST z(60) - z(120)", est.Z(60) - est.Z(120), 0.1, 100, 0.1);
        Target("EST min x1 months 1-12", Enumerable.Range(1, 12).Min(mo => est.X1(mo)), 1.3, 2.8, 0.1);
        Target("EST max x1 months 1-12", Enumerable.Range(1, 12).Max(mo => est.X1(mo)), 1.3, 2.8, 0.1);
        Target("HG z(60)", hg.Z(60), 96.5, 102, 1);
        Target("HG max x1", Enumerable.Range(1, 60).Max(mo => hg.X1(mo)), 0, 1.07, 0.05);
        Target("HG max x2", Enumerable.Range(1, 60).Max(mo => hg.X2(mo)), 0, 1.07, 0.05);
        Target("HG year 1 / GC year 1", hg.Loss(12) / l12, -10, 0.3, 0.05);
        Target("HG below GC", Enumerable.Range(1, 60).Max(mo => gc.Z(mo) - hg.Z(mo)), -100, 0, 0.1);
        Target("HG max loss per year", Enumerable.Range(1, 5).Max(y => hg.Z(12 * (y - 1)) - hg.Z(12 * y)), -10, 0.45, 0.1);
        Target("IO heavy z(12)", io.Z(12), 97.3, 99.3, 0.5);
        Target("IO heavy z(60)", io.Z(60), 88.5, 97.5, 1);
        Target("IO heavy rate year 5 / year 1", (io.Z(48) - io.Z(60)) / io.Loss(12), 0.55, 1.45, 0.1);
        Target("IO x1(6)", iom.X1(6), 1.13, 100, 0.05);
        Target("IO x1(12)", iom.X1(12), 1.13, 100, 0.05);
        Target("IO moderate - heavy z(60)", iom.Z(60) - io.Z(60), 0.1, 100, 0.2);
        Target("IO best of DFO / Fer-1 cut", Math.Max(1 - (chelated.Loss(12) / io.Loss(12)), 1 - (ferrostatin.Loss(12) / io.Loss(12))), 0.55, 100, 0.1);
        Target("GC - EST year 1", l12 - est.Loss(12), 0.1, 100, 0.5);
        Target("EST - HG year 1", est.Loss(12) - hg.Loss(12), 0.1, 100, 0.5);
        Target("GC - IO year 1", l12 - io.Loss(12), 0.1, 100, 0.5);
        Target("IO - HG year 1", io.Loss(12) - hg.Loss(12), 0.1, 100, 0.5);
        // Shape (stricter than the contract): estrogen and iron loss do not regain bone on the way (no dip-and-rebound).
        Target("EST largest regain", Enumerable.Range(1, 120).Max(mo => est.Z(mo) - Enumerable.Range(0, mo).Min(k => est.Z(k))), -100, 0.05, 0.05);
        Target("IO heavy largest regain", Enumerable.Range(1, 60).Max(mo => io.Z(mo) - Enumerable.Range(0, mo).Min(k => io.Z(k))), -100, 0.05, 0.05);
        Target("IO moderate largest regain", Enumerable.Range(1, 60).Max(mo => iom.Z(mo) - Enumerable.Range(0, mo).Min(k => iom.Z(k))), -100, 0.05, 0.05);
        Target("max z GC/EST/IO", new[] { (gc, 60), (est, 120), (io, 60) }.Max(r => Enumerable.Range(0, r.Item2 + 1).Max(mo => r.Item1.Z(mo))), 0, 100.4, 0.1);
        return (loss, text.ToString());
    }
}
