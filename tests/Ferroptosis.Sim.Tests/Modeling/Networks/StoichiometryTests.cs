using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Networks;

public sealed class StoichiometryTests
{
    [Test]
    public void BindingReaction_HasTheExpectedMatrixAndTwoConservationLaws()
    {
        // A + B <-> C conserves A + C and B + C.
        var network = new ReactionNetworkBuilder("binding")
            .Species("A", 1).Species("B", 1).Species("C", 0).Parameter("kon", 1).Parameter("koff", 1)
            .Reaction("bind", "A + B -> C", "kon*A*B - koff*C")
            .Build();
        var n = network.Stoichiometry;

        Assert.That(n.SpeciesIds, Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(new[] { n[0, 0], n[1, 0], n[2, 0] }, Is.EqualTo(new[] { -1.0, -1.0, 1.0 }));
        var laws = network.ConservationLaws.Select(l => l.ToString()).ToArray();
        Assert.That(laws, Has.Length.EqualTo(2));
        foreach (var law in network.ConservationLaws)
        {
            // cᵀN = 0 for every law.
            double sum = law.Coefficients.Sum(kv => kv.Value * n[n.SpeciesIds.ToList().IndexOf(kv.Key), 0]);
            Assert.That(sum, Is.EqualTo(0).Within(1e-12), law.ToString());
        }
    }

    [Test]
    public void Chain_WithSourceAndSink_HasNoConservationLaw()
    {
        var network = new ReactionNetworkBuilder("chain")
            .Parameter("k", 1).Reaction("in", "=> A", "k").Reaction("conv", "A => B", "k*A").Reaction("out", "B =>", "k*B")
            .Build();
        Assert.That(network.ConservationLaws, Is.Empty);
        Assert.That(network.Stoichiometry.Columns, Is.EqualTo(3));
    }

    [Test]
    public void Stoichiometry_CountsCoefficientsAndExcludesBoundarySpecies()
    {
        var network = new ReactionNetworkBuilder("dimer")
            .Species("M", 10).Parameter("k", 1).Reaction("dimerise", "2 M + $E -> D + $E", "k*M^2")
            .Build();
        var n = network.Stoichiometry;
        Assert.That(n.SpeciesIds, Is.EqualTo(new[] { "M", "D" }));
        Assert.That(n[0, 0], Is.EqualTo(-2.0));
        Assert.That(network.ConservationLaws.Single().ToString(), Is.EqualTo("M + 2 D = const"));
    }
}
