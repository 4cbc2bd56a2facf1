namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The classifier behind DualRoleDoseResponse's verdicts: a wiggle below the noise threshold is flat, not a bell; a small bell is a bell, not a sigmoid; plateaus make a sigmoid.</summary>
public sealed class ResponseShapeTests
{
    private static readonly double[] Levels = [0, 0.25, 0.5, 1, 2, 5, 10, 20, 50];

    [Test]
    public void NoiseOfAFewThousandths_IsFlat_NotABell()
    {
        // The old verdict called this "non-monotonic, best 7 (S = 0.002)".
        double[] s = [0.000, 0.001, 0.000, 0.001, 0.002, 0.001, 0.000, 0.000, 0.000];
        var shape = ResponseShape.Classify(s);
        Assert.Multiple(() =>
        {
            Assert.That(shape.Kind, Is.EqualTo(ResponseShapeKind.Flat));
            Assert.That(shape.Describe(Levels, s, "×"), Does.StartWith("flat: spans 0.002 < 0.05"));
        });
    }

    [Test]
    public void SmallBell_AboveTheThreshold_IsABell_NotASigmoid()
    {
        double[] s = [0.40, 0.42, 0.45, 0.50, 0.55, 0.58, 0.56, 0.52, 0.50];
        var shape = ResponseShape.Classify(s);
        Assert.Multiple(() =>
        {
            Assert.That(shape.Kind, Is.EqualTo(ResponseShapeKind.Bell));
            Assert.That(shape.Optimum, Is.EqualTo(5));
            Assert.That(shape.Rise, Is.EqualTo(0.18).Within(1e-12));
            Assert.That(shape.Fall, Is.EqualTo(0.08).Within(1e-12));
            Assert.That(shape.Describe(Levels, s, "×"), Is.EqualTo("bell: optimum at 5× (S = 0.580), +0.180 from 0×, −0.080 to 50×"));
        });
    }

    [Test]
    public void PeakThatFallsLessThanTheThreshold_IsNotABell()
    {
        double[] s = [0.40, 0.45, 0.50, 0.55, 0.60, 0.62, 0.61, 0.60, 0.59];
        Assert.That(ResponseShape.Classify(s).Kind, Is.Not.EqualTo(ResponseShapeKind.Bell));
    }

    [Test]
    public void MonotoneWithBothPlateausSampled_IsSigmoidal()
    {
        double[] s = [1.00, 0.99, 0.98, 0.90, 0.50, 0.10, 0.02, 0.01, 0.00];
        var shape = ResponseShape.Classify(s);
        Assert.Multiple(() =>
        {
            Assert.That(shape.Kind, Is.EqualTo(ResponseShapeKind.Sigmoidal));
            Assert.That(shape.Describe(Levels, s, "×"), Does.StartWith("sigmoidal, falling"));
        });
    }

    [Test]
    public void MonotoneWithoutAPlateau_IsGraded()
    {
        double[] s = [1.00, 0.90, 0.80, 0.70, 0.60, 0.50, 0.40, 0.30, 0.20];
        Assert.That(ResponseShape.Classify(s).Kind, Is.EqualTo(ResponseShapeKind.Graded));
    }

    [Test]
    public void InteriorMinimum_RisingOnBothSides_IsU()
    {
        double[] s = [0.80, 0.60, 0.40, 0.30, 0.40, 0.60, 0.70, 0.75, 0.80];
        var shape = ResponseShape.Classify(s);
        Assert.Multiple(() =>
        {
            Assert.That(shape.Kind, Is.EqualTo(ResponseShapeKind.U));
            Assert.That(shape.Optimum, Is.EqualTo(3));
        });
    }

    [Test]
    public void TheThresholdIsExplicit_ASmallerOneCallsTheSameWiggleABell()
    {
        double[] s = [0.50, 0.51, 0.53, 0.52, 0.50];
        Assert.Multiple(() =>
        {
            Assert.That(ResponseShape.Classify(s).Kind, Is.EqualTo(ResponseShapeKind.Flat));
            Assert.That(ResponseShape.Classify(s, noise: 0.02).Kind, Is.EqualTo(ResponseShapeKind.Bell));
        });
    }

    [TestCase(new[] { 0.1, 0.2 })]
    [TestCase(new[] { 0.1, double.NaN, 0.3 })]
    public void TooFewOrNonFiniteResponses_Throw(double[] s) =>
        Assert.Throws<ArgumentException>(() => ResponseShape.Classify(s));
}
