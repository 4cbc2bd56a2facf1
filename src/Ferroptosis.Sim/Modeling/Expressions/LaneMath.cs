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

    /// <summary>The exponents <see cref="BuiltinMath.Pow"/> computes by multiplication.</summary>
    private static readonly double[] Expanded = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, -1.0, -2.0];

    /// <summary>x^y per lane: the multiplications of <see cref="BuiltinMath.Pow"/> in lanes whose exponent it expands (a Hill coefficient held in a parameter; the scalar path's bits, and one vector product when all lanes share it), else exp(y·ln x) where x is a finite positive normal number and |y·ln x| ≤ 700, <see cref="BuiltinMath.Pow"/> elsewhere (zero, negative bases, infinities, NaN, overflow).</summary>
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y)
    {
        if (TryExpand(x, y, out var expanded))
        {
            return expanded;
        }

        var positive = Vector256.GreaterThanOrEqual(x, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue));
        var logarithm = Vector256.Log(Vector256.ConditionalSelect(positive, x, Vector256<double>.One));
        var exponent = y * logarithm;
        var regular = positive & Vector256.LessThanOrEqual(Vector256.Abs(exponent), Vector256.Create(ExpLimit));
        var fast = Vector256.Exp(Vector256.ConditionalSelect(regular, exponent, Vector256<double>.Zero));
        if (regular.AsUInt64() != Vector256<ulong>.AllBitsSet)
        {
            var slow = Vector256.Create(BuiltinMath.Pow(x[0], y[0]), BuiltinMath.Pow(x[1], y[1]), BuiltinMath.Pow(x[2], y[2]), BuiltinMath.Pow(x[3], y[3]));
            fast = Vector256.ConditionalSelect(regular, fast, slow);
        }

        // Lanes whose own exponent is expanded take the multiplications, whatever the other lanes hold.
        if (Vector256.EqualsAny(y, Vector256.Floor(y)))
        {
            foreach (double e in Expanded)
            {
                var lanes = Vector256.Equals(y, Vector256.Create(e));
                if (lanes != Vector256<double>.Zero)
                {
                    TryExpand(x, Vector256.Create(e), out var expansion);
                    fast = Vector256.ConditionalSelect(lanes, expansion, fast);
                }
            }
        }

        return fast;
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

    /// <summary>The multiplications of <see cref="BuiltinMath.Pow"/> on the whole vector when all four exponents are the same one of its expanded values.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TryExpand(Vector256<double> x, Vector256<double> y, out Vector256<double> result)
    {
        double e = y.GetElement(0);
        if (!Vector256.EqualsAll(y, Vector256.Create(e)))
        {
            result = default;
            return false;
        }

        switch (e)
        {
            case 1.0:
                result = x;
                return true;
            case 2.0:
                result = x * x;
                return true;
            case 3.0:
                result = x * x * x;
                return true;
            case 4.0:
                var s = x * x;
                result = s * s;
                return true;
            case 5.0:
                var q = x * x;
                result = q * q * x;
                return true;
            case 6.0:
                var c = x * x * x;
                result = c * c;
                return true;
            case -1.0:
                result = Vector256<double>.One / x;
                return true;
            case -2.0:
                result = Vector256<double>.One / (x * x);
                return true;
            default:
                result = default;
                return false;
        }
    }
}
