using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// EB-22 (MUST): the published Komarova 2003 single remodelling cycle (BIOMD0000000148, specification §14.1) — a 10-cell
/// osteoclast pulse above the steady state, 0–400 days — and its §15 regression row.
/// </summary>
/// <remarks>
/// References: Komarova et al. 2003 (Bone 33:206–215) Fig. 2 and the curated BioModels entry (osteoblast steady state ≈ 212,
/// corrected x̄2); the prototype's numbers (spec §15): OB peak 395.8 at day 14.1, z minimum 89.8 at day 12.3, z(100 d) 99.77,
/// z(200 d) 99.97, eigenvalues −0.06 ± 0.02i, which also follow in closed form from the Jacobian at the steady state:
/// J = [[β1(g11 − 1), g21·β1·x̄1/x̄2], [g12·β2·x̄2/x̄1, β2(g22 − 1)]] = [[−0.1, −0.0005], [4, −0.02]], trace −0.12, det 0.004.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class Komarova2003Tests
{
    private const double Step = 0.01;

    /// <summary>One cycle, 0–400 days, reported every 0.01 day, at tolerances far below the compared digits.</summary>
    private static readonly Lazy<SimulationResult> Cycle = new(() => Simulator.Simulate(BoneRemodellingModel.PublishedCompiled, new SimulationSettings
    {
        EndTime = 400,
        OutputPoints = (int)(400 / Step) + 1,
        Solver = OdeSolvers.Rodas5P,
        RelativeTolerance = 1e-10,
        AbsoluteTolerance = 1e-10,
    }));

    [Test]
    public void SteadyState_IsTheBioModelsCorrectedOne()
    {
        var run = Cycle.Value;
        Assert.That(run.IsSuccess, Is.True, run.Message);
        Assert.Multiple(() =>
        {
            Assert.That(run[0, "x1_bar"], Is.EqualTo(1.0607).Within(0.001));
            Assert.That(run[0, "x2_bar"], Is.EqualTo(212.13).Within(0.1));

            // The closed form: x̄1 = 0.75/√0.5 = 1.06066, x̄2 = 200·x̄1 = 212.132 (β2/α2 = 1/200 with g12 = 1, g22 = 0).
            var (x1, x2) = BoneRemodellingModel.SteadyState();
            Assert.That(x1, Is.EqualTo(0.75 / Math.Sqrt(0.5)).Within(1e-12));
            Assert.That(x2, Is.EqualTo(200 * 0.75 / Math.Sqrt(0.5)).Within(1e-10));
            Assert.That(run[0, "x1_bar"], Is.EqualTo(x1).Within(1e-12));
        });
    }

    [Test]
    public void OsteoblastPeak_And_BoneMassMinimum_MatchThePublishedCycle()
    {
        var run = Cycle.Value;
        var (peak, peakDay) = Extremum(run, "x2", max: true);
        var (minimum, minimumDay) = Extremum(run, "z", max: false);
        TestContext.Out.WriteLine($"OB peak {peak:F2} at day {peakDay:F2}; z minimum {minimum:F3} at day {minimumDay:F2}; z(100) {At(run, 100, "z"):F3}; z(200) {At(run, 200, "z"):F3}");
        Assert.Multiple(() =>
        {
            // EB-22 pass criteria.
            Assert.That(peak, Is.InRange(390.0, 400.0));
            Assert.That(peakDay, Is.EqualTo(14).Within(1));
            Assert.That(minimum, Is.InRange(89.0, 91.0));
            Assert.That(minimumDay, Is.EqualTo(12).Within(1));
            Assert.That(At(run, 200, "z"), Is.EqualTo(100).Within(0.5));

            // §15 regression row, within the rounding of the printed digits.
            Assert.That(peak, Is.EqualTo(395.8).Within(0.1));
            Assert.That(peakDay, Is.EqualTo(14.1).Within(0.06));
            Assert.That(minimum, Is.EqualTo(89.8).Within(0.05));
            Assert.That(minimumDay, Is.EqualTo(12.3).Within(0.06));
            Assert.That(At(run, 100, "z"), Is.EqualTo(99.77).Within(0.006));
            Assert.That(At(run, 200, "z"), Is.EqualTo(99.97).Within(0.006));
        });
    }

    [Test]
    public void RestingPoint_IsAStableFocus_FromTheSteadyStateAnalysis()
    {
        // z has no steady state of its own (dz/dt does not depend on z): hold it, and analyse the populations.
        var result = SteadyState.Find(BoneRemodellingModel.PublishedCompiled, new SteadyStateOptions
        {
            InitialValues = new Dictionary<string, double> { ["x1"] = 1.0, ["x2"] = 210 },
            Fixed = ["z"],
        });
        TestContext.Out.WriteLine(result.Message);
        Assert.That(result.IsConverged, Is.True, result.Message);
        Assert.Multiple(() =>
        {
            Assert.That(result["x1"], Is.EqualTo(1.0607).Within(0.001));
            Assert.That(result["x2"], Is.EqualTo(212.13).Within(0.1));
            Assert.That(result.Stability, Is.EqualTo(SteadyStateStability.Stable));
            Assert.That(result.Eigenvalues, Has.Count.EqualTo(2));
            foreach (var eigenvalue in result.Eigenvalues)
            {
                Assert.That(eigenvalue.Real, Is.EqualTo(-0.06).Within(1e-9));
                Assert.That(Math.Abs(eigenvalue.Imaginary), Is.EqualTo(0.02).Within(1e-9));
            }
        });
    }

    [Test]
    public void Trajectory_ReturnsToTheSteadyState_AsADampedOscillation()
    {
        // Successive extremes of x2 − x̄2 alternate in sign and shrink (period 2π/0.02 ≈ 314 d, decay e^(−0.06 t): each
        // overshoot is e^(−0.06·π/0.02) ≈ 8e-5 of the one before, so only extremes above the solver's noise (1e-5 cells) count).
        var run = Cycle.Value;
        var deviation = run.GetColumn("x2").Select(x => x - run[0, "x2_bar"]).ToArray();
        var extremes = new List<double>();
        for (int k = 1; k < deviation.Length - 1; k++)
        {
            if ((deviation[k] - deviation[k - 1]) * (deviation[k + 1] - deviation[k]) < 0 && Math.Abs(deviation[k]) > 1e-5)
            {
                extremes.Add(deviation[k]);
            }
        }

        TestContext.Out.WriteLine($"extremes of x2 − x̄2: {string.Join(", ", extremes.Select(e => e.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.That(extremes, Has.Count.GreaterThanOrEqualTo(2));
        Assert.Multiple(() =>
        {
            for (int k = 1; k < extremes.Count; k++)
            {
                Assert.That(Math.Sign(extremes[k]), Is.EqualTo(-Math.Sign(extremes[k - 1])), "extremes alternate in sign");
                Assert.That(Math.Abs(extremes[k]), Is.LessThan(Math.Abs(extremes[k - 1])), "and shrink");
            }

            Assert.That(Math.Abs(deviation[^1]), Is.LessThan(1e-3 * Math.Abs(extremes[0])));
            Assert.That(Math.Abs(run.GetColumn("x1")[^1] - run[0, "x1_bar"]), Is.LessThan(1e-4));
        });
    }

    private static (double Value, double Day) Extremum(SimulationResult run, string name, bool max)
    {
        var column = run.GetColumn(name);
        int best = 0;
        for (int k = 1; k < column.Length; k++)
        {
            if (max ? column[k] > column[best] : column[k] < column[best])
            {
                best = k;
            }
        }

        return (column[best], run.Times[best]);
    }

    private static double At(SimulationResult run, double day, string name) => run.GetColumn(name)[(int)Math.Round(day / Step)];
}
