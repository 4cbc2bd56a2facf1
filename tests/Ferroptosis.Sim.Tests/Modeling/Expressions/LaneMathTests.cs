using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>The vector powers of batched kernels with vector math: the scalar path's bits where it multiplies, one lane's result never depending on another lane.</summary>
[TestFixture]
public sealed class LaneMathTests
{
    private static readonly double[] Bases = [0.37, 1.9, 12.5, 3.3e-4];

    [TestCase(1.0)]
    [TestCase(2.0)]
    [TestCase(3.0)]
    [TestCase(4.0)]
    [TestCase(5.0)]
    [TestCase(6.0)]
    [TestCase(-1.0)]
    [TestCase(-2.0)]
    public void ExpandedExponentSharedByAllLanes_GivesTheScalarBits(double exponent)
    {
        var x = Vector256.Create(Bases);
        var result = LaneMath.Pow(x, Vector256.Create(exponent));
        for (int lane = 0; lane < 4; lane++)
        {
            Assert.That(result[lane], Is.EqualTo(BuiltinMath.Pow(Bases[lane], exponent)), $"lane {lane}");
        }
    }

    [Test]
    public void ExpandedExponentInSomeLanes_GivesTheScalarBitsThere_AndTheSameBitsAsAlone()
    {
        // Lanes 0 and 2 square, lanes 1 and 3 take a non-integer Hill coefficient: each lane's value must be what it
        // is when every lane holds that lane's exponent.
        double[] exponents = [2.0, 1.64, 2.0, 7.039];
        var mixed = LaneMath.Pow(Vector256.Create(Bases), Vector256.Create(exponents));
        for (int lane = 0; lane < 4; lane++)
        {
            var alone = LaneMath.Pow(Vector256.Create(Bases[lane]), Vector256.Create(exponents[lane]));
            Assert.That(mixed[lane], Is.EqualTo(alone[0]), $"lane {lane}");
        }

        Assert.That(mixed[0], Is.EqualTo(Bases[0] * Bases[0]));
        Assert.That(mixed[2], Is.EqualTo(Bases[2] * Bases[2]));
        Assert.That(mixed[1], Is.EqualTo(Math.Pow(Bases[1], 1.64)).Within(4e-16 * Math.Pow(Bases[1], 1.64)));
        Assert.That(mixed[3], Is.EqualTo(Math.Pow(Bases[3], 7.039)).Within(4e-15 * Math.Pow(Bases[3], 7.039)));
    }

    [Test]
    public void IrregularBases_TakeTheScalarPower()
    {
        double[] bases = [0.0, -2.0, double.PositiveInfinity, double.NaN];
        var result = LaneMath.Pow(Vector256.Create(bases), Vector256.Create(2.5));
        for (int lane = 0; lane < 4; lane++)
        {
            Assert.That(result[lane], Is.EqualTo(Math.Pow(bases[lane], 2.5)), $"lane {lane}");
        }

        var squares = LaneMath.Pow(Vector256.Create(bases), Vector256.Create(2.0));
        Assert.That(squares[1], Is.EqualTo(4.0));
        Assert.That(squares[2], Is.EqualTo(double.PositiveInfinity));
    }
}
