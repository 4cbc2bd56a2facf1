using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>The main behaviours of the contract evaluated for one cell of a virtual population: a model v2 whose kinetic constants are scaled by the given factors.</summary>
internal static class PopulationProbe
{
    /// <summary>The outputs: 1 when the cell shows the behaviour, 0 when not.</summary>
    public static readonly string[] Outputs =
    [
        "EB-28 bell (OB, constitutive, erastin E50)",
        "EB-29 harmful branch, concurrent induction (OB)",
        "EB-29 bell, 48-h pre-induction (OB)",
        "EB-32 GPX4 at 50 % tolerated (OB)",
        "EB-32 GPX4 loss lethal (OB)",
    ];

    /// <summary>Reported, not asserted: the qualitative shapes behind the first three outputs, without the contract's amplitudes.</summary>
    public static readonly string[] Shapes =
    [
        "shape: bell (OB, constitutive): S(0) < S(1) < max(S(2), S(5)) and S(50) < S(1)",
        "shape: harmful branch, concurrent (OB): S(50) < S(1)",
        "shape: bell, 48-h pre-induction (OB): S(0) < S(1) < max(S(2), S(5)) and S(50) < S(1)",
    ];

    /// <summary>Every output of <see cref="Evaluate"/>.</summary>
    public static IReadOnlyList<string> All => [.. Outputs, .. Shapes];

    /// <summary>The kinetic constants a population varies (<see cref="FerroptosisModel.KineticConstants"/>): every constant of the base model that is not a drug input, a cell-type or genetic multiplier, a Hill coefficient or the version number.</summary>
    public static IReadOnlyList<string> Factors(FerroptosisModel model) => model.KineticConstants;

    /// <summary>The margins of <see cref="MarginNames"/>: how far a cell is inside (positive) or outside (negative) each main behaviour's criteria, in units of survival.</summary>
    public static readonly string[] MarginNames = ["EB-28 bell", "EB-29 concurrent", "EB-29 48-h pre-induction", "EB-32 GPX4 50 %", "EB-32 GPX4 0"];

    /// <summary>Evaluates the behaviours of one cell.</summary>
    public static void Evaluate(FerroptosisModel model, IReadOnlyList<string> factors, ReadOnlySpan<double> folds, Span<double> outputs)
    {
        var p = Protocols(model, new Dictionary<string, double>(StringComparer.Ordinal), factors, folds);
        outputs[0] = Flag(p.Steady[1] - p.Steady[0] >= 0.05 && Math.Max(p.Steady[2], p.Steady[3]) - p.Steady[1] >= 0.05 && p.Steady[1] - p.Steady[5] >= 0.15);
        outputs[1] = Flag(p.Concurrent[1] - p.Concurrent[5] >= 0.10 && p.Concurrent[1] - p.Concurrent[4] > 0);
        outputs[2] = Flag(p.Pre48[1] - p.Pre48[5] >= 0.10 && p.Pre48[1] - p.Pre48[0] >= 0.03 && Math.Max(p.Pre48[2], p.Pre48[3]) - p.Pre48[1] >= 0.03);
        outputs[3] = Flag(p.GpxHalf >= 0.9);
        outputs[4] = Flag(p.GpxNull <= 0.1);
        outputs[5] = Flag(p.Steady[0] < p.Steady[1] && p.Steady[1] < Math.Max(p.Steady[2], p.Steady[3]) && p.Steady[5] < p.Steady[1]);
        outputs[6] = Flag(p.Concurrent[5] < p.Concurrent[1]);
        outputs[7] = Flag(p.Pre48[0] < p.Pre48[1] && p.Pre48[1] < Math.Max(p.Pre48[2], p.Pre48[3]) && p.Pre48[5] < p.Pre48[1]);
    }

    /// <summary>The margins of one cell (<see cref="MarginNames"/>); the calibration's robustness term (<see cref="CalibrationSearch"/>) penalises negative ones.</summary>
    /// <param name="model">The model.</param>
    /// <param name="values">Values that replace the model's before the cell's factors apply (a calibration candidate; cell-type constants as <c>cell.name</c>).</param>
    /// <param name="factors">The constants the population varies.</param>
    /// <param name="folds">The cell's factors.</param>
    /// <param name="margins">Receives the margins.</param>
    public static void Margins(FerroptosisModel model, IReadOnlyDictionary<string, double> values, IReadOnlyList<string> factors, ReadOnlySpan<double> folds, Span<double> margins)
    {
        var p = Protocols(model, values, factors, folds);
        margins[0] = Math.Min(Math.Min(p.Steady[1] - p.Steady[0] - 0.05, Math.Max(p.Steady[2], p.Steady[3]) - p.Steady[1] - 0.05), p.Steady[1] - p.Steady[5] - 0.15);
        margins[1] = Math.Min(p.Concurrent[1] - p.Concurrent[5] - 0.10, p.Concurrent[1] - p.Concurrent[4]);
        margins[2] = Math.Min(Math.Min(p.Pre48[1] - p.Pre48[5] - 0.10, p.Pre48[1] - p.Pre48[0] - 0.03), Math.Max(p.Pre48[2], p.Pre48[3]) - p.Pre48[1] - 0.03);
        margins[3] = p.GpxHalf - 0.9;
        margins[4] = 0.1 - p.GpxNull;
    }

    /// <summary>The criteria behind <see cref="MarginNames"/>, one by one (name, margin), for diagnostics.</summary>
    public static readonly string[] DetailNames =
    [
        "28 S1-S0-.05", "28 maxS2S5-S1-.05", "28 S1-S50-.15", "29c S1-S50-.10", "29c S1-S20", "29p S1-S50-.10", "29p S1-S0-.03", "29p maxS2S5-S1-.03", "32 g.5 S72-.9", "32 g0 .1-S72",
    ];

    /// <summary>The criteria of <see cref="DetailNames"/> for one cell.</summary>
    public static void Details(FerroptosisModel model, IReadOnlyDictionary<string, double> values, IReadOnlyList<string> factors, ReadOnlySpan<double> folds, Span<double> d)
    {
        var p = Protocols(model, values, factors, folds);
        d[0] = p.Steady[1] - p.Steady[0] - 0.05;
        d[1] = Math.Max(p.Steady[2], p.Steady[3]) - p.Steady[1] - 0.05;
        d[2] = p.Steady[1] - p.Steady[5] - 0.15;
        d[3] = p.Concurrent[1] - p.Concurrent[5] - 0.10;
        d[4] = p.Concurrent[1] - p.Concurrent[4];
        d[5] = p.Pre48[1] - p.Pre48[5] - 0.10;
        d[6] = p.Pre48[1] - p.Pre48[0] - 0.03;
        d[7] = Math.Max(p.Pre48[2], p.Pre48[3]) - p.Pre48[1] - 0.03;
        d[8] = p.GpxHalf - 0.9;
        d[9] = 0.1 - p.GpxNull;
    }

    private static Runs Protocols(FerroptosisModel model, IReadOnlyDictionary<string, double> baseValues, IReadOnlyList<string> factors, ReadOnlySpan<double> folds)
    {
        var values = new Dictionary<string, double>(baseValues, StringComparer.Ordinal);
        for (int i = 0; i < factors.Count; i++)
        {
            double value = baseValues.TryGetValue(factors[i], out double v) ? v : model.Network.Parameters.First(p => p.Id == factors[i]).Value;
            values[factors[i]] = Shares.Contains(factors[i]) ? ScaleOdds(value, folds[i]) : value * folds[i];
        }

        var lab = new M(model, values);
        var checks = new Checks(lab);
        const string cell = "osteoblast";
        double e50 = checks.E50(cell);
        double[] hs = [0, 1, 2, 5, 20, 50];
        return new Runs(
            [.. hs.Select(h => checks.S(checks.HoLevel(cell, h), 24, Checks.P("erastin", e50)))],
            [.. hs.Select(h => checks.S(checks.Wt[cell], 24, [.. checks.HoChanges(cell, h, 0), Checks.P("erastin", e50)]))],
            [.. hs.Select(h => checks.S(checks.Wt[cell], 24, [.. checks.HoChanges(cell, h, -48), Checks.P("erastin", e50)]))],
            checks.S(checks.B(cell, Checks.Mul("c_GPX4", 0.5)), 72),
            checks.RunI(checks.Wt[cell], 72, new Dictionary<string, double> { ["GPX4"] = 0 }, Checks.P("c_GPX4", 0)).S(72));
    }

    /// <summary>The constants that are shares between 0 and 1 (the split of a flux between two routes): a population varies their odds <c>f/(1 − f)</c>, the ratio of the two routes' rate constants, so that a cell never has a share above 1 (a negative rate for the other route).</summary>
    public static readonly IReadOnlySet<string> Shares = new HashSet<string>(StringComparer.Ordinal) { "f_Fe", "phi_ch", "f_l0G" };

    /// <summary>A share whose odds are multiplied by <paramref name="fold"/>.</summary>
    public static double ScaleOdds(double share, double fold)
    {
        double odds = share / (1 - share) * fold;
        return odds / (1 + odds);
    }

    private static double Flag(bool value) => value ? 1 : 0;

    /// <summary>Survival of one cell under the protocols: erastin at the cell's IC50 for h = 0, 1, 2, 5, 20, 50 (constitutive, concurrent, 48-h pre-induction), and S(72) with GPX4 halved and removed.</summary>
    private sealed record Runs(double[] Steady, double[] Concurrent, double[] Pre48, double GpxHalf, double GpxNull);
}
