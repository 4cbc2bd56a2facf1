using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Expected behaviours, section B (the Nrf2 arm): EB-8, EB-9, EB-10, EB-11, osteoblast.</summary>
/// <remarks>Each test quotes the pass criterion of <c>expected-behaviours.md</c> (model v1, run through <see cref="Assay.Model"/>) and asserts it as written; the basis keys refer to <c>models/ferroptosis/v1/README.md</c>.</remarks>
[Parallelizable(ParallelScope.All)]
public sealed class Nrf2BehaviourTests
{
    private static readonly BoneCell OB = BoneCell.Osteoblast;

    /// <summary>G0, the resting GSH of the reference osteoblast (spec §8.5).</summary>
    private const double G0 = 3.0;

    [Test]
    public void EB08_Nrf2_activators_induce_the_ARE_programme_mRNA_before_protein()
    {
        // EB-8 (MUST). Protocol: OB; sulforaphane 5 µM (also 10, 20), tBHQ 50 µM, DMF 50 µM, 24 h.
        // Pass (SFN 5 µM): NRF2 ≥ 2× by 6 h; HMOX1 mRNA ≥ 1.8× at 6 h while HO-1 protein at 6 h is lower than mRNA
        // fold; HO-1 protein 1.8–6× at 24 h; XCT ≥ 1.4×, GSH ≥ 1.3× G0, FT ≥ 1.2× at 24 h; responses increase with SFN
        // concentration; tBHQ 50 and DMF 50 µM give HO-1 ≥ 2× at 24 h.
        // Basis: coordinated ARE induction of HO-1 with phase-2 genes, HO-1 mRNA time course over hours [K7];
        // sulforaphane potency [K8]; Nrf2 targets SLC7A11, GCL, ferritin [F13][K13].
        var sfn = Assay.Map([5.0, 10, 20], d => Assay.Run(OB, 24, Sulforaphane(d)));
        var s5 = sfn[0];
        double tbhq = Assay.Run(OB, 24, Tbhq(50)).FoldAtHours("HO1", 24);
        double dmf = Assay.Run(OB, 24, DimethylFumarate(50)).FoldAtHours("HO1", 24);
        string[] responses = ["NRF2", "mHO1", "HO1", "XCT", "GSH", "FT", "AOX"];
        Assay.Report($"EB-8: SFN 5: NRF2 {s5.FoldAtHours("NRF2", 6):F2}× (6 h), mHO1 {s5.FoldAtHours("mHO1", 6):F2}× and HO1 {s5.FoldAtHours("HO1", 6):F2}× (6 h), HO1 {s5.FoldAtHours("HO1", 24):F2}×, XCT {s5.FoldAtHours("XCT", 24):F2}×, GSH/G0 {s5.ValueAtHours("GSH", 24) / G0:F2}, FT {s5.FoldAtHours("FT", 24):F2}× (24 h); HO1(24) at SFN 5/10/20 {Assay.Show(sfn.Select(r => r.FoldAtHours("HO1", 24)))}; tBHQ 50 {tbhq:F2}×, DMF 50 {dmf:F2}×");

        Assert.Multiple(() =>
        {
            Assert.That(s5.Quantity("NRF2").Where((_, k) => s5.TimesHours[k] <= 6).Max() / s5.RestingValue("NRF2"), Is.GreaterThanOrEqualTo(2), "NRF2 ≥ 2× by 6 h");
            Assert.That(s5.FoldAtHours("mHO1", 6), Is.GreaterThanOrEqualTo(1.8), "HMOX1 mRNA at 6 h");
            Assert.That(s5.FoldAtHours("HO1", 6), Is.LessThan(s5.FoldAtHours("mHO1", 6)), "HO-1 protein fold < mRNA fold at 6 h");
            Assert.That(s5.FoldAtHours("HO1", 24), Is.InRange(1.8, 6.0), "HO-1 protein at 24 h");
            Assert.That(s5.FoldAtHours("XCT", 24), Is.GreaterThanOrEqualTo(1.4), "XCT at 24 h");
            Assert.That(s5.ValueAtHours("GSH", 24), Is.GreaterThanOrEqualTo(1.3 * G0), "GSH at 24 h (mM)");
            Assert.That(s5.FoldAtHours("FT", 24), Is.GreaterThanOrEqualTo(1.2), "FT at 24 h");
            foreach (string name in responses)
            {
                Assay.AssertStrictlyIncreasing([.. sfn.Select(r => r.FoldAtHours(name, 24))], $"{name} at 24 h over SFN 5/10/20 µM");
            }

            Assay.AssertStrictlyIncreasing([.. sfn.Select(r => r.Peak("NRF2"))], "peak NRF2 over SFN 5/10/20 µM");
            Assert.That(tbhq, Is.GreaterThanOrEqualTo(2), "tBHQ 50 µM, HO-1 at 24 h");
            Assert.That(dmf, Is.GreaterThanOrEqualTo(2), "DMF 50 µM, HO-1 at 24 h");
        });
    }

    [Test]
    public void EB09_Nrf2_activation_protects_against_xc_inhibition()
    {
        // EB-9 (MUST). Protocol: OB; erastin 10 µM ± SFN 5 µM (co-treatment), 24 h; erastin IC50 ± SFN.
        // Pass: S(24) with SFN ≥ 0.8 (alone < 0.4); erastin IC50 shifts right ≥ 3-fold; RSL3 IC50 shifts right (any
        // amount, because Nrf2 raises GSH and lowers iron but cannot restore inhibited GPX4 protein).
        // Basis: Nrf2 activation protects against ferroptosis; Nrf2 controls xc⁻, GSH synthesis, ferritin and
        // ferroportin [F12][F13][F14]; melatonin/Nrf2 protection of osteoblasts [B2][B3].
        double alone = Assay.S24(OB, Erastin(10));
        double withSfn = Assay.S24(OB, Erastin(10), Sulforaphane(5));
        double erastin = Assay.Ic50("OB erastin", OB, d => Erastin(d), 0.1, 100);
        double erastinSfn = Assay.Ic50("OB erastin | SFN 5", OB, d => Erastin(d), 0.1, 1000, Sulforaphane(5));
        double rsl3 = Assay.Ic50("OB rsl3", OB, d => Rsl3(d), 0.001, 10);
        double rsl3Sfn = Assay.Ic50("OB rsl3 | SFN 5", OB, d => Rsl3(d), 0.001, 10, Sulforaphane(5));
        Assay.Report($"EB-9: S(24) erastin 10 {alone:F3}, + SFN 5 {withSfn:F4}; erastin IC50 {erastin:F2} → {erastinSfn:F1} µM; RSL3 IC50 {rsl3 * 1000:F1} → {rsl3Sfn * 1000:F1} nM");

        Assert.Multiple(() =>
        {
            Assert.That(withSfn, Is.GreaterThanOrEqualTo(0.8), "erastin 10 + SFN 5");
            Assert.That(alone, Is.LessThan(0.4), "erastin 10 alone");
            Assert.That(erastinSfn / erastin, Is.GreaterThanOrEqualTo(3), "erastin IC50 shift with SFN");
            Assert.That(rsl3Sfn, Is.GreaterThan(rsl3), "RSL3 IC50 shifts right with SFN");
        });
    }

    [Test]
    public void EB10_Nrf2_inhibition_or_deficiency_sensitises()
    {
        // EB-10 (MUST). Protocol: OB; ML385 5 µM alone and with erastin (0–10 µM), 24 h. Separately an Nrf2-deficient
        // OB (c_Nsyn = 0.1).
        // Pass: ML385 alone S(24) ≥ 0.9; erastin IC50 with ML385 ≤ one third of without; RSL3 IC50 with ML385 lower than
        // without; Nrf2-deficient OB has resting LPO ≥ 1.5× and GSH ≤ 0.9·G0 and dies with erastin 5 µM (S(24) < 0.2).
        // Basis: ML385 blocks NRF2 transcription (IC50 1.9 µM) [F11]; NRF2 knock-down sensitises to erastin [F12];
        // Nrf2 siRNA abolishes melatonin protection in HG osteoblasts [B2].
        double ml385 = Assay.S24(OB, Ml385(5));
        double erastin = Assay.Ic50("OB erastin", OB, d => Erastin(d), 0.1, 100);
        double erastinMl385 = Assay.Ic50("OB erastin | ML385 5", OB, d => Erastin(d), 0.01, 100, Ml385(5));
        double rsl3 = Assay.Ic50("OB rsl3", OB, d => Rsl3(d), 0.001, 10);
        double rsl3Ml385 = Assay.Ic50("OB rsl3 | ML385 5", OB, d => Rsl3(d), 0.0001, 10, Ml385(5));
        var nrf2Low = Knockdown(Gene.Nrf2, 0.1);
        var deficient = Assay.Run(OB, 24, nrf2Low, Erastin(5));
        double healthyLpo = Assay.Run(OB, 1).RestingValue("LPO");
        Assay.Report($"EB-10: ML385 5 S(24) {ml385:F3}; erastin IC50 {erastin:F2} → {erastinMl385:F2} µM; RSL3 IC50 {rsl3 * 1000:F1} → {rsl3Ml385 * 1000:F1} nM; Nrf2-low rest LPO {deficient.RestingValue("LPO") / healthyLpo:F2}× OB, GSH {deficient.RestingValue("GSH"):F2} mM; + erastin 5 S(24) {deficient.SurvivalAtHours(24):F4}");

        Assert.Multiple(() =>
        {
            Assert.That(nrf2Low.Changes, Is.EqualTo(new[] { new ParameterChange("c_Nsyn", ChangeKind.Multiply, 0.1) }), "Nrf2-deficient OB is c_Nsyn = 0.1");
            Assert.That(ml385, Is.GreaterThanOrEqualTo(0.9), "ML385 5 alone");
            Assert.That(erastinMl385, Is.LessThanOrEqualTo(erastin / 3), "erastin IC50 with ML385 ≤ one third");
            Assert.That(rsl3Ml385, Is.LessThan(rsl3), "RSL3 IC50 with ML385");
            Assert.That(deficient.RestingValue("LPO"), Is.GreaterThanOrEqualTo(1.5 * healthyLpo), "Nrf2-deficient resting LPO ≥ 1.5× the osteoblast's");
            Assert.That(deficient.RestingValue("GSH"), Is.LessThanOrEqualTo(0.9 * G0), "Nrf2-deficient resting GSH (mM)");
            Assert.That(deficient.SurvivalAtHours(24), Is.LessThan(0.2), "Nrf2-deficient + erastin 5");
        });
    }

    [Test]
    public void EB11_Ferroptotic_stress_itself_activates_Nrf2_and_HO1()
    {
        // EB-11 (MUST). Protocol: OB; erastin 10 µM, 24 h.
        // Pass: HO-1 protein ≥ 1.5× at 24 h and higher at 24 h than at 12 h; NRF2 never below rest and ≥ 1.5× by 12 h.
        // Basis: erastin induces HO-1 mRNA and protein in HT-1080 cells [F6]; lipid peroxidation and HO-1 form a loop in osteocytes [B1].
        var run = Assay.Run(OB, 24, Erastin(10));
        double nrf2By12 = run.Quantity("NRF2").Where((_, k) => run.TimesHours[k] <= 12).Max() / run.RestingValue("NRF2");
        Assay.Report($"EB-11: HO1 {run.FoldAtHours("HO1", 12):F2}× (12 h), {run.FoldAtHours("HO1", 24):F2}× (24 h); NRF2 {run.FoldAtHours("NRF2", 6):F2} / {run.FoldAtHours("NRF2", 12):F2} / {run.FoldAtHours("NRF2", 24):F2}× (6/12/24 h), minimum {run.Minimum("NRF2") / run.RestingValue("NRF2"):R}×");

        Assert.Multiple(() =>
        {
            Assert.That(run.FoldAtHours("HO1", 24), Is.GreaterThanOrEqualTo(1.5), "HO-1 at 24 h");
            Assert.That(run.FoldAtHours("HO1", 24), Is.GreaterThan(run.FoldAtHours("HO1", 12)), "HO-1 higher at 24 h than at 12 h");
            Assert.That(run.Minimum("NRF2"), Is.GreaterThanOrEqualTo(run.RestingValue("NRF2")), "NRF2 never below rest");
            Assert.That(nrf2By12, Is.GreaterThanOrEqualTo(1.5), "NRF2 ≥ 1.5× by 12 h");
        });
    }
}
