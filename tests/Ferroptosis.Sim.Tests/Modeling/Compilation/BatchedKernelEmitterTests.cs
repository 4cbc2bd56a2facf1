using System.Runtime.Intrinsics;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>The lane-wise instructions the batched kernels use in place of <see cref="Math"/> calls give the scalar results bit for bit, special values included.</summary>
[TestFixture]
public sealed class BatchedKernelEmitterTests
{
    private static readonly double[] Values =
    [
        double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7ff8000000000123), 0.0, -0.0, 1.0, -1.0, 2.5e-310, -3.0, 5e300,
        double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 0.1, 1e-17,
    ];

    [Test]
    public void MinMaxAbsSqrt_LaneWise_AreTheScalarMathMethods()
    {
        Assert.Multiple(() =>
        {
            foreach (double a in Values)
            {
                var va = Vector256.Create(a, 1.0, a, -2.0);
                Assert.That(Bits(Vector256.Abs(va)[0]), Is.EqualTo(Bits(Math.Abs(a))), $"abs({a})");
                Assert.That(Bits(Vector256.Sqrt(va)[2]), Is.EqualTo(Bits(Math.Sqrt(a))), $"sqrt({a})");
                foreach (double b in Values)
                {
                    var vb = Vector256.Create(3.0, b, b, b);
                    Assert.That(Bits(Vector256.Max(va, vb)[2]), Is.EqualTo(Bits(Math.Max(a, b))), $"max({a}, {b})");
                    Assert.That(Bits(Vector256.Min(va, vb)[2]), Is.EqualTo(Bits(Math.Min(a, b))), $"min({a}, {b})");
                }
            }
        });
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
