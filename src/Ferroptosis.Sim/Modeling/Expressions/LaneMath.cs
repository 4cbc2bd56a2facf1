using System.Reflection;
using System.Runtime.Intrinsics;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The vector functions of <see cref="Compilation.BatchedFunctions.VectorMath"/> kernels, made lane-independent.</summary>
/// <remarks>
/// <see cref="Vector256.Exp(Vector256{double})"/> is not lane-independent as it stands: when one lane holds ±∞, NaN or an
/// argument beyond the overflow range, the other lanes' results change in the last bits (measured on .NET 10). So the
/// vector functions only ever see arguments of their regular range (|x| ≤ 700 for exp; finite positive normal x for
/// log; other lanes get a harmless 0 or 1), and the lanes outside it take the scalar <see cref="Math"/> result, selected
/// per lane. A lane's result then depends on that lane alone.
/// </remarks>
internal static class LaneMath
{
    public static readonly MethodInfo PowMethod = typeof(LaneMath).GetMethod(nameof(Pow))!;
    public static readonly MethodInfo ExpMethod = typeof(LaneMath).GetMethod(nameof(Exp))!;
    public static readonly MethodInfo LogMethod = typeof(LaneMath).GetMethod(nameof(Log))!;

    private const double ExpLimit = 700;

    /// <summary>x^y per lane: exp(y·ln x) where x is a finite positive normal number and |y·ln x| ≤ 700, <see cref="BuiltinMath.Pow"/> elsewhere (zero, negative bases, infinities, NaN, overflow).</summary>
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y)
    {
        var positive = Vector256.GreaterThanOrEqual(x, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue));
        var logarithm = Vector256.Log(Vector256.ConditionalSelect(positive, x, Vector256<double>.One));
        var exponent = y * logarithm;
        var regular = positive & Vector256.LessThanOrEqual(Vector256.Abs(exponent), Vector256.Create(ExpLimit));
        var fast = Vector256.Exp(Vector256.ConditionalSelect(regular, exponent, Vector256<double>.Zero));
        if (regular.AsUInt64() == Vector256<ulong>.AllBitsSet)
        {
            return fast;
        }

        var slow = Vector256.Create(BuiltinMath.Pow(x[0], y[0]), BuiltinMath.Pow(x[1], y[1]), BuiltinMath.Pow(x[2], y[2]), BuiltinMath.Pow(x[3], y[3]));
        return Vector256.ConditionalSelect(regular, fast, slow);
    }

    /// <summary>e^x per lane (<see cref="Math.Exp"/> for |x| &gt; 700 and NaN).</summary>
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var regular = Vector256.LessThanOrEqual(Vector256.Abs(x), Vector256.Create(ExpLimit));
        var fast = Vector256.Exp(Vector256.ConditionalSelect(regular, x, Vector256<double>.Zero));
        if (regular.AsUInt64() == Vector256<ulong>.AllBitsSet)
        {
            return fast;
        }

        return Vector256.ConditionalSelect(regular, fast, Vector256.Create(Math.Exp(x[0]), Math.Exp(x[1]), Math.Exp(x[2]), Math.Exp(x[3])));
    }

    /// <summary>ln x per lane (<see cref="Math.Log(double)"/> for zero, negative, subnormal, infinite and NaN x).</summary>
    public static Vector256<double> Log(Vector256<double> x)
    {
        var regular = Vector256.GreaterThanOrEqual(x, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue));
        var fast = Vector256.Log(Vector256.ConditionalSelect(regular, x, Vector256<double>.One));
        if (regular.AsUInt64() == Vector256<ulong>.AllBitsSet)
        {
            return fast;
        }

        return Vector256.ConditionalSelect(regular, fast, Vector256.Create(Math.Log(x[0]), Math.Log(x[1]), Math.Log(x[2]), Math.Log(x[3])));
    }
}
