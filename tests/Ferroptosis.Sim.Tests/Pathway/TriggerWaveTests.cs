using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>
/// The ferroptotic trigger wave (Co et al., Nature 631:654, 2024) on a line of osteoblasts 20 µm apart: model v2 with the
/// extracellular-peroxide extension (<see cref="TriggerWaveModel"/>). Every run pre-treats the sheet with erastin for
/// 24 h, then sets lipid peroxidation to 60 (far above the death threshold) in the first 20 cells (400 µm): one dying
/// region. The front is the farthest cell with LPO above 10. Only the extracellular clearance k_PXc was calibrated, to
/// the speed of 5.5 µm/min at 1 µM erastin; the absence of a wave without priming or with inhibitors and the rise of
/// the speed with the dose are predictions.
/// </summary>
public sealed class TriggerWaveTests
{
    private const int SeedCells = 20;
    private const double LpoFront = 10;
    private const double UmPerHourToUmPerMinute = 1.0 / 60;

    [Test]
    public void ExtendedCell_WithoutExtracellularPeroxide_IsTheV2Cell()
    {
        // The extension renames the v2 peroxide tone and adds PX; with PX = 0 every v2 rate is unchanged, here checked
        // away from rest (erastin 2 µM, RSL3 0.1 µM, iron 50 µM: every pathway active) at the v2 resting state.
        var v2 = FerroptosisModel.Version2.Compiled;
        var wave = TriggerWaveModel.Compiled;
        var v2Cell = v2.CreateInstance();
        var waveCell = wave.CreateInstance();
        foreach (var (id, value) in new[] { ("erastin", 2.0), ("rsl3", 0.1), ("fac", 50.0) })
        {
            v2Cell.SetParameter(id, value);
            waveCell.SetParameter(id, value);
        }

        var rest = FerroptosisModel.Version2.RestingState(new Dictionary<string, double>());
        rest[v2.IndexOfState("LPO")] = 3;
        v2Cell.ComputeInitialState(0);
        var y = waveCell.ComputeInitialState(0);
        for (int k = 0; k < rest.Length; k++)
        {
            y[wave.IndexOfState(v2.StateIds[k])] = rest[k];
        }

        var expected = new double[v2.Dimension];
        var actual = new double[wave.Dimension];
        v2Cell.Evaluate(0, rest, expected);
        waveCell.Evaluate(0, y, actual);
        Assert.Multiple(() =>
        {
            Assert.That(wave.Dimension, Is.EqualTo(v2.Dimension + 1));
            for (int k = 0; k < rest.Length; k++)
            {
                Assert.That(actual[wave.IndexOfState(v2.StateIds[k])], Is.EqualTo(expected[k]).Within(1e-12 * (1 + Math.Abs(expected[k]))), v2.StateIds[k]);
            }

            // LPO = 3 releases k_PXc·G_PX·hill(3 − 1, K_PX, n_PX) of peroxide.
            double P(string id) => wave.DefaultParameters[wave.IndexOfParameter(id)];
            double release = P("k_PXc") * P("G_PX") * Math.Pow(2, P("n_PX")) / (Math.Pow(P("K_PX"), P("n_PX")) + Math.Pow(2, P("n_PX")));
            Assert.That(actual[wave.IndexOfState(TriggerWaveModel.PeroxideId)], Is.EqualTo(release).Within(1e-9));
        });
    }

    [Test]
    public void PrimedSheet_SeededByOneDyingRegion_CarriesAFrontOfConstantSpeedInTheMeasuredRange()
    {
        var (result, _) = Run(erastin: 1, cells: 200, hours: 8);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        var early = TravellingFront.Measure(result, "LPO", LpoFront, fitFrom: 1, fitTo: 4);
        var late = TravellingFront.Measure(result, "LPO", LpoFront, fitFrom: 4, fitTo: 7);
        double speedEarly = early.Speed * UmPerHourToUmPerMinute;
        double speedLate = late.Speed * UmPerHourToUmPerMinute;

        // Calibration target: 5.5 µm/min [Co24]; a tolerance of ±0.5 µm/min covers the 20 µm cell discreteness.
        Assert.That(speedLate, Is.InRange(5.0, 6.0), $"speed {speedLate:F2} µm/min over 4-7 h");

        // Constant speed: the two windows agree within 5 %.
        Assert.That(Math.Abs(speedEarly - speedLate) / speedLate, Is.LessThan(0.05), $"speeds {speedEarly:F3} and {speedLate:F3} µm/min");

        // The front kills: the death front (surviving fraction 0.5) follows the peroxidation front at the same speed, and the
        // cells far ahead are alive when the front has crossed half the line.
        var death = TravellingFront.Measure(result, "S", 0.5, fitFrom: 4, fitTo: 7);
        Assert.That(Math.Abs((death.Speed * UmPerHourToUmPerMinute) - speedLate) / speedLate, Is.LessThan(0.1), $"death front {death.Speed * UmPerHourToUmPerMinute:F2} µm/min");
        var dead = result.FractionBelow("S", 0.5);
        Assert.That(dead[0], Is.Zero);
        Assert.That(dead[^1], Is.GreaterThan(0.5));
        Assert.That(result.FractionBelow("S", 0.5, [.. Enumerable.Range(180, 20)])[4], Is.Zero, "cells 3.6 mm away die before the front arrives");
    }

    [Test]
    public void UnprimedSheet_DoesNotPropagate()
    {
        var (result, front) = Run(erastin: 0, cells: 80, hours: 8);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        AssertNoPropagation(result, front);
    }

    [TestCase("fer1", 1.0, TestName = "Ferrostatin1_StopsTheWave")]
    [TestCase("dfo", 100.0, TestName = "Deferoxamine_StopsTheWave")]
    public void Inhibitor_StopsTheWave(string drug, double dose)
    {
        var (result, front) = Run(erastin: 1, cells: 80, hours: 8, drug, dose);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        AssertNoPropagation(result, front);
    }

    [Test]
    public void DirectGpx4Inhibition_DoesNotPrimeAWave()
    {
        // Riegman et al. 2020: death propagates after cystine deprivation (erastin), not after direct GPX4 inhibition. RSL3
        // 0.02 µM peroxidises the cells' lipids more than 1 µM erastin does (LPO 3.1 against 2.7 after 24 h) but leaves their
        // GSH high (3.4 mM against 0.6), and GSH buffers the imported peroxide.
        var (result, front) = Run(erastin: 0, cells: 80, hours: 8, "rsl3", 0.02);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        AssertNoPropagation(result, front);
    }

    [Test]
    public void Speed_GrowsWithPrimingStrength()
    {
        double[] doses = [0.75, 1, 1.5];
        var speeds = doses.Select(e =>
        {
            var (result, _) = Run(e, cells: 120, hours: 7);
            return TravellingFront.Measure(result, "LPO", LpoFront, fitFrom: 2, fitTo: 5).Speed * UmPerHourToUmPerMinute;
        }).ToArray();

        for (int k = 1; k < speeds.Length; k++)
        {
            Assert.That(speeds[k], Is.GreaterThan(1.1 * speeds[k - 1]), $"speeds {string.Join(", ", speeds.Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} µm/min at erastin {string.Join(", ", doses)} µM");
        }
    }

    private static void AssertNoPropagation(TissueResult result, FrontMeasurement front)
    {
        // The seeded region ends at 19 × 20 = 380 µm. Its peroxide reaches about one clearance length, sqrt(D/k_PXc) = 346 µm,
        // and may kill a few bystanders (Co et al. saw bystander death over 2-3 cells), but no front may leave it: nothing
        // beyond 10 cells (200 µm) from its edge may peroxidise or die.
        const int margin = 10;
        double seedEdge = (SeedCells - 1) * TriggerWaveModel.CellSpacing;
        double farthest = front.Positions.Where(p => !double.IsNaN(p)).DefaultIfEmpty(0).Max();
        Assert.That(farthest, Is.LessThan(seedEdge + (margin * TriggerWaveModel.CellSpacing)), $"front reached {farthest:F0} µm");
        var outside = Enumerable.Range(SeedCells + margin, result.Tissue.CellCount - SeedCells - margin).ToArray();
        Assert.That(result.FractionBelow("S", 0.5, outside)[^1], Is.Zero, "cells outside the seeded region died");
    }

    private static (TissueResult Result, FrontMeasurement Front) Run(double erastin, int cells, double hours, string? drug = null, double dose = 0)
    {
        var tissue = TriggerWaveModel.CreateTissue(CellTopology.Line(cells, TriggerWaveModel.CellSpacing));
        TriggerWaveModel.SetEverywhere(tissue, "erastin", erastin);
        if (drug is not null)
        {
            TriggerWaveModel.SetEverywhere(tissue, drug, dose);
        }

        var y = TriggerWaveModel.PrimedState(tissue, erastin, TimeSpan.FromHours(24));
        for (int c = 0; c < SeedCells; c++)
        {
            y[tissue.IndexOf(c, "LPO")] = 60;
        }

        double[] times = [.. Enumerable.Range(0, (int)hours + 1).Select(t => (double)t)];
        var result = tissue.Simulate(y, times, options: new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8 });
        return (result, TravellingFront.Measure(result, "LPO", LpoFront));
    }
}
