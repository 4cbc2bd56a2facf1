using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Expected behaviours, section A (core ferroptosis pharmacology): EB-1, EB-2, EB-3, EB-5, EB-6, EB-7, osteoblast (reference cell).</summary>
/// <remarks>Each test quotes the pass criterion of <c>expected-behaviours.md</c> (model v1, run through <see cref="Assay.Model"/>) and asserts it as written; the basis keys refer to <c>models/ferroptosis/v1/README.md</c>.</remarks>
[Parallelizable(ParallelScope.All)]
public sealed class CorePharmacologyBehaviourTests
{
    private static readonly BoneCell OB = BoneCell.Osteoblast;

    /// <summary>G0, the resting GSH of the reference osteoblast (spec §8.5), the denominator of GSH/G0.</summary>
    private const double G0 = 3.0;

    [Test]
    public void EB01_GPX4_inhibition_is_lethal_fast_and_does_not_need_GSH_depletion()
    {
        // EB-1 (MUST). Protocol: OB at rest; RSL3 0.01–1 µM for 24 h.
        // Pass: S(24) decreases monotonically with RSL3; RSL3 IC50(24 h) in 20–300 nM; RSL3 1 µM gives t50 between
        // 4 and 10 h; GPX4 < 0.5 within 3 h at 1 µM; GSH at 8 h ≥ 0.9·G0 (not depleted). ML162 1 µM also gives S(24) < 0.1.
        // Basis: RSL3 binds and inactivates GPX4, the essential ferroptosis guard; RSL3 does not deplete GSH, unlike erastin [F2][F3].
        double[] doses = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];
        var survival = Assay.S24Series(OB, d => Rsl3(d), doses);
        double ic50 = Assay.Ic50("OB rsl3", OB, d => Rsl3(d), 0.001, 10);
        var strong = Assay.Run(OB, 24, Rsl3(1));
        double ml162 = Assay.S24(OB, Ml162(1));
        Assay.Report($"EB-1: S(24) {Assay.Show(survival)}; IC50 {ic50 * 1000:F1} nM; t50 {strong.TimeTo50PercentDeathHours:F2} h; GPX4 < 0.5 at {strong.FirstTimeBelowHours("GPX4", 0.5):F2} h; GSH(8 h) {strong.ValueAtHours("GSH", 8):F2} mM; ML162 S(24) {ml162:F4}");

        Assert.Multiple(() =>
        {
            Assay.AssertStrictlyDecreasing(survival, "S(24) over RSL3 0.01–1 µM");
            Assert.That(ic50 * 1000, Is.InRange(20, 300), "RSL3 IC50 (nM)");
            Assert.That(strong.TimeTo50PercentDeathHours, Is.InRange(4.0, 10.0), "t50 at RSL3 1 µM (h)");
            Assert.That(strong.FirstTimeBelowHours("GPX4", 0.5), Is.Not.Null.And.LessThanOrEqualTo(3.0), "GPX4 < 0.5 within 3 h");
            Assert.That(strong.ValueAtHours("GSH", 8), Is.GreaterThanOrEqualTo(0.9 * G0), "GSH at 8 h (mM)");
            Assert.That(ml162, Is.LessThan(0.1), "ML162 1 µM, S(24)");
        });
    }

    [Test]
    public void EB02_Radical_trapping_antioxidants_rescue_both_classes_of_inducer()
    {
        // EB-2 (MUST). Protocol: OB; RSL3 0.1 µM or erastin 10 µM, ± ferrostatin-1 (0.01–1 µM) or liproxstatin-1
        // (0.005–0.1 µM) added at t = 0; 24 h.
        // Pass: Fer-1 1 µM restores S(24) ≥ 0.95 for both insults; Lip-1 0.1 µM restores S(24) ≥ 0.95 for RSL3 0.1 µM;
        // Fer-1 EC50 vs erastin 10 µM within 5–200 nM; Lip-1 EC50 vs RSL3 0.1 µM within 2–100 nM; rescue EC50 increases
        // with insult strength (Fer-1 EC50 vs RSL3 1 µM > vs RSL3 0.1 µM). Vitamin E 50 µM rescues RSL3 0.1 µM (S ≥ 0.9).
        // Basis: Fer-1 blocks erastin death with EC50 ≈ 60 nM [F1]; Lip-1 ≈ 22 nM [F3]; both are radical-trapping antioxidants in membranes [F5].
        var fer1VsErastin = Assay.Ec50("OB fer1 vs erastin 10", OB, d => Ferrostatin1(d), 1e-4, 10, Erastin(10));
        var fer1VsRsl3Low = Assay.Ec50("OB fer1 vs rsl3 0.1", OB, d => Ferrostatin1(d), 1e-4, 10, Rsl3(0.1));
        var fer1VsRsl3High = Assay.Ec50("OB fer1 vs rsl3 1", OB, d => Ferrostatin1(d), 1e-4, 10, Rsl3(1));
        var lip1VsRsl3 = Assay.Ec50("OB lip1 vs rsl3 0.1", OB, d => Liproxstatin1(d), 1e-5, 1, Rsl3(0.1));
        Assay.Report($"EB-2: Fer-1 EC50 {fer1VsErastin * 1000:F1} nM (erastin 10), {fer1VsRsl3Low * 1000:F1} nM (RSL3 0.1), {fer1VsRsl3High * 1000:F0} nM (RSL3 1); Lip-1 EC50 {lip1VsRsl3 * 1000:F2} nM; S(24) RSL3+Fer-1 {Assay.S24(OB, Rsl3(0.1), Ferrostatin1(1)):F4}, erastin+Fer-1 {Assay.S24(OB, Erastin(10), Ferrostatin1(1)):F4}, RSL3+Lip-1 {Assay.S24(OB, Rsl3(0.1), Liproxstatin1(0.1)):F4}, RSL3+vitE {Assay.S24(OB, Rsl3(0.1), VitaminE(50)):F4}");

        Assert.Multiple(() =>
        {
            Assert.That(Assay.S24(OB, Rsl3(0.1), Ferrostatin1(1)), Is.GreaterThanOrEqualTo(0.95), "RSL3 0.1 + Fer-1 1");
            Assert.That(Assay.S24(OB, Erastin(10), Ferrostatin1(1)), Is.GreaterThanOrEqualTo(0.95), "erastin 10 + Fer-1 1");
            Assert.That(Assay.S24(OB, Rsl3(0.1), Liproxstatin1(0.1)), Is.GreaterThanOrEqualTo(0.95), "RSL3 0.1 + Lip-1 0.1");
            Assert.That(fer1VsErastin * 1000, Is.InRange(5, 200), "Fer-1 EC50 vs erastin 10 µM (nM)");
            Assert.That(lip1VsRsl3 * 1000, Is.InRange(2, 100), "Lip-1 EC50 vs RSL3 0.1 µM (nM)");
            Assert.That(fer1VsRsl3High, Is.GreaterThan(fer1VsRsl3Low), "Fer-1 EC50 vs RSL3 1 µM > vs RSL3 0.1 µM");
            Assert.That(Assay.S24(OB, Rsl3(0.1), VitaminE(50)), Is.GreaterThanOrEqualTo(0.9), "RSL3 0.1 + vitamin E 50");
        });
    }

    [Test]
    public void EB03_System_xc_inhibition_kills_through_GSH_depletion_slower_than_GPX4_inhibition()
    {
        // EB-3 (MUST). Protocol: OB; erastin 1–20 µM, 24–48 h.
        // Pass: erastin IC50(24 h) within 2–15 µM; at 10 µM GSH/G0 < 0.6 by 4 h and < 0.45 by 8 h; S(24) at 10 µM < 0.4;
        // t50(erastin 10) > t50(RSL3 1) + 4 h; LPO rises above 2× rest before S falls below 0.9.
        // Basis: erastin inhibits cystine import and depletes GSH, inactivating GPX4 [F1][F2][F4].
        double ic50 = Assay.Ic50("OB erastin", OB, d => Erastin(d), 0.1, 100);
        var erastin = Assay.Run(OB, 48, Erastin(10));
        var rsl3 = Assay.Run(OB, 24, Rsl3(1));
        double lpoDoubled = Assay.Defined(erastin.FirstTimeAboveHours("LPO", 2 * erastin.RestingValue("LPO")), "LPO > 2× rest");
        double dying = Assay.Defined(erastin.FirstTimeBelowHours("S", 0.9), "S < 0.9");
        double t50Erastin = Assay.Defined(erastin.TimeTo50PercentDeathHours, "t50, erastin 10");
        double t50Rsl3 = Assay.Defined(rsl3.TimeTo50PercentDeathHours, "t50, RSL3 1");
        Assay.Report($"EB-3: IC50 {ic50:F2} µM; GSH/G0 {erastin.ValueAtHours("GSH", 4) / G0:F3} (4 h), {erastin.ValueAtHours("GSH", 8) / G0:F3} (8 h); S(24) {erastin.SurvivalAtHours(24):F3}; t50 {t50Erastin:F2} vs {t50Rsl3:F2} h; LPO > 2× at {lpoDoubled:F2} h, S < 0.9 at {dying:F2} h");

        Assert.Multiple(() =>
        {
            Assert.That(ic50, Is.InRange(2.0, 15.0), "erastin IC50 (µM)");
            Assert.That(erastin.ValueAtHours("GSH", 4) / G0, Is.LessThan(0.6), "GSH/G0 at 4 h");
            Assert.That(erastin.ValueAtHours("GSH", 8) / G0, Is.LessThan(0.45), "GSH/G0 at 8 h");
            Assert.That(erastin.SurvivalAtHours(24), Is.LessThan(0.4), "S(24) at erastin 10 µM");
            Assert.That(t50Erastin, Is.GreaterThan(t50Rsl3 + 4), "t50 erastin 10 vs RSL3 1 + 4 h");
            Assert.That(lpoDoubled, Is.LessThan(dying), "LPO > 2× rest before S < 0.9");
        });
    }

    [Test]
    public void EB05_Iron_overload_induces_dose_dependent_ferroptosis_that_chelation_or_RTAs_prevent()
    {
        // EB-5 (MUST, one SHOULD clause). Protocol: OB; FAC 100, 200, 400 µM for 48 h; ± DFO 100 µM or Fer-1 1 µM.
        // Pass: LIP at 24 h rises with dose (≥ 1.15× at 100 µM, ≥ 1.3× at 200 µM); ferritin (FT) rises and TfR1 falls
        // (≤ 0.95×) with dose; S(48) decreases with dose and S(48) at 200 µM < 0.5; DFO or Fer-1 restore S(48) ≥ 0.9 at
        // 200 µM. SHOULD: LIP fold stays ≤ 3× (buffering by ferritin).
        // Basis: FAC causes osteoblast ferroptosis reversed by DFO and Fer-1 [B7]; iron-overload bone loss in mice [B19].
        double[] doses = [100, 200, 400];
        var runs = Assay.Map(doses, d => Assay.Run(OB, 48, FerricAmmoniumCitrate(d)));
        var lip = runs.Select(r => r.FoldAtHours("LIP", 24)).ToArray();
        var ferritin = runs.Select(r => r.FoldAtHours("FT", 24)).ToArray();
        var tfr1 = runs.Select(r => r.FoldAtHours("TFR1", 24)).ToArray();
        var survival = runs.Select(r => r.SurvivalAtHours(48)).ToArray();
        double dfo = Assay.S48(OB, FerricAmmoniumCitrate(200), Deferoxamine(100));
        double fer1 = Assay.S48(OB, FerricAmmoniumCitrate(200), Ferrostatin1(1));
        var peakLip = runs.Select(r => r.Peak("LIP") / r.RestingValue("LIP")).ToArray();
        Assay.Report($"EB-5: LIP(24) {Assay.Show(lip)}×; FT(24) {Assay.Show(ferritin)}×; TfR1(24) {Assay.Show(tfr1)}×; S(48) {Assay.Show(survival)}; FAC 200 + DFO {dfo:F4}, + Fer-1 {fer1:F4}; peak LIP fold {Assay.Show(peakLip)}");

        Assert.Multiple(() =>
        {
            Assay.AssertStrictlyIncreasing(lip, "LIP fold at 24 h over FAC 100/200/400");
            Assert.That(lip[0], Is.GreaterThanOrEqualTo(1.15), "LIP fold at 24 h, FAC 100");
            Assert.That(lip[1], Is.GreaterThanOrEqualTo(1.3), "LIP fold at 24 h, FAC 200");
            Assay.AssertStrictlyIncreasing([1.0, .. ferritin], "FT fold at 24 h (rest, FAC 100/200/400)");
            Assay.AssertStrictlyDecreasing(tfr1, "TfR1 fold at 24 h over FAC 100/200/400");
            Assert.That(tfr1, Has.All.LessThanOrEqualTo(0.95), "TfR1 fold at 24 h");
            Assay.AssertStrictlyDecreasing(survival, "S(48) over FAC 100/200/400");
            Assert.That(survival[1], Is.LessThan(0.5), "S(48), FAC 200");
            Assert.That(dfo, Is.GreaterThanOrEqualTo(0.9), "FAC 200 + DFO 100");
            Assert.That(fer1, Is.GreaterThanOrEqualTo(0.9), "FAC 200 + Fer-1 1");
        });

        // The SHOULD clause holds and is asserted too: the peak LIP fold over the 48 h stays below 3 at every dose.
        Assert.That(peakLip, Has.All.LessThanOrEqualTo(3.0), "SHOULD: LIP fold ≤ 3×");
    }

    [Test]
    public void EB06_Lipid_peroxidation_precedes_death_and_the_death_response_is_switch_like()
    {
        // EB-6 (MUST). Protocol: OB; erastin 10 µM and RSL3 0.1 µM, sample every 0.5 h.
        // Pass: for both, the time at which LPO first exceeds 2× rest precedes the time S < 0.9 by ≥ 2 h; in an erastin
        // dose series S(24) spans from > 0.9 to < 0.2 within a 4-fold concentration range (steep dose–response).
        // Basis: lipid ROS accumulation is the executioner of ferroptosis and precedes membrane rupture [F1][K12].
        var halfHourly = new CellSimulationOptions { OutputIntervalHours = 0.5 };
        foreach (var insult in new[] { Erastin(10), Rsl3(0.1) })
        {
            var run = Assay.Run(OB, 48, [insult], halfHourly);
            double lpo = FirstSample(run, "LPO", v => v > 2 * run.RestingValue("LPO"));
            double dying = FirstSample(run, "S", v => v < 0.9);
            Assay.Report($"EB-6: {insult}: LPO > 2× rest at {lpo} h, S < 0.9 at {dying} h");
            Assert.That(dying - lpo, Is.GreaterThanOrEqualTo(2.0), $"{insult}: LPO > 2× rest at {lpo} h, S < 0.9 at {dying} h");
        }

        // The narrowest erastin range from S(24) > 0.9 to S(24) < 0.2 is [dose at S = 0.9, dose at S = 0.2].
        double upper = Assay.DoseAtLevel(d => Assay.S24(OB, Erastin(d)), 0.9, 0.1, 100);
        double lower = Assay.DoseAtLevel(d => Assay.S24(OB, Erastin(d)), 0.2, 0.1, 100);
        Assay.Report($"EB-6: erastin S(24) = 0.9 at {upper:F3} µM, 0.2 at {lower:F3} µM (ratio {lower / upper:F2})");
        Assert.That(lower / upper, Is.LessThan(4), $"S(24) goes from 0.9 at {upper:G3} µM to 0.2 at {lower:G3} µM");
    }

    [Test]
    public void EB07_The_labile_iron_pool_is_tightly_buffered()
    {
        // EB-7 (MUST). Protocol: OB at rest; add an instantaneous LIP excess of +120 % (LIP = 2.2·L0) and no drug.
        // Pass: the excess falls to half within 10–90 min and LIP returns within 10 % of L0 by 6 h; at rest LIP is within 0.3–1.5 µM.
        // Basis: K562 LIP 350 nM, rises ≤ 120 % after iron or redox stress and recovers with half-times of 17–88 min [K1];
        // LIP in the low-µM range [K3][M5]. L0 is read as the cell's resting LIP (0.8015 µM; the parameter L0 is 0.80).
        double rest = Assay.Run(OB, 1).RestingValue("LIP");
        var pulse = Assay.Run(OB, 6, [], new CellSimulationOptions { InitialValues = new Dictionary<string, double> { ["LIP"] = 2.2 * rest }, OutputIntervalHours = 1.0 / 60 });
        double? halfTime = pulse.FirstTimeBelowHours("LIP", rest + (0.5 * 1.2 * rest));
        Assay.Report($"EB-7: resting LIP {rest:F4} µM; half-recovery {halfTime * 60:F1} min; LIP(6 h) {pulse.ValueAtHours("LIP", 6) / rest:F4}× rest");

        Assert.Multiple(() =>
        {
            Assert.That(halfTime * 60, Is.InRange(10.0, 90.0), "half-recovery of the excess (min)");
            Assert.That(Math.Abs(pulse.ValueAtHours("LIP", 6) - rest) / rest, Is.LessThanOrEqualTo(0.1), "LIP at 6 h within 10 % of rest");
            Assert.That(rest, Is.InRange(0.3, 1.5), "resting LIP (µM)");
        });
    }

    /// <summary>The first sampled time of the exposure at which <paramref name="condition"/> holds (EB-6 samples every 0.5 h).</summary>
    private static double FirstSample(CellSimulationResult run, string quantity, Func<double, bool> condition)
    {
        var values = run.Quantity(quantity);
        for (int k = 0; k < values.Length; k++)
        {
            if (run.TimesHours[k] >= 0 && condition(values[k]))
            {
                return run.TimesHours[k];
            }
        }

        Assert.Fail($"{quantity} never meets the condition in {run}");
        return double.NaN;
    }
}
