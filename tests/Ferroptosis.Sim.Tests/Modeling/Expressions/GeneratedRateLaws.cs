using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Typical rate laws (mass action, Michaelis–Menten, Hill, inhibition, switched) over a pool of species and parameters.</summary>
internal static class GeneratedRateLaws
{
    public const int Species = 40;
    public const int Parameters = 60;

    public static List<Expr> Create(int count, int seed)
    {
        var random = new Random(seed);
        string S() => "S" + random.Next(Species).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string P() => "p" + random.Next(Parameters).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var laws = new List<Expr>(count);
        for (int i = 0; i < count; i++)
        {
            string text = (i % 5) switch
            {
                0 => $"{P()} * {S()} * {S()} - {P()} * {S()}",
                1 => $"{P()} * {S()} / ({P()} + {S()})",
                2 => $"{P()} * {S()}^4 / ({P()}^4 + {S()}^4)",
                3 => $"{P()} * {S()} / ({P()} + {S()}) / (1 + {S()} / {P()})",
                _ => $"piecewise({P()} * {S()}, time < {P()}, {P()} * exp(-{P()} * time))",
            };
            laws.Add(Expr.Parse(text));
        }

        return laws;
    }

    public static Dictionary<string, int> SymbolTable()
    {
        var table = new Dictionary<string, int>();
        for (int i = 0; i < Species; i++)
        {
            table["S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = table.Count;
        }

        for (int i = 0; i < Parameters; i++)
        {
            table["p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = table.Count;
        }

        table["time"] = table.Count;
        return table;
    }
}
