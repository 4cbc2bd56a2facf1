using Ferroptosis.Sim.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Writing a network and reading the text back gives an identical network and identical trajectories.</summary>
public sealed class RoundTripTests
{
    [Test]
    public void Ferroptosis_model_round_trips()
    {
        var network = AntimonyReader.ReadFile(RepositoryFiles.PathOf("models/ferroptosis/ferroptosis.ant"));
        string text = AntimonyWriter.Write(network);
        TestContext.Out.WriteLine(text);
        NetworkComparer.AssertIdentical(network, AntimonyReader.Read(text), text);
    }
}
