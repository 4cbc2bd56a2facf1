using System.Globalization;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>Generated reaction networks for the modeling and format benchmarks.</summary>
public static class SyntheticNetworks
{
    /// <summary>The number of species of <see cref="Network20By40"/>.</summary>
    public const int Species20 = 20;

    /// <summary>Gets a 20-species, 40-reaction network of the rate-law shapes that dominate curated models, with a hand-written twin (<see cref="HandWrittenNetwork"/>).</summary>
    /// <remarks>
    /// Species X0…X19 in one compartment of size 1, initial values 1 + 0.05·i. Reactions, i the index within each group:
    /// 20 conversions X_i → X_(i+1 mod 20) at k_i·X_i; 10 bindings X_2i + X_2i+1 → X_(2i+5 mod 20) at kb_i·X_2i·X_2i+1;
    /// 5 Hill-activated syntheses ⇒ X_(4i+2 mod 20) at V_i·A²/(K_i² + A²) with activator A = X_(4i+7 mod 20);
    /// 5 Michaelis–Menten degradations X_(4i+1 mod 20) ⇒ at Vm_i·X/(Km_i + X). Rate constants follow
    /// <see cref="HandWrittenNetwork"/>'s formulas, so the two evaluate the same right-hand side.
    /// </remarks>
    public static ReactionNetwork Network20By40 { get; } = Build20By40();

    /// <summary>Generates a large network: <paramref name="reactions"/> reactions over reactions/2 species in two compartments, with a function definition, 50 assignment rules and two events.</summary>
    /// <param name="reactions">The number of reactions.</param>
    /// <returns>The network.</returns>
    /// <remarks>
    /// Reactions cycle through mass action, reversible mass action, Michaelis–Menten with local parameters and a
    /// modifier, and Hill production through the function definition; species are chosen at random (seed 42).
    /// </remarks>
    public static ReactionNetwork Generate(int reactions)
    {
        int species = Math.Max(4, reactions / 2);
        var random = new Random(42);
        var builder = new ReactionNetworkBuilder("generated")
            .Compartment("cytosol", 1.0)
            .Compartment("nucleus", 0.2)
            .Function("hill", ["x", "K", "h"], "x^h/(K^h + x^h)");
        for (int i = 0; i < species; i++)
        {
            builder.Species(S(i), 0.1 + random.NextDouble(), i % 5 == 0 ? "nucleus" : "cytosol");
        }

        for (int j = 0; j < reactions; j++)
        {
            string id = "R" + j.ToString(CultureInfo.InvariantCulture);
            string k = "k" + j.ToString(CultureInfo.InvariantCulture);
            builder.Parameter(k, 0.01 + random.NextDouble());
            string a = S(random.Next(species)), b = S(random.Next(species)), c = S(random.Next(species));
            switch (j % 4)
            {
                case 0:
                    builder.Reaction(id, $"{a} + {b} => {c}", $"{k}*{a}*{b}");
                    break;
                case 1:
                    builder.Reaction(id, $"{a} -> {b}", $"{k}*{a} - 0.1*{k}*{b}");
                    break;
                case 2:
                    builder.Reaction(id, $"{a} => {b}", $"Vmax*{c}*{a}/(Km + {a})", new Dictionary<string, double> { ["Vmax"] = 1 + random.NextDouble(), ["Km"] = 0.5 }, [c]);
                    break;
                default:
                    builder.Reaction(id, $"=> {a}", $"{k}*hill({b}, 0.5, 4)");
                    break;
            }
        }

        for (int r = 0; r < 50; r++)
        {
            string total = "total" + r.ToString(CultureInfo.InvariantCulture);
            builder.Parameter(total, 0, isConstant: false).AssignmentRule(total, $"{S(r)} + {S(r + 1)} + {S(r + 2)}");
        }

        builder.Parameter("kick", 0, isConstant: false)
            .Event("pulse", "time >= 10", ("kick", "1"))
            .Event("threshold", $"{S(0)} > 5", (S(0), "1"));
        return builder.Build();
    }

    private static ReactionNetwork Build20By40()
    {
        var builder = new ReactionNetworkBuilder("network20x40").Compartment("cell", 1.0);
        for (int i = 0; i < Species20; i++)
        {
            builder.Species(X(i), 1 + (0.05 * i), "cell");
        }

        for (int i = 0; i < 20; i++)
        {
            string k = Name("k", i);
            builder.Parameter(k, HandWrittenNetwork.Conversion(i)).Reaction(Name("conv", i), $"{X(i)} => {X((i + 1) % 20)}", $"{k}*{X(i)}");
        }

        for (int i = 0; i < 10; i++)
        {
            string kb = Name("kb", i);
            builder.Parameter(kb, HandWrittenNetwork.Binding(i))
                .Reaction(Name("bind", i), $"{X(2 * i)} + {X((2 * i) + 1)} => {X(((2 * i) + 5) % 20)}", $"{kb}*{X(2 * i)}*{X((2 * i) + 1)}");
        }

        for (int i = 0; i < 5; i++)
        {
            string v = Name("V", i), kh = Name("K", i), a = X(((4 * i) + 7) % 20);
            builder.Parameter(v, HandWrittenNetwork.HillMaximum(i)).Parameter(kh, HandWrittenNetwork.HillConstant(i))
                .Reaction(Name("syn", i), $"=> {X(((4 * i) + 2) % 20)}", $"{v}*{a}^2/({kh}^2 + {a}^2)", null, [a]);
        }

        for (int i = 0; i < 5; i++)
        {
            string vm = Name("Vm", i), km = Name("Km", i), s = X(((4 * i) + 1) % 20);
            builder.Parameter(vm, HandWrittenNetwork.DegradationMaximum(i)).Parameter(km, HandWrittenNetwork.DegradationConstant(i))
                .Reaction(Name("deg", i), $"{s} =>", $"{vm}*{s}/({km} + {s})");
        }

        return builder.Build();
    }

    private static string S(int i) => "S" + i.ToString(CultureInfo.InvariantCulture);

    private static string X(int i) => "X" + i.ToString(CultureInfo.InvariantCulture);

    private static string Name(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
}
