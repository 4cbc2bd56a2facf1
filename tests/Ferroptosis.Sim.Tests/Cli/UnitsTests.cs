using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>Values with units as typed on the command line, and the perturbations they become.</summary>
public sealed class UnitsTests
{
    [TestCase("5uM", 5.0)]
    [TestCase("5 µM", 5.0)]
    [TestCase("5μM", 5.0)]
    [TestCase("500nM", 0.5)]
    [TestCase("1mM", 1000.0)]
    [TestCase("250pM", 2.5e-4)]
    [TestCase("1e-3M", 1000.0)]
    [TestCase(".5uM", 0.5)]
    public void Concentrations_AreInMicromolar(string text, double micromolar) =>
        Assert.That(Units.ParseConcentration(text, "dose"), Is.EqualTo(micromolar).Within(1e-12));

    [TestCase("48h", 48.0)]
    [TestCase("30min", 0.5)]
    [TestCase("2d", 48.0)]
    [TestCase("90s", 0.025)]
    [TestCase("1.5 hours", 1.5)]
    [TestCase("0h", 0.0)]
    public void Times_AreInHours(string text, double hours) =>
        Assert.That(Units.ParseHours(text, "time"), Is.EqualTo(hours).Within(1e-12));

    [TestCase("1.65", 1.65)]
    [TestCase("x1.65", 1.65)]
    [TestCase("1.65×", 1.65)]
    public void Factors_ArePlainNumbers(string text, double value) =>
        Assert.That(Units.ParseNumber(text, "factor"), Is.EqualTo(value));

    [TestCase("5,5uM")]
    [TestCase("uM")]
    [TestCase("5 u M")]
    [TestCase("NaNuM")]
    public void Malformed_IsRefused(string text) =>
        Assert.That(() => Units.ParseConcentration(text, "dose"), Throws.TypeOf<CliException>().With.Message.Contain("is not a number"));

    [Test]
    public void Perturbations_ParseNamesAliasesDosesAndSchedules()
    {
        var parsed = PerturbationSpec.ParseBuiltIn(["erastin=10uM", "DFO=100uM@0h..6h", "oxidative-stress=1.65@12h", "knockdown-gpx4=0.5", "ros_x=1.2", "fer1=50nM"], FerroptosisModel.Default);

        Perturbation[] expected =
        [
            Perturbation.Erastin(10),
            Perturbation.Deferoxamine(100).Until(TimeSpan.FromHours(6)),
            Perturbation.OxidativeStress(1.65).From(TimeSpan.FromHours(12)),
            Perturbation.Knockdown(Gene.Gpx4, 0.5),
            Perturbation.Ferrostatin1(50, ConcentrationUnit.Nanomolar),
        ];

        Assert.Multiple(() =>
        {
            // Records compare their change lists by reference, so compare what they print and what they change.
            Assert.That(parsed.Perturbations.Select(p => (p.Name, p.StartHours, p.EndHours, p.IsGenetic)), Is.EqualTo(expected.Select(p => (p.Name, p.StartHours, p.EndHours, p.IsGenetic))));
            Assert.That(parsed.Perturbations.SelectMany(p => p.Changes), Is.EqualTo(expected.SelectMany(p => p.Changes)));
            Assert.That(parsed.Parameters, Is.EqualTo(new Dictionary<string, double> { ["ros_x"] = 1.2 }));
        });
    }
}
