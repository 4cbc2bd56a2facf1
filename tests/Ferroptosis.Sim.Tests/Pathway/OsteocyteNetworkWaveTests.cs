using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>
/// The trigger wave in an osteocyte network: osteocytes (v2 parameter set) on a jittered grid 30 µm apart in a strip
/// 3 mm × 180 µm, each linked to its k nearest neighbours (the union of the links, so about k + 1 per cell), the
/// extracellular peroxide exchanged along every link with weight 1/d². On such a graph the exchange approximates
/// diffusion with an effective coefficient D·z/4 (z links per cell; 4 on the square lattice), so a better-connected
/// network should carry a faster wave: the speed of a bistable front grows with sqrt(D).
/// </summary>
public sealed class OsteocyteNetworkWaveTests
{
    private const int Columns = 100;
    private const int Rows = 6;
    private const double Spacing = 30;

    [Test]
    public void PrimedOsteocyteNetwork_CarriesTheWave_FasterWhenBetterConnected()
    {
        var (sparse, sparseLinks) = Speed(neighbours: 4);
        var (dense, denseLinks) = Speed(neighbours: 10);
        TestContext.Out.WriteLine($"speed {sparse * 60:F0} µm/h ({sparse:F2} µm/min) with {sparseLinks:F1} links per cell, {dense * 60:F0} µm/h ({dense:F2} µm/min) with {denseLinks:F1}");
        Assert.Multiple(() =>
        {
            Assert.That(denseLinks, Is.InRange(10, 14), "about 10 neighbours per cell");
            Assert.That(sparse, Is.GreaterThan(1), "the sparse network carries a wave (µm/min)");
            Assert.That(dense, Is.GreaterThan(1.2 * sparse), "more links, faster wave");

            // Scaling x by sqrt(D) maps a front of one D onto another, so c ∝ sqrt(D_eff) ∝ sqrt(z) up to the
            // discreteness of the network (measured 1.54 against sqrt(11.1/4.4) = 1.59).
            Assert.That(dense / sparse / Math.Sqrt(denseLinks / sparseLinks), Is.InRange(0.9, 1.1), "speed ∝ sqrt(links per cell)");
        });
    }

    [Test]
    public void UnprimedOsteocyteNetwork_DoesNotCarryTheWave()
    {
        var topology = Network(neighbours: 10, out _);
        var tissue = TriggerWaveModel.CreateTissue(topology, BoneCell.Osteocyte);
        var result = Simulate(tissue, erastin: 0, hours: 6);
        var far = Enumerable.Range(0, topology.CellCount).Where(c => topology.X[c] > 800).ToArray();
        Assert.That(result.FractionBelow("S", 0.5, far)[^1], Is.Zero, "osteocytes 400 µm beyond the seeded region died");
    }

    private static (double SpeedPerMinute, double LinksPerCell) Speed(int neighbours)
    {
        var topology = Network(neighbours, out double links);
        var tissue = TriggerWaveModel.CreateTissue(topology, BoneCell.Osteocyte);
        var result = Simulate(tissue, erastin: 1, hours: 5);
        Assert.That(result.IsSuccess, Is.True, result.Solution.Message);
        int[] middleRow = [.. Enumerable.Range(0, Columns).Select(c => ((Rows / 2) * Columns) + c)];
        var front = TravellingFront.Measure(result, "LPO", 10, middleRow, fitFrom: 1, fitTo: 4);
        return (front.Speed / 60, links);
    }

    private static TissueResult Simulate(TissueSystem tissue, double erastin, double hours)
    {
        TriggerWaveModel.SetEverywhere(tissue, "erastin", erastin);
        var y = TriggerWaveModel.PrimedState(tissue, erastin, TimeSpan.FromHours(24), BoneCell.Osteocyte);
        for (int c = 0; c < tissue.CellCount; c++)
        {
            if (tissue.Topology.X[c] < 400)
            {
                y[tissue.IndexOf(c, "LPO")] = 60;
            }
        }

        double[] times = [.. Enumerable.Range(0, (int)(2 * hours) + 1).Select(t => 0.5 * t)];
        return tissue.Simulate(y, times, options: new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8 });
    }

    private static CellTopology Network(int neighbours, out double linksPerCell)
    {
        var random = new Random(21);
        int count = Rows * Columns;
        var x = new double[count];
        var y = new double[count];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                x[(r * Columns) + c] = (c * Spacing) + ((random.NextDouble() - 0.5) * 0.3 * Spacing);
                y[(r * Columns) + c] = (r * Spacing) + ((random.NextDouble() - 0.5) * 0.3 * Spacing);
            }
        }

        var links = new HashSet<(int, int)>();
        for (int i = 0; i < count; i++)
        {
            int at = i;
            foreach (int j in Enumerable.Range(0, count).Where(j => j != at).OrderBy(j => double.Hypot(x[j] - x[at], y[j] - y[at])).Take(neighbours))
            {
                links.Add((Math.Min(i, j), Math.Max(i, j)));
            }
        }

        linksPerCell = 2.0 * links.Count / count;
        return CellTopology.Graph(x, y, links.Select(l =>
        {
            double d = double.Hypot(x[l.Item1] - x[l.Item2], y[l.Item1] - y[l.Item2]);
            return new CellEdge(l.Item1, l.Item2, 1 / (d * d));
        }));
    }
}
