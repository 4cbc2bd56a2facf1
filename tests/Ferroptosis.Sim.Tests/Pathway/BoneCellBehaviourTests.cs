using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Expected behaviours, section D (bone-cell specific): EB-16, EB-17, EB-18, EB-19, EB-21.</summary>
/// <remarks>Each test quotes the pass criterion of <c>expected-behaviours.md</c> (model v1, run through <see cref="Assay.Model"/>) and asserts it as written; the basis keys refer to <c>models/ferroptosis/v1/README.md</c>.</remarks>
[Parallelizable(ParallelScope.All)]
public sealed class BoneCellBehaviourTests
{
    private static readonly BoneCell OB = BoneCell.Osteoblast;
    private static readonly BoneCell OC = BoneCell.Osteoclast;
    private static readonly BoneCell OCY = BoneCell.Osteocyte;

    [Test]
    public void EB16_Osteoclasts_are_more_ferroptosis_prone_than_osteoblasts()
    {
        // EB-16 (MUST). Protocol: OC and OB parameter sets, each started at its own rest; erastin and RSL3 dose series
        // (24 h); FAC 100 µM (48 h); DFO 100 µM (24 h).
        // Pass: at rest OC has higher LPO (≥ 1.5× OB), higher LIP (≥ 1.05× OB), lower HO-1 (≤ 0.8× OB) and 24-h
        // spontaneous survival between 0.85 and 0.99; erastin IC50(OC) ≤ 0.6 × IC50(OB); RSL3 IC50(OC) < IC50(OB);
        // t50(erastin 10) shorter in OC; S(48) after FAC 100 µM lower in OC by ≥ 0.2; DFO lowers OC LPO below its resting value.
        // Basis: osteoclasts are iron-hungry (TfR1 up via IRP2, mitochondrial biogenesis) [B5][B6]; RANKL induces an
        // iron-starvation response and NCOA4-ferritinophagy with ferroptosis [B4]; RANKL shifts Bach1/Nrf2 against
        // antioxidant genes [B14]; HO-1 falls during osteoclast differentiation [B11][B12].
        var restOB = Assay.Run(OB, 24);
        var restOC = Assay.Run(OC, 24);
        double erastinOB = Assay.Ic50("OB erastin", OB, d => Erastin(d), 0.1, 100);
        double erastinOC = Assay.Ic50("OC erastin", OC, d => Erastin(d), 0.1, 100);
        double rsl3OB = Assay.Ic50("OB rsl3", OB, d => Rsl3(d), 0.001, 10);
        double rsl3OC = Assay.Ic50("OC rsl3", OC, d => Rsl3(d), 0.001, 10);
        double t50OB = Assay.Defined(Assay.Run(OB, 24, Erastin(10)).TimeTo50PercentDeathHours, "OB t50");
        double t50OC = Assay.Defined(Assay.Run(OC, 24, Erastin(10)).TimeTo50PercentDeathHours, "OC t50");
        double facOB = Assay.S48(OB, FerricAmmoniumCitrate(100));
        double facOC = Assay.S48(OC, FerricAmmoniumCitrate(100));
        var dfo = Assay.Run(OC, 24, Deferoxamine(100));
        Assay.Report($"EB-16: rest OC/OB LPO {restOC.RestingValue("LPO"):F3}/{restOB.RestingValue("LPO"):F3}, LIP {restOC.RestingValue("LIP"):F3}/{restOB.RestingValue("LIP"):F3}, HO1 {restOC.RestingValue("HO1"):F3}/{restOB.RestingValue("HO1"):F3}; OC S(24) {restOC.SurvivalAtHours(24):F3}; erastin IC50 {erastinOC:F2} vs {erastinOB:F2} µM; RSL3 {rsl3OC * 1000:F1} vs {rsl3OB * 1000:F1} nM; t50 {t50OC:F2} vs {t50OB:F2} h; FAC 100 S(48) {facOC:F3} vs {facOB:F3}; DFO OC LPO(24) {dfo.ValueAtHours("LPO", 24):F3}");

        Assert.Multiple(() =>
        {
            Assert.That(restOC.RestingValue("LPO"), Is.GreaterThanOrEqualTo(1.5 * restOB.RestingValue("LPO")), "resting LPO");
            Assert.That(restOC.RestingValue("LIP"), Is.GreaterThanOrEqualTo(1.05 * restOB.RestingValue("LIP")), "resting LIP");
            Assert.That(restOC.RestingValue("HO1"), Is.LessThanOrEqualTo(0.8 * restOB.RestingValue("HO1")), "resting HO-1");
            Assert.That(restOC.SurvivalAtHours(24), Is.InRange(0.85, 0.99), "OC 24-h spontaneous survival");
            Assert.That(erastinOC, Is.LessThanOrEqualTo(0.6 * erastinOB), "erastin IC50");
            Assert.That(rsl3OC, Is.LessThan(rsl3OB), "RSL3 IC50");
            Assert.That(t50OC, Is.LessThan(t50OB), "t50, erastin 10");
            Assert.That(facOC, Is.LessThanOrEqualTo(facOB - 0.2), "S(48), FAC 100");
            Assert.That(dfo.ValueAtHours("LPO", 24), Is.LessThan(dfo.RestingValue("LPO")), "DFO lowers OC LPO below rest");
        });
    }

    [Test]
    public void EB17_High_glucose_causes_osteoblast_ferroptosis_that_Nrf2_activation_prevents()
    {
        // EB-17 (MUST). Protocol: OB; scenario HG (spec §13) for 48 h; variants + Fer-1 1 µM, + DFO 100 µM, + melatonin
        // 100 µM, + melatonin 100 µM + ML385 5 µM.
        // Pass: S(48) between 0.3 and 0.8; GPX4 and XCT below rest; LPO peak ≥ 2×; Fer-1 and DFO give S ≥ 0.9;
        // melatonin gives S ≥ 0.9; melatonin + ML385 gives S below HG alone (protection lost).
        // Basis: 25.5 mM glucose for 48 h raises lipid peroxides and lowers GPX4/SLC7A11 in MC3T3-E1, reversed by Fer-1 and
        // DFO; melatonin protects via Nrf2/HO-1 and the effect is lost with Nrf2 siRNA [B2]; maresin-1 protects via NRF2 [B3].
        var hg = new CellSimulationOptions { Scenario = DiseaseScenario.HighGlucose };
        var alone = Assay.Run(OB, 48, [], hg);
        double fer1 = Assay.Survival(OB, 48, [Ferrostatin1(1)], hg);
        double dfo = Assay.Survival(OB, 48, [Deferoxamine(100)], hg);
        double melatonin = Assay.Survival(OB, 48, [Melatonin(100)], hg);
        double blocked = Assay.Survival(OB, 48, [Melatonin(100), Ml385(5)], hg);
        Assay.Report($"EB-17: HG OB S(48) {alone.SurvivalAtHours(48):F3}; GPX4 {alone.FoldAtHours("GPX4", 48):F3}×, XCT {alone.FoldAtHours("XCT", 48):F3}×; LPO peak {alone.Peak("LPO") / alone.RestingValue("LPO"):F2}×; + Fer-1 {fer1:F3}, + DFO {dfo:F3}, + melatonin {melatonin:F3}, + melatonin + ML385 {blocked:F4}");

        Assert.Multiple(() =>
        {
            Assert.That(alone.SurvivalAtHours(48), Is.InRange(0.3, 0.8), "HG S(48)");
            Assert.That(alone.ValueAtHours("GPX4", 48), Is.LessThan(alone.RestingValue("GPX4")), "GPX4 below rest");
            Assert.That(alone.ValueAtHours("XCT", 48), Is.LessThan(alone.RestingValue("XCT")), "XCT below rest");
            Assert.That(alone.Peak("LPO"), Is.GreaterThanOrEqualTo(2 * alone.RestingValue("LPO")), "LPO peak ≥ 2×");
            Assert.That(fer1, Is.GreaterThanOrEqualTo(0.9), "+ Fer-1");
            Assert.That(dfo, Is.GreaterThanOrEqualTo(0.9), "+ DFO");
            Assert.That(melatonin, Is.GreaterThanOrEqualTo(0.9), "+ melatonin");
            Assert.That(blocked, Is.LessThan(alone.SurvivalAtHours(48)), "+ melatonin + ML385 below HG alone");
        });
    }

    [TestCase("HG")]
    [TestCase("HGHF")]
    public void EB18_Cell_type_specific_sign_of_HO1_pathogenic_in_osteocytes_not_in_osteoblasts(string scenarioName)
    {
        // EB-18 (MUST). Protocol: OCY and OB; scenario HG (and HGHF) for 48 h; ± ZnPP 10 µM; ± Fer-1 1 µM.
        // Pass: peak HO-1 in OCY ≥ 2× that in OB under the same scenario; S(48) lower in OCY than OB; ZnPP raises OCY
        // survival by ≥ 0.15 (HG) while changing OB survival by < 0.1; Fer-1 rescues both (S ≥ 0.9).
        // Basis: osteocyte ferroptosis in diabetic osteoporosis requires strongly NRF2/c-JUN-induced HO-1, and targeting
        // HO-1 or ferroptosis rescues osteocytes [B1]; in osteoblasts Nrf2/HO-1 activation by melatonin is protective [B2];
        // together the dual role across cell types [S1].
        var options = new CellSimulationOptions { Scenario = DiseaseScenario.FromName(scenarioName) };
        var osteocyte = Assay.Run(OCY, 48, [], options);
        var osteoblast = Assay.Run(OB, 48, [], options);
        double znppOCY = Assay.Survival(OCY, 48, [ZincProtoporphyrin(10)], options);
        double znppOB = Assay.Survival(OB, 48, [ZincProtoporphyrin(10)], options);
        double fer1OCY = Assay.Survival(OCY, 48, [Ferrostatin1(1)], options);
        double fer1OB = Assay.Survival(OB, 48, [Ferrostatin1(1)], options);
        Assay.Report($"EB-18 {scenarioName}: peak HO1 OCY {osteocyte.Peak("HO1"):F2} vs OB {osteoblast.Peak("HO1"):F2}; S(48) OCY {osteocyte.SurvivalAtHours(48):F3} vs OB {osteoblast.SurvivalAtHours(48):F3}; + ZnPP OCY {znppOCY:F3}, OB {znppOB:F3}; + Fer-1 OCY {fer1OCY:F4}, OB {fer1OB:F4}");

        Assert.Multiple(() =>
        {
            Assert.That(osteocyte.Peak("HO1"), Is.GreaterThanOrEqualTo(2 * osteoblast.Peak("HO1")), "peak HO-1, OCY vs OB");
            Assert.That(osteocyte.SurvivalAtHours(48), Is.LessThan(osteoblast.SurvivalAtHours(48)), "S(48), OCY vs OB");
            if (scenarioName == "HG")
            {
                Assert.That(znppOCY - osteocyte.SurvivalAtHours(48), Is.GreaterThanOrEqualTo(0.15), "ZnPP raises OCY survival (HG)");
                Assert.That(Math.Abs(znppOB - osteoblast.SurvivalAtHours(48)), Is.LessThan(0.1), "ZnPP changes OB survival by < 0.1 (HG)");
            }

            Assert.That(fer1OCY, Is.GreaterThanOrEqualTo(0.9), "Fer-1, OCY");
            Assert.That(fer1OB, Is.GreaterThanOrEqualTo(0.9), "Fer-1, OB");
        });
    }

    [Test]
    public void EB19_Glucocorticoid_excess_causes_osteoblast_and_osteocyte_ferroptosis()
    {
        // EB-19 (MUST). Protocol: OB and OCY; scenario GC for 48 h; ± Fer-1 1 µM; ± SFN 5 µM.
        // Pass: S(48) < 0.8 in OB and lower in OCY; GPX4 and XCT below rest; Fer-1 and SFN each give S ≥ 0.9.
        // Basis: high-dose dexamethasone down-regulates GPX4 and system xc⁻ in osteoblasts [B9]; glucocorticoid-induced
        // ferritinophagy-dependent osteoblast ferroptosis [B10]; GR signalling represses NRF2 activity [K11].
        var gc = new CellSimulationOptions { Scenario = DiseaseScenario.Glucocorticoid };
        var osteoblast = Assay.Run(OB, 48, [], gc);
        var osteocyte = Assay.Run(OCY, 48, [], gc);
        var rescues = Assay.Map(
            [(OB, Ferrostatin1(1)), (OB, Sulforaphane(5)), (OCY, Ferrostatin1(1)), (OCY, Sulforaphane(5))],
            x => (x.Item1, x.Item2, S: Assay.Survival(x.Item1, 48, [x.Item2], gc)));
        Assay.Report($"EB-19: GC S(48) OB {osteoblast.SurvivalAtHours(48):F3}, OCY {osteocyte.SurvivalAtHours(48):F3}; OB GPX4 {osteoblast.FoldAtHours("GPX4", 48):F3}×, XCT {osteoblast.FoldAtHours("XCT", 48):F3}×; OCY GPX4 {osteocyte.FoldAtHours("GPX4", 48):F3}×, XCT {osteocyte.FoldAtHours("XCT", 48):F3}×; rescues {string.Join(", ", rescues.Select(r => FormattableString.Invariant($"{r.Item1} + {r.Item2} {r.S:F4}")))}");

        Assert.Multiple(() =>
        {
            Assert.That(osteoblast.SurvivalAtHours(48), Is.LessThan(0.8), "OB S(48)");
            Assert.That(osteocyte.SurvivalAtHours(48), Is.LessThan(osteoblast.SurvivalAtHours(48)), "OCY below OB");
            foreach (var run in new[] { osteoblast, osteocyte })
            {
                Assert.That(run.ValueAtHours("GPX4", 48), Is.LessThan(run.RestingValue("GPX4")), $"{run.Cell} GPX4 below rest");
                Assert.That(run.ValueAtHours("XCT", 48), Is.LessThan(run.RestingValue("XCT")), $"{run.Cell} XCT below rest");
            }

            foreach (var (cell, drug, s) in rescues)
            {
                Assert.That(s, Is.GreaterThanOrEqualTo(0.9), $"{cell} + {drug}");
            }
        });
    }

    [Test]
    public void EB21_Should_steroid_induced_osteonecrosis_kills_osteocytes_preventably()
    {
        // EB-21 (SHOULD). Protocol: OCY; scenario ONFH for 72 h; ± Fer-1 1 µM; ± DFO 100 µM.
        // Pass: S(72) < 0.2; Fer-1 gives S ≥ 0.9; DFO gives S ≥ 0.8; GPX4 below rest.
        // Basis: serum and local GPX4/SLC7A11 fall with ONFH severity [B21]; glucocorticoid-driven ferroptosis of bone
        // cells [B9][B10]; ischaemia is central to steroid ONFH [B22].
        var onfh = new CellSimulationOptions { Scenario = DiseaseScenario.SteroidOsteonecrosis };
        var alone = Assay.Run(OCY, 72, [], onfh);
        double fer1 = Assay.Survival(OCY, 72, [Ferrostatin1(1)], onfh);
        double dfo = Assay.Survival(OCY, 72, [Deferoxamine(100)], onfh);
        Assay.Report($"EB-21: ONFH OCY S(72) {alone.SurvivalAtHours(72):F4}; + Fer-1 {fer1:F4}; + DFO {dfo:F3}; GPX4 {alone.FoldAtHours("GPX4", 72):F3}×");

        Assert.Multiple(() =>
        {
            Assert.That(alone.SurvivalAtHours(72), Is.LessThan(0.2), "S(72)");
            Assert.That(fer1, Is.GreaterThanOrEqualTo(0.9), "+ Fer-1");
            Assert.That(dfo, Is.GreaterThanOrEqualTo(0.8), "+ DFO");
            Assert.That(alone.ValueAtHours("GPX4", 72), Is.LessThan(alone.RestingValue("GPX4")), "GPX4 below rest");
        });
    }
}
