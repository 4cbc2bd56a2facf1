using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>The coefficients of every Rosenbrock tableau satisfy the order conditions of the order it claims.</summary>
public sealed class RosenbrockTableauTests
{
    // The published coefficients have 16 significant digits and sizes up to ~300: their residuals are
    // ~1e-14, while a change in the 11th significant digit of a coefficient moves some residual above
    // 1e-12. One exception is structural: the weight of u_s in the interpolant adds a multiple of the
    // error estimate, which vanishes on every tree the interpolant is exact for (b − b̂ is row s of Γ
    // for stiffly accurate methods), so no order condition sees it.
    private const double Tolerance = 1e-12;

    [Test]
    public void RootedTrees_AreCountedAsInTheLiterature()
    {
        // A000081: 1, 1, 2, 4, 9, 20 rooted trees with 1 … 6 vertices.
        int[] counts = [.. Enumerable.Range(1, 6).Select(p => RootedTree.OfOrder(p).Count)];
        Assert.That(counts, Is.EqualTo(new[] { 1, 1, 2, 4, 9, 20 }));
        Assert.That(RootedTree.OfOrder(4).Select(t => t.Density), Is.EquivalentTo(new[] { 4.0, 8, 12, 24 }));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void Solution_SatisfiesOrderConditions(IOdeSolver solver)
    {
        var tableau = RosenbrockMethods.TableauOf(solver);
        var method = RosenbrockOrderConditions.FromTableau(tableau);
        AssertExactOrder(method, method.B, tableau.Order);
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void EmbeddedSolution_SatisfiesOrderConditions(IOdeSolver solver)
    {
        var tableau = RosenbrockMethods.TableauOf(solver);
        var method = RosenbrockOrderConditions.FromTableau(tableau);
        AssertExactOrder(method, method.BHat, tableau.EmbeddedOrder);
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void ExplicitConditionsOfTableIV71_HoldUpToOrderFour(IOdeSolver solver)
    {
        // Hairer–Wanner II, Table IV.7.1, written out with β_ij = α_ij + γ_ij (j < i) and β'_i = Σ_j β_ij:
        // an independent check of the tree-based residuals above.
        var tableau = RosenbrockMethods.TableauOf(solver);
        var m = RosenbrockOrderConditions.FromTableau(tableau);
        int s = m.Stages;
        double g = tableau.Gamma;
        double[] alphaSum = [.. Enumerable.Range(0, s).Select(i => Enumerable.Range(0, i).Sum(j => m.Alpha[i, j]))];
        double Beta(int i, int j) => j < i ? m.Alpha[i, j] + m.Gamma[i, j] : 0;
        double[] betaSum = [.. Enumerable.Range(0, s).Select(i => Enumerable.Range(0, i).Sum(j => Beta(i, j)))];
        double Sum(Func<int, double> term) => Enumerable.Range(0, s).Sum(term);
        var b = m.B;

        var conditions = new List<(string Name, int Order, double Value, double Expected)>
        {
            ("Σ b_j", 1, Sum(j => b[j]), 1.0),
            ("Σ b_j β'_j", 2, Sum(j => b[j] * betaSum[j]), 0.5 - g),
            ("Σ b_j α_j²", 3, Sum(j => b[j] * alphaSum[j] * alphaSum[j]), 1.0 / 3),
            ("Σ b_j β_jk β'_k", 3, Sum(j => b[j] * Sum(k => Beta(j, k) * betaSum[k])), (1.0 / 6) - g + (g * g)),
            ("Σ b_j α_j³", 4, Sum(j => b[j] * Math.Pow(alphaSum[j], 3)), 0.25),
            ("Σ b_j α_j α_jk β'_k", 4, Sum(j => b[j] * alphaSum[j] * Sum(k => m.Alpha[j, k] * betaSum[k])), 0.125 - (g / 3)),
            ("Σ b_j β_jk α_k²", 4, Sum(j => b[j] * Sum(k => Beta(j, k) * alphaSum[k] * alphaSum[k])), (1.0 / 12) - (g / 3)),
            ("Σ b_j β_jk β_kl β'_l", 4, Sum(j => b[j] * Sum(k => Beta(j, k) * Sum(l => Beta(k, l) * betaSum[l]))), (1.0 / 24) - (g / 2) + (1.5 * g * g) - (g * g * g)),
        };

        foreach (var (name, order, value, expected) in conditions.Where(c => c.Order <= tableau.Order))
        {
            Assert.That(value, Is.EqualTo(expected).Within(Tolerance), name);
        }
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void ContinuousExtension_HasItsOrderForEveryTheta(IOdeSolver solver)
    {
        var tableau = RosenbrockMethods.TableauOf(solver);
        var method = RosenbrockOrderConditions.FromTableau(tableau);
        foreach (double theta in new[] { 0.1, 0.25, 0.5, 0.75, 0.9 })
        {
            var weights = method.DenseAt(theta);
            foreach (var tree in RootedTree.UpToOrder(tableau.DenseOrder))
            {
                Assert.That(method.Residual(tree, weights, theta), Is.EqualTo(0).Within(Tolerance), $"θ = {theta}, tree {tree}");
            }
        }

        // b(1) = b: the interpolant ends at the new solution.
        var end = method.DenseAt(1.0);
        Assert.That(end, Is.EqualTo(method.B).Within(1e-12));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void NodesAndTimeWeights_AreTheRowSumsOfAlphaAndGamma(IOdeSolver solver)
    {
        var tableau = RosenbrockMethods.TableauOf(solver);
        var method = RosenbrockOrderConditions.FromTableau(tableau);
        for (int i = 0; i < tableau.Stages; i++)
        {
            double alphaSum = Enumerable.Range(0, i).Sum(j => method.Alpha[i, j]);
            double gammaSum = Enumerable.Range(0, i + 1).Sum(j => method.Gamma[i, j]);
            Assert.That(tableau.Nodes[i], Is.EqualTo(alphaSum).Within(1e-13), $"α_{i}");
            Assert.That(tableau.GammaSums[i], Is.EqualTo(gammaSum).Within(1e-13), $"γ_{i}");
            Assert.That(method.Gamma[i, i], Is.EqualTo(tableau.Gamma).Within(1e-14), $"γ_{i}{i}");
        }
    }

    /// <summary>All conditions up to <paramref name="order"/> hold, and some condition of the next order fails (the order is not higher).</summary>
    private static void AssertExactOrder(RosenbrockOrderConditions method, double[] weights, int order)
    {
        foreach (var tree in RootedTree.UpToOrder(order))
        {
            Assert.That(method.Residual(tree, weights), Is.EqualTo(0).Within(Tolerance), $"tree {tree} (order {tree.Order})");
        }

        double worst = RootedTree.OfOrder(order + 1).Max(t => Math.Abs(method.Residual(t, weights)));
        Assert.That(worst, Is.GreaterThan(1e-6));
    }

    [Test]
    public void Rodas_AreStifflyAccurate_AndRosenbrock23ReusesItsLastStage()
    {
        Assert.That(RosenbrockMethods.TableauOf(OdeSolvers.Rodas5P).IsStifflyAccurate, Is.True);
        Assert.That(RosenbrockMethods.TableauOf(OdeSolvers.Rodas4).IsStifflyAccurate, Is.True);
        var r23 = RosenbrockMethods.TableauOf(OdeSolvers.Rosenbrock23);
        Assert.That(r23.IsFirstSameAsLast, Is.True);
        Assert.That(r23.IsStifflyAccurate, Is.False);
    }

    [Test]
    public void Rodas5P_StabilityFunctionHasOrderSix()
    {
        // Linear constant-coefficient problems only see the tall trees; Rodas5P happens to satisfy the
        // tall-tree condition of order 6 as well, which is why it converges with order 6 on linear
        // problems (see RosenbrockAccuracyTests).
        var method = RosenbrockOrderConditions.FromTableau(RosenbrockMethods.TableauOf(OdeSolvers.Rodas5P));
        var tall = RootedTree.OfOrder(6).Single(t => t.Key == "[[[[[[]]]]]]");
        Assert.That(method.Residual(tall, method.B), Is.EqualTo(0).Within(Tolerance));
    }
}
