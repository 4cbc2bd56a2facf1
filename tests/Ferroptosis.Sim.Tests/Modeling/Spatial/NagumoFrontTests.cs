using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Modeling.Spatial;

/// <summary>
/// The bistable front of u_t = D u_xx + k u (1 − u)(u − a), replicated over a line of cells, moves at the analytic speed
/// c = sqrt(D k / 2)(1 − 2a) (Keener and Sneyd, Mathematical Physiology I, 2nd ed., 2009, ch. 6): the profile
/// u = 1 / (1 + exp((x − ct)/w)), w = sqrt(2D/k), is an exact travelling wave of the continuous equation.
/// </summary>
public sealed class NagumoFrontTests
{
    private const double D = 1;
    private const double K = 1;
    private const double A = 0.25;
    private static readonly double ExactSpeed = Math.Sqrt(D * K / 2) * (1 - (2 * A));

    [Test]
    public void FrontSpeed_OnLineOfCells_MatchesAnalyticSpeed()
    {
        // 300 cells, h = 0.5 (h/w = 0.35, w the front width). The semi-discrete front is slower than the continuous one by
        // O(h²): measured −0.26 % here (0.352622 against 0.353553) and −1.07 % at h = 1, a factor 4.06 per halving of h
        // (next test). The tolerance, 0.5 %, is about twice the h = 0.5 discretisation error; the time integration
        // (rtol 1e-8) and the fit of 19 front positions contribute well below 0.01 %.
        double error = RelativeSpeedError(cells: 300, spacing: 0.5);
        Assert.That(Math.Abs(error), Is.LessThan(5e-3), $"relative speed error {error:P3}");
    }

    [Test]
    public void FrontSpeedError_ShrinksQuadraticallyWithSpacing()
    {
        // O(h²): halving h divides the error by about 4 (allow 2.5 … 6 for the fit and integration noise).
        double coarse = RelativeSpeedError(cells: 150, spacing: 1.0);
        double fine = RelativeSpeedError(cells: 300, spacing: 0.5);
        Assert.That(Math.Abs(coarse / fine), Is.InRange(2.5, 6), $"errors {coarse:P3} at h = 1, {fine:P3} at h = 0.5");
    }

    [Test]
    public void PlanarFront_OnLattice_MovesAtTheSpeedOfTheLine()
    {
        // A front seeded along the left edge of an 8 × 150 lattice (h = 0.5) stays planar: every row matches the line.
        const int rows = 8, columns = 150;
        const double spacing = 0.5;
        var (tissue, y0) = SeededTissue(CellTopology.Lattice(rows, columns, spacing), (x, _) => x - 10);

        var times = Enumerable.Range(0, 11).Select(i => 10.0 * i).ToArray();
        var result = tissue.Simulate(y0, times, OdeSolvers.Bdf, new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });
        Assert.That(result.IsSuccess, result.Solution.Message);
        for (int r = 0; r < rows; r++)
        {
            var path = Enumerable.Range(r * columns, columns).ToArray();
            var front = TravellingFront.Measure(result, "u", threshold: 0.5, path, fitFrom: 20);
            Assert.That((front.Speed - ExactSpeed) / ExactSpeed, Is.EqualTo(-2.634e-3).Within(1e-3), $"row {r}");
        }
    }

    [TestCase(KrylovPreconditioner.SymmetricGaussSeidel)]
    [TestCase(KrylovPreconditioner.BlockJacobi)]
    public void PlanarFront_OnLattice_WithNewtonKrylov_MovesAtTheSpeedOfTheLine(KrylovPreconditioner preconditioner)
    {
        // The lattice test above with BDF's Newton–Krylov path (Gauss–Seidel, or block-Jacobi over the cells): the same front speed.
        const int rows = 8, columns = 150;
        var (tissue, y0) = SeededTissue(CellTopology.Lattice(rows, columns, 0.5), (x, _) => x - 10);
        var times = Enumerable.Range(0, 11).Select(i => 10.0 * i).ToArray();
        var options = new OdeSolverOptions
        {
            RelativeTolerance = 1e-8,
            AbsoluteTolerance = 1e-10,
            LinearSolver = LinearSolverChoice.Krylov(preconditioner, blockSize: tissue.StatesPerCell),
        };
        var result = tissue.Simulate(y0, times, OdeSolvers.Bdf, options);
        TestContext.Out.WriteLine(result.Solution.Statistics.ToString());
        Assert.That(result.IsSuccess, result.Solution.Message);
        Assert.That(result.Solution.Statistics.LinearIterations, Is.GreaterThan(0));
        for (int r = 0; r < rows; r++)
        {
            var front = TravellingFront.Measure(result, "u", threshold: 0.5, Enumerable.Range(r * columns, columns).ToArray(), fitFrom: 20);
            Assert.That((front.Speed - ExactSpeed) / ExactSpeed, Is.EqualTo(-2.634e-3).Within(1e-3), $"row {r}");
        }
    }

    [Test]
    public void CornerFront_OnLargeLattice_SolvesWithSparseLu()
    {
        // 128 × 128 cells (16 384 states, h = 0.25, the CVODE harness's TRIGGER grid at N = 128) seeded in a corner, to
        // t = 40: far beyond dense LU, about 2 s with the sparse LU chosen by LinearSolverChoice.Auto.
        const int side = 128;
        const double spacing = 0.25;
        var (tissue, y0) = SeededTissue(CellTopology.Lattice(side, side, spacing), (x, y) => double.Hypot(x, y) - 4);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = tissue.Simulate(y0, [0, 20, 40], OdeSolvers.Bdf, new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 });
        TestContext.Out.WriteLine($"{tissue.Dimension} states: {clock.Elapsed.TotalSeconds:F1} s, {result.Solution.Statistics}");
        Assert.That(result.IsSuccess, result.Solution.Message);

        // Along the bottom edge the curved front advances, more slowly than a planar one (curvature), but steadily.
        var front = TravellingFront.Measure(result, "u", threshold: 0.5, Enumerable.Range(0, side).ToArray());
        Assert.That(front.Positions[2], Is.GreaterThan(front.Positions[1]).And.GreaterThan(front.Positions[0]));
        Assert.That((front.Positions[2] - front.Positions[1]) / 20, Is.InRange(0.6 * ExactSpeed, ExactSpeed));
    }

    private static double RelativeSpeedError(int cells, double spacing)
    {
        // The exact wave profile, centred at x = 20.
        var (tissue, y0) = SeededTissue(CellTopology.Line(cells, spacing), (x, _) => x - 20);

        var times = Enumerable.Range(0, 21).Select(i => 10.0 * i).ToArray();
        var result = tissue.Simulate(y0, times, OdeSolvers.Bdf, new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });
        Assert.That(result.IsSuccess, result.Solution.Message);

        // The front travels from x = 20 to about x = 90 by t = 200, far from the wall at x = 149.5.
        var front = TravellingFront.Measure(result, "u", threshold: 0.5, fitFrom: 20);
        Assert.That(front.FittedPoints, Is.EqualTo(19));
        TestContext.Out.WriteLine($"h = {spacing}: speed {front.Speed:F6}, exact {ExactSpeed:F6}, relative error {(front.Speed - ExactSpeed) / ExactSpeed:E3}");
        return (front.Speed - ExactSpeed) / ExactSpeed;
    }

    /// <summary>Nagumo cells on a topology, u diffusing with D, seeded with the wave profile 1 / (1 + exp(d/w)) at the signed distance d(x, y) from the front.</summary>
    private static (TissueSystem Tissue, double[] State) SeededTissue(CellTopology topology, Func<double, double, double> distance)
    {
        var cell = SpatialTestModels.Compile(SpatialTestModels.Nagumo);
        var tissue = new TissueSystem(cell, topology, [new SpeciesCoupling("u", D)]);
        var y0 = tissue.InitialState();
        double w = Math.Sqrt(2 * D / K);
        for (int c = 0; c < tissue.CellCount; c++)
        {
            y0[tissue.IndexOf(c, "u")] = 1 / (1 + Math.Exp(distance(topology.X[c], topology.Y[c]) / w));
        }

        return (tissue, y0);
    }
}
