namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The numeric definitions of built-in functions that <see cref="Math"/> lacks, shared by the interpreter and the compiler.</summary>
/// <remarks>
/// The interpreter calls these methods through delegates and the compiler emits calls to the very same methods,
/// so both produce identical bits. Everything follows IEEE semantics: no method throws.
/// Definitions: MathML 2.0 / SBML L3V2 (reciprocal trigonometric functions via 1/f; inverse reciprocal ones via
/// the inverse of 1/x; <c>rem</c> has the sign of the dividend and <c>quotient</c> truncates toward zero, so
/// a = b·quotient(a, b) + rem(a, b)).
/// </remarks>
internal static class BuiltinMath
{
    /// <summary>n! for n = 0…170 (exactly rounded products); larger n overflow to +∞.</summary>
    private static readonly double[] Factorials = BuildFactorials();

    /// <summary>x^y, with x², x³, x⁴, x⁵, x⁶, x⁻¹ and x⁻² computed by multiplication, and x¹ = x.</summary>
    /// <remarks>
    /// Rate laws are full of squares and Hill exponents; a multiplication costs a fraction of <see cref="Math.Pow"/>
    /// and x·x is correctly rounded. The compiler emits the same multiplications for literal exponents, and calls
    /// this method otherwise, so compiled and interpreted results agree bit for bit. A Hill coefficient of 1 held in a
    /// parameter returns x itself, which is what <see cref="Math.Pow"/> returns for every x (±0, ±∞ and NaN included), at
    /// no cost. x⁵ = (x²)²·x and x⁶ = (x³)² (a sharpness exponent of 6 held in a parameter is common in switch-like rate
    /// laws) are within three roundings of the exact power, where <see cref="Math.Pow"/> is within one; the compiler
    /// calls this method for them, so compiled and interpreted results still agree bit for bit.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Pow(double x, double y)
    {
        switch (y)
        {
            case 1.0:
                return x;
            case 2.0:
                return x * x;
            case 3.0:
                return x * x * x;
            case 4.0:
                double s = x * x;
                return s * s;
            case 5.0:
                double q = x * x;
                return q * q * x;
            case 6.0:
                double c = x * x * x;
                return c * c;
            case -1.0:
                return 1.0 / x;
            case -2.0:
                return 1.0 / (x * x);
            default:
                return Math.Pow(x, y);
        }
    }

    /// <summary>Tells whether <paramref name="y"/> is an exponent that <see cref="Pow"/> expands into multiplications.</summary>
    public static bool IsExpandedExponent(double y) => y is 1.0 or 2.0 or 3.0 or 4.0 or -1.0 or -2.0;

    /// <summary>The logarithm of <paramref name="x"/> to base <paramref name="b"/> (exact helpers for bases 2 and 10).</summary>
    public static double Log(double b, double x) => b switch
    {
        10.0 => Math.Log10(x),
        2.0 => Math.Log2(x),
        _ => Math.Log(x) / Math.Log(b),
    };

    /// <summary>The n-th root of x; for odd integer n the real root of negative x (root(3, −8) = −2).</summary>
    public static double Root(double n, double x)
    {
        if (n == 2.0)
        {
            return Math.Sqrt(x);
        }

        if (n == 3.0)
        {
            return Math.Cbrt(x);
        }

        if (x < 0 && IsOddInteger(n))
        {
            return -Math.Pow(-x, 1.0 / n);
        }

        return Math.Pow(x, 1.0 / n);
    }

    /// <summary>−1, 0 or 1 by the sign of x (±0 for ±0, NaN for NaN).</summary>
    public static double Sign(double x) => x > 0 ? 1.0 : x < 0 ? -1.0 : x;

    /// <summary>x! for non-negative integers; NaN for negative or non-integer x, +∞ above 170.</summary>
    /// <remarks>SBML defines factorial on non-negative integers only; NaN makes misuse visible instead of silently extending by Γ(x+1).</remarks>
    public static double Factorial(double x)
    {
        if (!(x >= 0) || x != Math.Floor(x))
        {
            return double.NaN;
        }

        return x > 170 ? double.PositiveInfinity : Factorials[(int)x];
    }

    /// <summary>The remainder a − b·trunc(a/b), with the sign of a (C fmod; NaN when b = 0).</summary>
    public static double Rem(double a, double b) => a % b;

    /// <summary>The quotient a/b truncated toward zero.</summary>
    public static double Quotient(double a, double b) => Math.Truncate(a / b);

    /// <summary>sec x = 1/cos x.</summary>
    public static double Sec(double x) => 1.0 / Math.Cos(x);

    /// <summary>csc x = 1/sin x.</summary>
    public static double Csc(double x) => 1.0 / Math.Sin(x);

    /// <summary>cot x = 1/tan x.</summary>
    public static double Cot(double x) => 1.0 / Math.Tan(x);

    /// <summary>sech x = 1/cosh x.</summary>
    public static double Sech(double x) => 1.0 / Math.Cosh(x);

    /// <summary>csch x = 1/sinh x.</summary>
    public static double Csch(double x) => 1.0 / Math.Sinh(x);

    /// <summary>coth x = 1/tanh x.</summary>
    public static double Coth(double x) => 1.0 / Math.Tanh(x);

    /// <summary>arcsec x = arccos(1/x).</summary>
    public static double Arcsec(double x) => Math.Acos(1.0 / x);

    /// <summary>arccsc x = arcsin(1/x).</summary>
    public static double Arccsc(double x) => Math.Asin(1.0 / x);

    /// <summary>arccot x = arctan(1/x).</summary>
    public static double Arccot(double x) => Math.Atan(1.0 / x);

    /// <summary>arcsech x = arccosh(1/x).</summary>
    public static double Arcsech(double x) => Math.Acosh(1.0 / x);

    /// <summary>arccsch x = arcsinh(1/x).</summary>
    public static double Arccsch(double x) => Math.Asinh(1.0 / x);

    /// <summary>arccoth x = arctanh(1/x).</summary>
    public static double Arccoth(double x) => Math.Atanh(1.0 / x);

    /// <summary>Converts a truth value to 1.0 or 0.0.</summary>
    public static double FromBoolean(bool value) => value ? 1.0 : 0.0;

    private static bool IsOddInteger(double n) => Math.Abs(n % 2.0) == 1.0;

    private static double[] BuildFactorials()
    {
        var table = new double[171];
        table[0] = 1.0;
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1] * i;
        }

        return table;
    }
}
