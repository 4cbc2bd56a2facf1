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

    /// <summary>The kinetic constants a population varies: every constant of the base model that is not a drug input, a cell-type or genetic multiplier, a Hill coefficient or the version number.</summary>
    public static IReadOnlyList<string> Factors(FerroptosisModel model)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal)
        {
            "erastin", "rsl3", "ml162", "fer1", "lip1", "vitE", "dfo", "hemin", "znpp", "snpp", "sfn", "tbhq", "dmf", "mel", "ml385", "fac", "ros_x", "HO_OE", "HO_tg", "rankl",
            "c_TfR", "c_NCOA4", "c_ROS", "c_Nsyn", "c_ARE", "c_HO", "A_JUN", "c_Hrel", "c_XCT", "c_GPX4", "TfSat", "PUFA", "c_FT", "c_ALAS", "c_Hexp", "model_version", "DMFT", "cell",
        };
        var derived = model.Network.InitialAssignments.Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);
        return [.. model.Network.Parameters.Where(p => !skip.Contains(p.Id) && !derived.Contains(p.Id) && !p.Id.StartsWith("n_", StringComparison.Ordinal) && p.Value > 0).Select(p => p.Id)];
    }

    /// <summary>Evaluates the behaviours of one cell.</summary>
    public static void Evaluate(FerroptosisModel model, IReadOnlyList<string> factors, ReadOnlySpan<double> folds, Span<double> outputs)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < factors.Count; i++)
        {
            values[factors[i]] = model.Network.Parameters.First(p => p.Id == factors[i]).Value * folds[i];
        }

        var lab = new M(model, values);
        var checks = new Checks(lab);
        const string cell = "osteoblast";
        double e50 = checks.E50(cell);
        double[] hs = [0, 1, 2, 5, 20, 50];
        double[] steady = [.. hs.Select(h => checks.S(checks.HoLevel(cell, h), 24, Checks.P("erastin", e50)))];
        double[] concurrent = [.. hs.Select(h => checks.S(checks.Wt[cell], 24, [.. checks.HoChanges(cell, h, 0), Checks.P("erastin", e50)]))];
        double[] pre48 = [.. hs.Select(h => checks.S(checks.Wt[cell], 24, [.. checks.HoChanges(cell, h, -48), Checks.P("erastin", e50)]))];
        outputs[0] = Flag(steady[1] - steady[0] >= 0.05 && Math.Max(steady[2], steady[3]) - steady[1] >= 0.05 && steady[1] - steady[5] >= 0.15);
        outputs[1] = Flag(concurrent[1] - concurrent[5] >= 0.10 && concurrent[1] - concurrent[4] > 0);
        outputs[2] = Flag(pre48[1] - pre48[5] >= 0.10 && pre48[1] - pre48[0] >= 0.03 && Math.Max(pre48[2], pre48[3]) - pre48[1] >= 0.03);
        outputs[3] = Flag(checks.S(checks.B(cell, Checks.Mul("c_GPX4", 0.5)), 72) >= 0.9);
        outputs[4] = Flag(checks.RunI(checks.Wt[cell], 72, new Dictionary<string, double> { ["GPX4"] = 0 }, Checks.P("c_GPX4", 0)).S(72) <= 0.1);
        outputs[5] = Flag(steady[0] < steady[1] && steady[1] < Math.Max(steady[2], steady[3]) && steady[5] < steady[1]);
        outputs[6] = Flag(concurrent[5] < concurrent[1]);
        outputs[7] = Flag(pre48[0] < pre48[1] && pre48[1] < Math.Max(pre48[2], pre48[3]) && pre48[5] < pre48[1]);
    }

    private static double Flag(bool value) => value ? 1 : 0;
}
