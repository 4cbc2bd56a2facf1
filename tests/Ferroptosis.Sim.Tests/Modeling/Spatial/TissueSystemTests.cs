using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Modeling.Spatial;

/// <summary>The assembled tissue system: its Jacobian against dense finite differences, symmetry of a uniform lattice, exchange conservation, heterogeneity and allocation-free evaluation.</summary>
public sealed class TissueSystemTests
{
    [Test]
    public void SparseJacobian_OnSmallHeterogeneousLattice_EqualsDenseCentralDifferences()
    {
        var tissue = Brusselators(CellTopology.Lattice(3, 4, 0.7));
        tissue.SetCellParameter(5, "B", 2.2);
        var random = new Random(7);
        var y = Enumerable.Range(0, tissue.Dimension).Select(_ => 0.2 + (3 * random.NextDouble())).ToArray();
        int n = tissue.Dimension;
        var pattern = tissue.JacobianPattern;
        var values = new double[pattern.NonZeros];
        tissue.EvaluateSparseJacobian(0, y, values);
        var fd = NumericJacobian.CentralDifferences(tissue, 0, y);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int e = pattern.IndexOf(i, j);
                double expected = fd[(i * n) + j];
                double actual = e < 0 ? 0 : values[e];
                Assert.That(actual, Is.EqualTo(expected).Within(1e-6 * Math.Max(1, Math.Abs(expected))), $"entry ({i}, {j}), in pattern: {e >= 0}");
            }
        }

        // Block structure: 2×2 cell blocks (the Brusselator's Jacobian is full) plus, per coupled species, one entry per
        // neighbour: 12 cells · 4 + 2 species · 2 · 17 edges.
        Assert.That(pattern.NonZeros, Is.EqualTo((12 * 4) + (2 * 2 * 17)));
    }

    [Test]
    public void UniformLattice_StaysUniform_AndFollowsTheSingleCell()
    {
        var cell = SpatialTestModels.Compile(SpatialTestModels.Brusselator);
        var tissue = new TissueSystem(cell, CellTopology.Lattice(12, 20, 0.5), [new SpeciesCoupling("u", 0.2), new SpeciesCoupling("v", 0.02)]);
        Assert.That(tissue.Dimension, Is.GreaterThanOrEqualTo(LinearSolverChoice.AutoSparseThreshold), "large enough for the sparse LU under Auto");
        double[] times = [0, 2.5, 5];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 };
        var result = tissue.Simulate(tissue.InitialState(), times, OdeSolvers.Bdf, options);
        var single = Sim.Ode.Ode.Solve(new OdeProblem(cell.CreateInstance(), 0, 5, cell.InitialState()), OdeSolvers.Bdf, options with { OutputTimes = times });
        Assert.That(result.IsSuccess, result.Solution.Message);
        foreach (string id in new[] { "u", "v" })
        {
            var values = result.Values(id);
            for (int p = 0; p < times.Length; p++)
            {
                double alone = single[p, cell.IndexOfState(id)];
                for (int c = 0; c < tissue.CellCount; c++)
                {
                    Assert.That(values[p, c], Is.EqualTo(values[p, 0]).Within(1e-10), $"{id} in cell {c} at t = {times[p]}");
                }

                Assert.That(values[p, 0], Is.EqualTo(alone).Within(1e-6 * Math.Max(1, Math.Abs(alone))), $"{id} against one cell at t = {times[p]}");
            }
        }
    }

    [Test]
    public void Exchange_OnWeightedGraph_ConservesTheTotal_AndHeterogeneityActsOnOneCell()
    {
        double[] x = [0, 1, 2, 0.5];
        double[] y = [0, 0, 0, 1];
        var graph = CellTopology.Graph(x, y, [new CellEdge(0, 1, 1.0), new CellEdge(1, 2, 0.3), new CellEdge(0, 3, 2.5), new CellEdge(2, 3, 0.8)]);
        var tissue = Brusselators(graph);
        var random = new Random(3);
        var state = Enumerable.Range(0, tissue.Dimension).Select(_ => random.NextDouble()).ToArray();
        var withExchange = new double[tissue.Dimension];
        tissue.Evaluate(0, state, withExchange);
        var uncoupled = new TissueSystem(tissue.Cell, graph, []);
        var reactionOnly = new double[tissue.Dimension];
        uncoupled.Evaluate(0, state, reactionOnly);
        foreach (string id in new[] { "u", "v" })
        {
            double total = Enumerable.Range(0, 4).Sum(c => withExchange[tissue.IndexOf(c, id)] - reactionOnly[tissue.IndexOf(c, id)]);
            Assert.That(total, Is.EqualTo(0).Within(1e-14), $"exchange of {id} conserves the total");
        }

        uncoupled.SetCellParameter(2, "A", 5);
        var heterogeneous = new double[tissue.Dimension];
        uncoupled.Evaluate(0, state, heterogeneous);
        for (int k = 0; k < tissue.Dimension; k++)
        {
            bool changed = k == uncoupled.IndexOf(2, "u");
            Assert.That(heterogeneous[k] - reactionOnly[k], changed ? Is.EqualTo(4).Within(1e-12) : Is.Zero, $"state {k}");
        }

        Assert.That(uncoupled.GetCellParameter(2, "A"), Is.EqualTo(5));
        Assert.That(uncoupled.GetCellParameter(1, "A"), Is.EqualTo(1));
    }

    [Test]
    public void Evaluations_AllocateNothing()
    {
        var tissue = Brusselators(CellTopology.Lattice(8, 8, 1));
        tissue.SetCellParameter(3, "A", 1.5);
        var y = tissue.InitialState();
        var dydt = new double[tissue.Dimension];
        var values = new double[tissue.JacobianPattern.NonZeros];
        tissue.Evaluate(0, y, dydt);
        tissue.EvaluateSparseJacobian(0, y, values);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            tissue.Evaluate(0, y, dydt);
            tissue.EvaluateSparseJacobian(0, y, values);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Constructor_RejectsUnknownOrRepeatedCouplings()
    {
        var cell = SpatialTestModels.Compile(SpatialTestModels.Brusselator);
        var line = CellTopology.Line(3, 1);
        Assert.Throws<ArgumentException>(() => _ = new TissueSystem(cell, line, [new SpeciesCoupling("w", 1)]));
        Assert.Throws<ArgumentException>(() => _ = new TissueSystem(cell, line, [new SpeciesCoupling("u", 1), new SpeciesCoupling("u", 2)]));
        Assert.Throws<ArgumentException>(() => _ = new TissueSystem(cell, line, [new SpeciesCoupling("u", -1)]));
        Assert.Throws<ArgumentException>(() => CellTopology.Graph([0, 1], [0, 0], [new CellEdge(0, 0, 1)]));
    }

    private static TissueSystem Brusselators(CellTopology topology)
    {
        CompiledModel cell = SpatialTestModels.Compile(SpatialTestModels.Brusselator);
        return new TissueSystem(cell, topology, [new SpeciesCoupling("u", 0.4), new SpeciesCoupling("v", 0.1)]);
    }
}
