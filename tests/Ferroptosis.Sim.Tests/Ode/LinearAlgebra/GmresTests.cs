using Ferroptosis.Sim.Ode.LinearAlgebra;
using Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>GMRES solves what dense LU solves on random nonsymmetric systems, meets its scaled residual bound, and reports stagnation as a failure.</summary>
public sealed class GmresTests
{
    [TestCase(5, 5, 0)]
    [TestCase(30, 30, 0)]
    [TestCase(120, 10, 60)]
    [TestCase(120, 30, 20)]
    public void Solve_AgreesWithDenseLu_OnDiagonallyDominantNonsymmetricSystems(int n, int dimension, int restarts)
    {
        var random = new Random(n + (7 * dimension));
        var a = RandomMatrices.Create("random", n, random, dominantDiagonal: true);
        var b = RandomMatrices.Vector(n, random);
        var expected = RandomMatrices.DenseSolve(a, n, b)!;
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        var op = new DenseOperator(a, n, preconditioned: false);
        var gmres = new Gmres(n, dimension, restarts);
        var x = (double[])b.Clone();
        var outcome = gmres.Solve(op, x, weights, 1e-12);
        TestContext.Out.WriteLine($"n = {n}, dimension {dimension}: {outcome}, {gmres.Iterations} iterations, residual {gmres.ResidualNorm:G3}");
        Assert.That(outcome, Is.EqualTo(GmresOutcome.Converged));
        Assert.That(RandomMatrices.RelativeDifference(x, expected), Is.LessThan(1e-9));
    }

    [Test]
    public void Solve_MeetsTheScaledPreconditionedResidualBound()
    {
        // A well-conditioned nonsymmetric matrix that is not diagonally dominant, with a diagonal (Jacobi)
        // preconditioner and weights spread over four decades: the bound holds for ‖D·P⁻¹·(b − A·x)‖₂ itself.
        const int n = 60;
        var random = new Random(11);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[(i * n) + j] = (random.NextDouble() - 0.5) / Math.Sqrt(n);
            }

            a[(i * n) + i] += 1.0 + (3.0 * random.NextDouble());
        }

        var b = RandomMatrices.Vector(n, random);
        var weights = Enumerable.Range(0, n).Select(i => Math.Pow(10, 4.0 * i / n)).ToArray();
        var op = new DenseOperator(a, n, preconditioned: true);
        var gmres = new Gmres(n, 8, 40);
        var x = (double[])b.Clone();
        const double tolerance = 1e-6;
        var outcome = gmres.Solve(op, x, weights, tolerance);

        var residual = new double[n];
        ((IKrylovOperator)op).Multiply(x, residual);
        for (int i = 0; i < n; i++)
        {
            residual[i] = b[i] - residual[i];
        }

        ((IKrylovOperator)op).Precondition(residual);
        double norm = Math.Sqrt(residual.Select((r, i) => r * weights[i] * r * weights[i]).Sum());
        TestContext.Out.WriteLine($"{outcome}, {gmres.Iterations} iterations, reported {gmres.ResidualNorm:G3}, true {norm:G3}");
        Assert.That(outcome, Is.EqualTo(GmresOutcome.Converged));
        Assert.That(norm, Is.LessThanOrEqualTo(tolerance * 1.0001));
        Assert.That(RandomMatrices.RelativeDifference(x, RandomMatrices.DenseSolve(a, n, b)!), Is.LessThan(1e-3));
    }

    [Test]
    public void Solve_WithTheExactInverseAsPreconditioner_TakesOneIteration()
    {
        const int n = 40;
        var random = new Random(5);
        var a = RandomMatrices.Create("grid", n, random, dominantDiagonal: false);
        var b = RandomMatrices.Vector(n, random);
        var expected = RandomMatrices.DenseSolve(a, n, b);
        Assume.That(expected, Is.Not.Null);
        var op = new DenseOperator(a, n, preconditioned: true, exactPreconditioner: true);
        var gmres = new Gmres(n, 5, 0);
        var x = (double[])b.Clone();
        var outcome = gmres.Solve(op, x, Enumerable.Repeat(1.0, n).ToArray(), 1e-10);
        Assert.That(outcome, Is.EqualTo(GmresOutcome.Converged));
        Assert.That(gmres.Iterations, Is.EqualTo(1));
        Assert.That(RandomMatrices.RelativeDifference(x, expected!), Is.LessThan(1e-9));
    }

    [Test]
    public void Solve_OnACyclicShift_StagnatesAndReportsFailure()
    {
        // A = cyclic shift, b = e₀: every Krylov space of dimension k < n gives A·x ⟂ b, so no iterate reduces the
        // residual at all, restarts or not.
        const int n = 20;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[(((i + 1) % n) * n) + i] = 1.0;
        }

        var b = new double[n];
        b[0] = 1.0;
        var gmres = new Gmres(n, 5, 3);
        var outcome = gmres.Solve(new DenseOperator(a, n, preconditioned: false), b, Enumerable.Repeat(1.0, n).ToArray(), 1e-8);
        Assert.That(outcome, Is.EqualTo(GmresOutcome.Failed));
        Assert.That(gmres.ResidualNorm, Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Solve_ThatOnlyReducesTheResidual_SaysSo()
    {
        // A = I + 2·shift: the residual falls geometrically but slowly (|λ| ranges over [1, 3]), not to 1e-10 in
        // three iterations.
        const int n = 50;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = 1.0;
            a[(((i + 1) % n) * n) + i] = 2.0;
        }

        var b = RandomMatrices.Vector(n, new Random(3));
        var gmres = new Gmres(n, 3, 0);
        var outcome = gmres.Solve(new DenseOperator(a, n, preconditioned: false), b, Enumerable.Repeat(1.0, n).ToArray(), 1e-10);
        Assert.That(outcome, Is.EqualTo(GmresOutcome.ResidualReduced));
        Assert.That(gmres.ResidualNorm, Is.GreaterThan(1e-10));
    }

    [Test]
    public void Solve_WithAZeroRightHandSide_ReturnsZeroWithoutIterating()
    {
        var gmres = new Gmres(3, 3, 0);
        var x = new double[3];
        var outcome = gmres.Solve(new DenseOperator([2, 0, 0, 0, 2, 0, 0, 0, 2], 3, preconditioned: false), x, [1.0, 1.0, 1.0], 1e-10);
        Assert.That(outcome, Is.EqualTo(GmresOutcome.Converged));
        Assert.That(gmres.Iterations, Is.Zero);
        Assert.That(x, Is.All.EqualTo(0.0));
    }

    /// <summary>A dense row-major matrix, preconditioned by its diagonal, by its exact LU, or not at all.</summary>
    private sealed class DenseOperator : IKrylovOperator
    {
        private readonly double[] _a;
        private readonly int _n;
        private readonly bool _preconditioned;
        private readonly double[]? _lu;
        private readonly int[] _pivots;

        public DenseOperator(double[] a, int n, bool preconditioned, bool exactPreconditioner = false)
        {
            _a = a;
            _n = n;
            _preconditioned = preconditioned;
            _pivots = new int[n];
            if (exactPreconditioner)
            {
                _lu = (double[])a.Clone();
                Assert.That(DenseLu.Factor(_lu, n, _pivots), Is.True);
            }
        }

        bool IKrylovOperator.Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            for (int i = 0; i < _n; i++)
            {
                double sum = 0;
                for (int j = 0; j < _n; j++)
                {
                    sum += _a[(i * _n) + j] * v[j];
                }

                result[i] = sum;
            }

            return true;
        }

        void IKrylovOperator.Precondition(Span<double> v)
        {
            if (_lu is not null)
            {
                DenseLu.Solve(_lu, _n, _pivots, v);
                return;
            }

            if (_preconditioned)
            {
                for (int i = 0; i < _n; i++)
                {
                    v[i] /= _a[(i * _n) + i];
                }
            }
        }
    }
}
