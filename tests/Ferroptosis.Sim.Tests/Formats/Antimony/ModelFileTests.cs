using Ferroptosis.Sim.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>The curated model files load, compile and simulate; the cell-type parameter sets apply.</summary>
public sealed class ModelFileTests
{
    private static readonly string BaseModel = RepositoryFiles.PathOf("models/ferroptosis/ferroptosis.ant");

    [Test]
    public void Base_model_loads_with_the_documented_size()
    {
        var network = AntimonyReader.ReadFile(BaseModel);

        Assert.That(network.Id, Is.EqualTo("ferroptosis"));
        Assert.That(network.Species, Has.Count.EqualTo(16), "15 biochemical species and the surviving fraction (README)");
        Assert.That(network.Reactions, Has.Count.EqualTo(43), "README: 43 reactions");
        Assert.That(network.Compartments.Select(c => c.Id), Is.EqualTo(new[] { "cell" }));
        Assert.That(network.Functions.Select(f => f.Name), Is.EqualTo(new[] { "pos", "hill", "are" }));
    }
}
