using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Generates random expression trees over every node type and built-in function, reproducibly from a seed.</summary>
internal sealed class RandomExpressions(int seed)
{
    public static readonly string[] SymbolNames = ["x", "y", "z", "k1", "time"];

    private static readonly BuiltinFunction[] Functions = [.. BuiltinFunctions.All.OrderBy(f => f.Name, StringComparer.Ordinal)];

    private static readonly double[] SpecialNumbers =
        [0.0, -0.0, 1.0, 2.0, 3.0, 4.0, -1.0, -2.0, 0.5, 1e-3, 2.5e10, 1e-300, 5e-324, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, Math.PI];

    private readonly Random _random = new(seed);

    /// <summary>Gets or sets a value indicating whether leaves may be ±∞, NaN, extreme or negative numbers.</summary>
    public bool ExoticNumbers { get; init; } = true;

    public Expr Next(int maxDepth)
    {
        if (maxDepth <= 1 || _random.NextDouble() < 0.25)
        {
            return Leaf();
        }

        int d = maxDepth - 1;
        switch (_random.Next(10))
        {
            case 0:
                return new UnaryExpr(_random.Next(4) == 0 ? UnaryOperator.Not : UnaryOperator.Negate, Next(d));
            case 1:
            case 2:
            case 3:
            case 4:
                var ops = Enum.GetValues<BinaryOperator>();
                var op = _random.Next(3) == 0 ? ops[_random.Next(ops.Length)] : ops[_random.Next(5)];
                return new BinaryExpr(op, Next(d), Next(d));
            case 5:
            case 6:
            case 7:
            case 8:
                var f = Functions[_random.Next(Functions.Length)];
                int min = Math.Max(f.MinArity, 0);
                int max = Math.Min(f.MaxArity, min + 3);
                int n = _random.Next(min, max + 1);
                var args = new Expr[n];
                for (int i = 0; i < n; i++)
                {
                    args[i] = Next(d);
                }

                return new CallExpr(f.Name, args);
            default:
                int pieces = _random.Next(0, 3);
                var cases = new PiecewiseCase[pieces];
                for (int i = 0; i < pieces; i++)
                {
                    cases[i] = new PiecewiseCase(Next(d), Next(d));
                }

                return new PiecewiseExpr(cases, pieces == 0 || _random.Next(2) == 0 ? Next(d) : null);
        }
    }

    /// <summary>A random value for a symbol: mostly moderate, sometimes special.</summary>
    public double NextInput()
    {
        if (ExoticNumbers && _random.Next(8) == 0)
        {
            return SpecialNumbers[_random.Next(SpecialNumbers.Length)];
        }

        return Math.Round((_random.NextDouble() * 6) - 3, _random.Next(1, 4));
    }

    private Expr Leaf()
    {
        switch (_random.Next(8))
        {
            case 0:
                return new ConstantExpr((ConstantKind)_random.Next(4));
            case 1:
            case 2:
                return new NumberExpr(ExoticNumbers && _random.Next(3) == 0
                    ? SpecialNumbers[_random.Next(SpecialNumbers.Length)]
                    : _random.Next(0, 6) + (_random.Next(2) * 0.5));
            default:
                return new SymbolExpr(SymbolNames[_random.Next(SymbolNames.Length)]);
        }
    }
}
