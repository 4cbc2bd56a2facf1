using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using static Ferroptosis.Sim.Tests.Pathway.Remodelling.BoundedContractRuns;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// Prints the measured value of every bone criterion of the model-v2 contract (EB-36, EB-40 to EB-44) on the bounded model, the
/// numbers of models/bone-remodelling/README.md section 3.5. Explicit: run it with
/// <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=PrintBoundedContractReport --logger "console;verbosity=detailed"</c>.
/// The behaviour tests (<see cref="BoundedDiseaseCourseTests"/>, <see cref="BoundedBoneMassTests"/>) assert the criteria.
/// </summary>
[Explicit("Prints the README's table; the behaviour tests assert the criteria.")]
public sealed class BoundedContractReport
{
    [Test]
    public void PrintBoundedContractReport()
    {
        var c = CultureInfo.InvariantCulture;
        var r = Get;
        var (gc, est, hg, io, iom) = (r.Glucocorticoid, r.Estrogen, r.HighGlucose, r.IronHeavy, r.IronModerate);
        void Row(string eb, string criterion, double value, string bounds) => TestContext.Out.WriteLine(string.Create(c, $"| {eb} | {criterion} | {value:F3} | {bounds} |"));
        TestContext.Out.WriteLine("| EB | criterion | measured | contract |");
        TestContext.Out.WriteLine("|---|---|---|---|");
        Row("EB-41", "GC z(6 mo)", gc.Z(6), "91–97");
        Row("EB-41", "GC z(12 mo)", gc.Z(12), "88–96");
        Row("EB-41", "GC loss months 0–6 / year-1 loss", gc.Loss(6) / gc.Loss(12), "≥ 0.55");
        Row("EB-41", "GC mean loss years 2–5 (points/yr)", (gc.Z(12) - gc.Z(60)) / 4, "0.5–3 and ≤ 0.5 × months 0–6 annualised");
        Row("EB-41", "GC annualised loss months 0–6 (points/yr)", 2 * gc.Loss(6), "(reference)");
        Row("EB-41", "GC withdrawn at 6 mo: share of the loss regained by 12 mo (SHOULD)", (r.GlucocorticoidWithdrawn.Z(12) - r.GlucocorticoidWithdrawn.Z(6)) / r.GlucocorticoidWithdrawn.Loss(6), "≥ 0.30");
        Row("EB-42", "EST z(1 y)", est.Z(12), "96–99");
        Row("EB-42", "EST z(3 y)", est.Z(36), "91–97");
        Row("EB-42", "EST mean loss years 4–8 (points/yr)", (est.Z(48) - est.Z(96)) / 4, "≥ 0.2 and ≤ 0.6 × years 0–3");
        Row("EB-42", "EST mean loss years 0–3 (points/yr)", est.Loss(36) / 3, "(reference)");
        Row("EB-42", "EST z(5 y)", est.Z(60), "(> z(10 y))");
        Row("EB-42", "EST z(10 y)", est.Z(120), "85–95");
        Row("EB-43", "HG z(5 y)", hg.Z(60), "96–103");
        Row("EB-43", "HG max x1 (months 1–60)", Enumerable.Range(1, 60).Max(m => hg.X1(m)), "≤ 1.1");
        Row("EB-43", "HG max x2 (months 1–60)", Enumerable.Range(1, 60).Max(m => hg.X2(m)), "≤ 1.1");
        Row("EB-43", "HG year-1 loss / GC year-1 loss", hg.Loss(12) / gc.Loss(12), "≤ 0.33");
        Row("EB-43", "min over months of z_HG − z_GC", Enumerable.Range(1, 60).Min(m => hg.Z(m) - gc.Z(m)), "≥ 0");
        Row("EB-44", "IO heavy z(1 y)", io.Z(12), "97–99.5");
        Row("EB-44", "IO heavy z(5 y)", io.Z(60), "88–98");
        Row("EB-44", "IO moderate z(5 y)", iom.Z(60), "> heavy");
        Row("EB-44", "IO heavy year-5 / year-1 loss rate", (io.Z(48) - io.Z(60)) / io.Loss(12), "0.5–1.5");
        Row("EB-44", "IO heavy + DFO 100 µM: 1-year loss / untreated", r.IronHeavyChelated.Loss(12) / io.Loss(12), "≤ 0.5 (this or Fer-1)");
        Row("EB-44", "IO heavy + Fer-1 1 µM: 1-year loss / untreated", r.IronHeavyFerrostatin.Loss(12) / io.Loss(12), "≤ 0.5 (this or DFO)");
        Row("EB-44", "year-1 loss GC", gc.Loss(12), "GC > EST > HG; GC > IO > HG");
        Row("EB-44", "year-1 loss EST", est.Loss(12), "(SHOULD EST ≥ IO)");
        Row("EB-44", "year-1 loss IO heavy", io.Loss(12), "");
        Row("EB-44", "year-1 loss HG", hg.Loss(12), "");
        foreach (int m in new[] { 1, 3, 6, 12 })
        {
            Row("EB-36", $"x1 at month {m}: EST / IO / GC / HG", est.X1(m), string.Create(c, $"EST 1.2–3; IO {iom.X1(m):F3} (≥ 1.1 at 6–12); GC {gc.X1(m):F3} (0.9–2 at 1–3, ≥ 0.5 at 12); HG {hg.X1(m):F3} (0.6–1.1)"));
        }

        foreach (var scenario in new[] { DiseaseScenario.Glucocorticoid, DiseaseScenario.EstrogenDeficiency, DiseaseScenario.IronOverload })
        {
            var with = Run(scenario, 1);
            var without = Run(scenario, 1, options: Options with { DeathRateMultipliers = new DeathRates(1, 0, 1) });
            Row("EB-36", $"{scenario.Name}: max over months 1–12 of |x1 without OC ferroptosis / with − 1|", Enumerable.Range(1, 12).Max(m => Math.Abs((without.X1(m) / with.X1(m)) - 1)), "≤ 0.2");
        }

        var fer = Run(DiseaseScenario.EstrogenDeficiency, 1, [Perturbation.Ferrostatin1(1)]);
        Row("EB-36", "EST + Fer-1 1 µM: x1(12 mo) / EST x1(12 mo) (SHOULD)", fer.X1(12) / est.X1(12), "≤ 0.9");
        Row("check", "EST loss years 0–2 (points/yr; Sowers10 ≈ 3.3 %/yr after the final menses)", est.Loss(24) / 2, "not a criterion, not tuned");
        Row("check", "EST loss years 2–7 (points/yr; Sowers10 ≈ 1.1 %/yr)", (est.Z(24) - est.Z(84)) / 5, "not a criterion, not tuned");
        Row("check", "GC z(20 wk) (Laan93: trabecular spine −8.2 % in 20 weeks)", gc.BoneMassAtDays(140), "not a criterion, not tuned");

        TestContext.Out.WriteLine();
        TestContext.Out.WriteLine("| scenario | δOB / δOC / δOCY (1/d) | N_OC ratio (cell model) | osteoclast recruitment factor f_R |");
        TestContext.Out.WriteLine("|---|---|---|---|");
        foreach (var (name, run) in new[] { ("glucocorticoid", gc), ("estrogen deficiency", est), ("high glucose", hg), ("iron overload, moderate (×1.5)", iom), ("iron overload, heavy (×2)", io) })
        {
            var d = run.DeathRates;
            double own = BoneScenarioEffects.Of(run.Scenario).OsteoclastRecruitment;
            double ratio = Math.Pow(run.OsteoclastRecruitment / own, 1 / Options.FormationCoupling);
            TestContext.Out.WriteLine(string.Create(c, $"| {name} | {d.Osteoblast:E2} / {d.Osteoclast:E2} / {d.Osteocyte:E2} | {ratio:F3} | {run.OsteoclastRecruitment:F3} |"));
        }
    }
}
