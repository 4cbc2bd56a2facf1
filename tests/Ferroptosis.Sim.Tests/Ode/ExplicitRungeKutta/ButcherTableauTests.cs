using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Consistency and order conditions of every explicit tableau, generated from rooted trees.</summary>
/// <remarks>
/// A condition Σ w_i g_i(τ) = r holds "to rounding" when the residual is below 256 ε times the sum of
/// the absolute values of its terms (the coefficients are double-precision roundings of the published
/// values, so a correct tableau leaves residuals of a few ε times that scale; a wrong digit leaves
/// residuals of 1e-10 or more).
/// </remarks>
[TestFixture]
public sealed class ButcherTableauTests
{
    private const double RoundingFactor = 256 * 2.220446049250313e-16;

    [Test]
    public void RootedTrees_CountPerOrderIsA000081()
    {
        var trees = RootedTree.UpToOrder(8);
        int[] expected = [1, 1, 2, 4, 9, 20, 48, 115];
        for (int order = 1; order <= 8; order++)
        {
            Assert.That(trees.Count(t => t.Order == order), Is.EqualTo(expected[order - 1]), $"trees of order {order}");
        }

        // Spot checks of γ: the tall tree of order 4 has γ = 4!, the bushy one γ = 4.
        Assert.That(trees.Where(t => t.Order == 4).Select(t => t.Density), Is.EquivalentTo(new[] { 4.0, 8.0, 12.0, 24.0 }));
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Shape_IsConsistent(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        int total = tableau.Stages + tableau.ExtraStages;
        Assert.Multiple(() =>
        {
            Assert.That(solver.Order, Is.EqualTo(tableau.Order));
            Assert.That(tableau.A, Has.Length.EqualTo(total));
            Assert.That(tableau.C, Has.Length.EqualTo(total));
            Assert.That(tableau.BHat, Has.Length.EqualTo(tableau.Stages));
            Assert.That(tableau.Dense.GetLength(0), Is.EqualTo(total));
            Assert.That(tableau.C[0], Is.Zero);
            for (int i = 0; i < total; i++)
            {
                Assert.That(tableau.A[i], Has.Length.EqualTo(i), $"row {i} of A");
            }
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void RowSumsOfA_EqualC(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        for (int i = 0; i < tableau.A.Length; i++)
        {
            double sum = tableau.A[i].Sum();
            double scale = tableau.A[i].Sum(Math.Abs) + Math.Abs(tableau.C[i]);
            Assert.That(sum, Is.EqualTo(tableau.C[i]).Within(RoundingFactor * Math.Max(scale, 1)), $"row {i}");
        }
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Weights_SumToOne(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        Assert.Multiple(() =>
        {
            Assert.That(tableau.B.Sum(), Is.EqualTo(1).Within(RoundingFactor * tableau.B.Sum(Math.Abs)));
            Assert.That(tableau.BHat.Sum(), Is.EqualTo(1).Within(RoundingFactor * tableau.BHat.Sum(Math.Abs)));
            Assert.That(tableau.E.Sum(), Is.Zero.Within(RoundingFactor * tableau.B.Sum(Math.Abs)));
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Solution_SatisfiesEveryOrderCondition_UpToClaimedOrder(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        AssertOrder(tableau, Pad(tableau.B, tableau), tableau.Order, 1, "b");
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void EmbeddedSolution_SatisfiesEveryOrderCondition_UpToEmbeddedOrder(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        AssertOrder(tableau, Pad(tableau.BHat, tableau), tableau.EmbeddedOrder, 1, "b̂");
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void ClaimedOrders_AreExact_NextOrderFails(IOdeSolver solver)
    {
        // The error estimate is only of the claimed order if b̂ really is of order q and not q + 1;
        // likewise the controller's exponents assume the orders are not understated.
        var tableau = ExplicitMethods.TableauOf(solver);
        Assert.Multiple(() =>
        {
            Assert.That(WorstResidual(tableau, Pad(tableau.B, tableau), tableau.Order + 1, 1), Is.GreaterThan(1e-6), "b at order p + 1");
            Assert.That(WorstResidual(tableau, Pad(tableau.BHat, tableau), tableau.EmbeddedOrder + 1, 1), Is.GreaterThan(1e-6), "b̂ at order q + 1");
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void DenseWeights_AtThetaOne_EqualB(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        var weights = ExplicitMethods.DenseWeights(tableau, 1.0);
        var b = Pad(tableau.B, tableau);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < weights.Length; i++)
            {
                double scale = 0;
                for (int m = 0; m < tableau.DenseDegree; m++)
                {
                    scale += Math.Abs(tableau.Dense[i, m]);
                }

                Assert.That(weights[i], Is.EqualTo(b[i]).Within(RoundingFactor * Math.Max(scale, 1)), $"stage {i}");
            }
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Interpolant_SatisfiesOrderConditions_UpToDenseOrder(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        foreach (double theta in (double[])[0.2, 0.5, 0.8])
        {
            AssertOrder(tableau, ExplicitMethods.DenseWeights(tableau, theta), tableau.DenseOrder, theta, string.Create(CultureInfo.InvariantCulture, $"B(θ = {theta})"));
        }
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Interpolant_OrderIsExact_NextOrderFails(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        Assert.That(WorstResidual(tableau, ExplicitMethods.DenseWeights(tableau, 0.5), tableau.DenseOrder + 1, 0.5), Is.GreaterThan(1e-8));
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void FirstSameAsLast_IsDetected_WhenTheLastRowIsB(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        int last = tableau.Stages - 1;
        bool rowIsB = tableau.C[last] == 1 && tableau.B[last] == 0 && tableau.A[last].AsSpan().SequenceEqual(tableau.B.AsSpan(0, last));
        Assert.That(tableau.IsFirstSameAsLast, Is.EqualTo(rowIsB));
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void StiffnessPair_HasEqualNodes(IOdeSolver solver)
    {
        var tableau = ExplicitMethods.TableauOf(solver);
        if (tableau.StiffnessPair is not { } pair)
        {
            Assert.Pass($"{solver.Name} has no stiffness pair.");
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(pair.First, Is.LessThan(pair.Second));
            Assert.That(pair.Second, Is.LessThan(tableau.Stages));
            Assert.That(tableau.C[pair.First], Is.EqualTo(tableau.C[pair.Second]));
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void StabilityBoundary_MatchesTheStabilityPolynomial(IOdeSolver solver)
    {
        // R(z) = 1 + Σ_k z^k bᵀA^(k−1)1; the boundary is where |R(−x)| first exceeds 1 (HNW II, IV.2).
        var tableau = ExplicitMethods.TableauOf(solver);
        int s = tableau.Stages;
        var a = ExplicitMethods.FullMatrix(tableau);
        var coefficients = new double[s + 1];
        coefficients[0] = 1;
        var power = Enumerable.Repeat(1.0, s).ToArray();
        for (int k = 1; k <= s; k++)
        {
            coefficients[k] = tableau.B.Zip(power, (x, y) => x * y).Sum();
            var next = new double[s];
            for (int i = 0; i < s; i++)
            {
                for (int j = 0; j < s; j++)
                {
                    next[i] += a[i, j] * power[j];
                }
            }

            power = next;
        }

        double x = 1e-3;
        while (Math.Abs(Polynomial(coefficients, -x)) <= 1 + 1e-12)
        {
            x += 1e-4;
        }

        TestContext.Out.WriteLine($"{solver.Name}: real stability interval [-{x:F3}, 0]");
        Assert.That(tableau.StabilityBoundary, Is.EqualTo(x).Within(0.02 * x));
    }

    private static double Polynomial(double[] coefficients, double z)
    {
        double value = 0;
        for (int k = coefficients.Length - 1; k >= 0; k--)
        {
            value = (value * z) + coefficients[k];
        }

        return value;
    }

    private static double[] Pad(double[] weights, ButcherTableau tableau)
    {
        var padded = new double[tableau.Stages + tableau.ExtraStages];
        weights.CopyTo(padded, 0);
        return padded;
    }

    private static void AssertOrder(ButcherTableau tableau, double[] weights, int order, double theta, string what)
    {
        var a = ExplicitMethods.FullMatrix(tableau);
        var trees = RootedTree.UpToOrder(order);
        Assert.Multiple(() =>
        {
            foreach (var tree in trees)
            {
                var (residual, scale) = Residual(a, weights, tree, theta);
                Assert.That(residual, Is.LessThanOrEqualTo(RoundingFactor * scale), $"{what}: tree {tree} (order {tree.Order}, γ = {tree.Density})");
            }
        });
    }

    private static double WorstResidual(ButcherTableau tableau, double[] weights, int order, double theta)
    {
        var a = ExplicitMethods.FullMatrix(tableau);
        return RootedTree.UpToOrder(order).Where(t => t.Order == order).Max(t => Residual(a, weights, t, theta).Residual);
    }

    private static (double Residual, double Scale) Residual(double[,] a, double[] weights, RootedTree tree, double theta)
    {
        var g = tree.StageWeights(a);
        var gAbs = tree.StageWeights(a, absolute: true);
        double sum = 0;
        double scale = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * g[i];
            scale += Math.Abs(weights[i]) * gAbs[i];
        }

        double expected = Math.Pow(theta, tree.Order) / tree.Density;
        return (Math.Abs(sum - expected), Math.Max(scale, 1));
    }
}
