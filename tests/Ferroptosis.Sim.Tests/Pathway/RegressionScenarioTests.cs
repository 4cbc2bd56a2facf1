using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;
using static Ferroptosis.Sim.Tests.Pathway.RegressionTableTests;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The disease-scenario rows of the specification's regression table (model-spec.md §15), with its tolerances (±0.05 on S, ±15 % on folds).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RegressionScenarioTests
{
    [Test]
    public void High_glucose_48_h()
    {
        // "HG 48 h (S): none / +Fer-1 1 / +DFO 100 / +ZnPP 10 / +melatonin 100 / +melatonin+ML385 5 | OB 0.59 / 1.00 / 1.00 /
        // 0.57 / 0.99 / 0.00; OCY 0.39 / 1.00 / 1.00 / 0.60 / 0.99 / 0.00; HO1 max OB 2.5×, OCY 7.3×"
        // The HO1 maxima are in normalised units (relative to the resting osteoblast), see models/ferroptosis/v1/README.md §12.
        Perturbation[][] variants = [[], [Ferrostatin1(1)], [Deferoxamine(100)], [ZincProtoporphyrin(10)], [Melatonin(100)], [Melatonin(100), Ml385(5)]];
        (BoneCell Cell, double[] S, double Ho1Max)[] rows =
        [
            (BoneCell.Osteoblast, [0.59, 1.00, 1.00, 0.57, 0.99, 0.00], 2.5),
            (BoneCell.Osteocyte, [0.39, 1.00, 1.00, 0.60, 0.99, 0.00], 7.3),
        ];
        var hg = new CellSimulationOptions { Scenario = DiseaseScenario.HighGlucose };
        Assert.Multiple(() =>
        {
            foreach (var (cell, expected, ho1Max) in rows)
            {
                var runs = Assay.Map(variants, v => Assay.Run(cell, 48, v, hg));
                for (int i = 0; i < variants.Length; i++)
                {
                    Survival(runs[i].SurvivalAtHours(48), expected[i], $"{cell} HG + [{string.Join(", ", variants[i].Select(p => p.ToString()))}]");
                }

                Relative(runs[0].Peak("HO1"), ho1Max, $"{cell} HO1 max (n.u.)");
            }
        });
    }

    [Test]
    public void High_glucose_high_fat_48_h()
    {
        // "HGHF 48 h (S): none / +ZnPP | OB 0.13 / 0.24; OCY 0.02 / 0.27; Fer-1 or DFO ≥ 0.99"
        var hghf = new CellSimulationOptions { Scenario = DiseaseScenario.HighGlucoseHighFat };
        Assert.Multiple(() =>
        {
            foreach (var (cell, none, znpp) in new[] { (BoneCell.Osteoblast, 0.13, 0.24), (BoneCell.Osteocyte, 0.02, 0.27) })
            {
                Survival(Assay.Survival(cell, 48, [], hghf), none, $"{cell} HGHF");
                Survival(Assay.Survival(cell, 48, [ZincProtoporphyrin(10)], hghf), znpp, $"{cell} HGHF + ZnPP");
                Assert.That(Assay.Survival(cell, 48, [Ferrostatin1(1)], hghf), Is.GreaterThanOrEqualTo(0.99), $"{cell} HGHF + Fer-1");
                Assert.That(Assay.Survival(cell, 48, [Deferoxamine(100)], hghf), Is.GreaterThanOrEqualTo(0.99), $"{cell} HGHF + DFO");
            }
        });
    }

    [Test]
    public void Glucocorticoid_48_h()
    {
        // "GC 48 h (S): none / +Fer-1 / +ZnPP / +SFN 5 | OB 0.58 / 1.00 / 0.66 / 1.00; OCY 0.11 / 1.00 / 0.68 / 1.00"
        Perturbation[][] variants = [[], [Ferrostatin1(1)], [ZincProtoporphyrin(10)], [Sulforaphane(5)]];
        var gc = new CellSimulationOptions { Scenario = DiseaseScenario.Glucocorticoid };
        Assert.Multiple(() =>
        {
            foreach (var (cell, expected) in new[] { (BoneCell.Osteoblast, new[] { 0.58, 1.00, 0.66, 1.00 }), (BoneCell.Osteocyte, new[] { 0.11, 1.00, 0.68, 1.00 }) })
            {
                var s = Assay.Map(variants, v => Assay.Survival(cell, 48, v, gc));
                for (int i = 0; i < variants.Length; i++)
                {
                    Survival(s[i], expected[i], $"{cell} GC variant {i}");
                }
            }
        });
    }

    [Test]
    public void Steroid_osteonecrosis_72_h()
    {
        // "ONFH 72 h, osteocytes (S): none / +Fer-1 / +DFO / +ZnPP | 0.00 / 1.00 / 0.98 / 0.00"
        Perturbation[][] variants = [[], [Ferrostatin1(1)], [Deferoxamine(100)], [ZincProtoporphyrin(10)]];
        double[] expected = [0.00, 1.00, 0.98, 0.00];
        var onfh = new CellSimulationOptions { Scenario = DiseaseScenario.SteroidOsteonecrosis };
        var s = Assay.Map(variants, v => Assay.Survival(BoneCell.Osteocyte, 72, v, onfh));
        Assert.Multiple(() =>
        {
            for (int i = 0; i < variants.Length; i++)
            {
                Survival(s[i], expected[i], $"ONFH variant {i}");
            }
        });
    }
}
