using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Pathway.Contract;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>A tissue of different cells: cell-to-cell variability drawn from the virtual-population distributions (<see cref="TissueVariation"/>), each cell primed with its own values, and the trigger wave in such a line.</summary>
/// <remarks>
/// The variability is the population test's: every kinetic constant of model v2 (<see cref="PopulationProbe.Factors"/>)
/// multiplied by a lognormal factor of mean 1 and CV 10 % or 20 %. The wave's behaviours in a heterogeneous line are
/// predictions: the extension was calibrated on a uniform sheet only.
/// </remarks>
[TestFixture]
public sealed class HeterogeneousTissueTests
{
    private const int SeedCells = 20;
    private const double LpoFront = 10;

    /// <summary>The uniform primed line that the varied ones are compared with (the same for every seed).</summary>
    private static readonly Lazy<TissueResult> Uniform = new(() => Run(erastin: 1, variation: null, seed: 0, cells: 150, hours: 12).Result);

    private static IReadOnlyList<CellVariation> Variation(double cv) =>
        [.. PopulationProbe.Factors(FerroptosisModel.Version2).Select(id => new CellVariation(new ParameterFoldChangeInput(id), InputDistribution.LogNormalFromMean(1, cv)))];

    [Test]
    public void KineticConstants_LeaveOutInputsMultipliersHillCoefficientsAndDerivedValues()
    {
        var v2 = FerroptosisModel.Version2;
        var derived = v2.Network.InitialAssignments.Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(v2.KineticConstants, Does.Contain("V_HO1").And.Contain("Cap").And.Contain("k_G"));
            Assert.That(v2.KineticConstants, Does.Not.Contain("erastin").And.Not.Contain("c_GPX4").And.Not.Contain("n_d").And.Not.Contain("model_version"));
            Assert.That(v2.KineticConstants.Where(derived.Contains), Is.Empty);
            Assert.That(v2.KineticConstants, Is.Unique);
        });
    }

    [Test]
    public void TissueVariation_GivesCellCTheInputsOfCellCOfAVirtualPopulation()
    {
        var cell = ModelCompiler.Compile(AntimonyReader.Read("compartment c = 1; species u in c = 0.1; k = 2; K = 0.5; J: -> u; k*u*(1 - u)*(u - K)", "nagumo"));
        var variation = new[]
        {
            new CellVariation(new ParameterFoldChangeInput("k"), InputDistribution.LogNormalFromMean(1, 0.2)),
            new CellVariation(new ParameterInput("K"), InputDistribution.Uniform(0.2, 0.4)),
            new CellVariation(new InitialValueInput("u"), InputDistribution.Uniform(0, 1)),
        };
        var small = new TissueSystem(cell, CellTopology.Line(5, 1), [new SpeciesCoupling("u", 1)]);
        var large = new TissueSystem(cell, CellTopology.Line(400, 1), [new SpeciesCoupling("u", 1)]);
        var drawnSmall = TissueVariation.Apply(small, variation, seed: 11);
        var drawnLarge = TissueVariation.Apply(large, variation, seed: 11);

        // The population tools draw the same cells with the same seed.
        var population = Ensemble.Run(
            new ResponseFunction(["k", "K", "u"], ["zero"], (_, outputs) => outputs[0] = 0),
            [.. variation.Select(v => v.Distribution)],
            new EnsembleOptions { Cells = 400, Seed = 11, KeepSamples = true });
        double[] folds = population.GetInputSamples("k"), halves = population.GetInputSamples("K"), starts = population.GetInputSamples("u");
        var y = large.InitialState();
        Assert.Multiple(() =>
        {
            Assert.That(drawnSmall, Is.EqualTo(drawnLarge.Take(15)), "a cell's values do not depend on the tissue's size");
            for (int c = 0; c < 400; c++)
            {
                Assert.That(large.GetCellParameter(c, "k"), Is.EqualTo(2 * folds[c]), $"cell {c}: k");
                Assert.That(large.GetCellParameter(c, "K"), Is.EqualTo(halves[c]), $"cell {c}: K");
                Assert.That(y[large.IndexOf(c, "u")], Is.EqualTo(starts[c]), $"cell {c}: u(0)");
            }

            // And the draws have the requested spread: mean 1 and CV 0.2 within four standard errors.
            Assert.That(folds.Average(), Is.EqualTo(1).Within(4 * 0.2 / Math.Sqrt(400)));
            double sd = Math.Sqrt(folds.Sum(f => (f - folds.Average()) * (f - folds.Average())) / 399);
            Assert.That(sd, Is.EqualTo(0.2).Within(4 * 0.2 / Math.Sqrt(2 * 399)));
        });
    }

    [Test]
    public void PrimedState_PrimesEachCellWithItsOwnValues_AndUniformCellsAsBefore()
    {
        // Three cells: 0 and 2 uniform, 1 with half the GPX4 expression. Cells 0 and 2 must get the uniform tissue's primed
        // state exactly; cell 1 must start from its own resting state, so without priming it is the v2 resting state of a
        // cell with that value.
        var uniform = TriggerWaveModel.CreateTissue(CellTopology.Line(1, TriggerWaveModel.CellSpacing));
        TriggerWaveModel.SetEverywhere(uniform, "erastin", 1);
        var mixed = TriggerWaveModel.CreateTissue(CellTopology.Line(3, TriggerWaveModel.CellSpacing));
        TriggerWaveModel.SetEverywhere(mixed, "erastin", 1);
        const double half = 0.5;
        mixed.SetCellParameter(1, "c_GPX4", half);

        var expected = TriggerWaveModel.PrimedState(uniform, 1, TimeSpan.FromHours(24));
        var primed = TriggerWaveModel.PrimedState(mixed, 1, TimeSpan.FromHours(24));
        var resting = TriggerWaveModel.PrimedState(mixed, 1, TimeSpan.Zero);
        var v2 = FerroptosisModel.Version2;
        var ownRest = v2.RestingState(new Dictionary<string, double> { ["c_GPX4"] = half });
        int n = mixed.StatesPerCell;
        Assert.Multiple(() =>
        {
            Assert.That(primed.AsSpan(0, n).ToArray(), Is.EqualTo(expected));
            Assert.That(primed.AsSpan(2 * n, n).ToArray(), Is.EqualTo(expected));
            for (int k = 0; k < ownRest.Length; k++)
            {
                Assert.That(resting[mixed.IndexOf(1, v2.Compiled.StateIds[k])], Is.EqualTo(ownRest[k]), v2.Compiled.StateIds[k]);
            }

            Assert.That(primed[mixed.IndexOf(1, "GPX4")], Is.LessThan(0.75 * primed[mixed.IndexOf(0, "GPX4")]), "the weaker cell has less GPX4");
        });
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    public void UnprimedHeterogeneousLine_DoesNotPropagate(ulong seed)
    {
        var (result, _) = Run(erastin: 0, Variation(0.2), seed, cells: 120, hours: 8);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        var outside = Enumerable.Range(SeedCells + 10, result.Tissue.CellCount - SeedCells - 10).ToArray();
        Assert.That(result.FractionBelow("S", 0.5, outside)[^1], Is.Zero, "cells beyond 10 cells from the seeded region died");
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [Category("Slow")]
    public void PrimedHeterogeneousLine_FragileCellsDieDuringPriming_AndNucleateWavesThatKillTheLineFasterThanOneSeed(ulong seed)
    {
        var uniform = Uniform.Value;
        var (varied, primedDead) = Run(erastin: 1, Variation(0.2), seed, cells: 150, hours: 12);
        Assert.That(uniform.IsSuccess && varied.IsSuccess, Is.True);
        double Hours90(TissueResult r) => r.Times.ToArray().Zip(r.FractionBelow("S", 0.5)).First(p => p.Second >= 0.9).First;
        Assert.Multiple(() =>
        {
            Assert.That(primedDead, Is.GreaterThan(0), "with CV 20 % some cells die during the 24-h priming with 1 µM erastin");
            Assert.That(Hours90(varied), Is.LessThan(Hours90(uniform)), "the line is 90 % dead sooner than with the one seeded region");
            Assert.That(varied.FractionBelow("S", 0.5)[^1], Is.GreaterThanOrEqualTo(0.9), "the waves still sweep the line");
        });
    }

    private static (TissueResult Result, int PrimedDead) Run(double erastin, IReadOnlyList<CellVariation>? variation, ulong seed, int cells, double hours)
    {
        var tissue = TriggerWaveModel.CreateTissue(CellTopology.Line(cells, TriggerWaveModel.CellSpacing));
        TriggerWaveModel.SetEverywhere(tissue, "erastin", erastin);
        if (variation is not null)
        {
            TissueVariation.Apply(tissue, variation, seed);
        }

        var y = TriggerWaveModel.PrimedState(tissue, erastin, TimeSpan.FromHours(24));
        int primedDead = Enumerable.Range(0, cells).Count(c => y[tissue.IndexOf(c, "S")] < 0.5);
        for (int c = 0; c < SeedCells; c++)
        {
            y[tissue.IndexOf(c, "LPO")] = 60;
        }

        double[] times = [.. Enumerable.Range(0, (int)hours + 1).Select(t => (double)t)];
        var result = tissue.Simulate(y, times, options: new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8 });
        TestContext.Out.WriteLine($"erastin {erastin}, {(variation is null ? "uniform" : $"{variation.Count} constants varied")}, seed {seed}: {primedDead} of {cells} dead after priming; dead fraction by hour {string.Join(" ", result.FractionBelow("S", 0.5).Select(f => f.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
        return (result, primedDead);
    }
}
