using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>Robustness, not a knife edge: the main behaviours of model v2 (EB-28, EB-29, EB-32) in a virtual population of 200 osteoblasts whose kinetic constants vary lognormally with CV 20 % around the calibrated values.</summary>
/// <remarks>
/// The population is drawn by the library's <see cref="Ensemble"/> (cell c's factors are a function of the seed and c only);
/// each cell runs the contract's protocols (<see cref="PopulationProbe"/>). The model issue asks that each behaviour holds in at
/// least 80 % of the cells; a behaviour below that is listed in <c>unmet-criteria.tsv</c> under "population", and the test then
/// checks that it is still below (the measured fractions are printed and recorded in the model README).
/// </remarks>
[Category("Slow")]
public sealed class PopulationRobustnessTests
{
    private const int Cells = 200;
    private const double Required = 0.8;

    private static readonly Lazy<EnsembleResult> LazyResult = new(Simulate, LazyThreadSafetyMode.ExecutionAndPublication);

    [TestCaseSource(typeof(PopulationProbe), nameof(PopulationProbe.Outputs))]
    public void Main_behaviour_holds_in_at_least_80_percent_of_a_virtual_population(string behaviour)
    {
        var result = LazyResult.Value;
        Assert.That(result.FailureCount, Is.Zero, () => string.Join('\n', result.FailureMessages));
        double fraction = result.GetSamples(behaviour).Average();
        var criterion = new Crit("population", behaviour, fraction, Required, 1, true, 1);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{behaviour}: {fraction:P1} of {Cells} cells (CV 20 % on {PopulationProbe.Factors(FerroptosisModel.Version2).Count} constants)"));
        if (UnmetCriteria.Contains(criterion))
        {
            Assert.That(fraction, Is.LessThan(Required), "listed as unmet in unmet-criteria.tsv but now met: remove the line");
        }
        else
        {
            Assert.That(fraction, Is.GreaterThanOrEqualTo(Required));
        }
    }

    [Test]
    public void Qualitative_shapes_are_reported()
    {
        var result = LazyResult.Value;
        foreach (string shape in PopulationProbe.Shapes)
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape}: {result.GetSamples(shape).Average():P1} of {Cells} cells"));
        }

        Assert.That(PopulationProbe.Shapes.Select(s => result.GetSamples(s).Length), Is.All.EqualTo(Cells));
    }

    private static EnsembleResult Simulate()
    {
        var model = FerroptosisModel.Version2;
        var factors = PopulationProbe.Factors(model);
        var response = new ResponseFunction(factors, PopulationProbe.All, (inputs, outputs) => PopulationProbe.Evaluate(model, factors, inputs, outputs));
        var distributions = factors.Select(_ => InputDistribution.LogNormalFromMean(1, 0.2)).ToArray();
        return Ensemble.Run(response, distributions, new EnsembleOptions { Cells = Cells, Seed = 2026, KeepSamples = true });
    }
}
