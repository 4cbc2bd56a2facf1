namespace Ferroptosis.Sim.Tests.Pathway.Contract;

internal sealed partial class Checks
{
    static readonly double[] Hs = [0, 0.5, 1, 2, 5, 20, 50];

    public double Ox50(string c) => Cache.GetOrAdd("OX50 " + c, _ => Bisect(x => S(Wt[c], 24, P("ros_x", x)), 0.5, 1.0, 30));

    public void EB15()
    {
        var OB = Wt["osteoblast"];
        double[] ind = [0, 0.5, 1, 2, 3, 5, 10, 20, 50];
        var runs = ind.Select(f => Run(OB, 24, P("HO_OE", f, -12), P("ros_x", 1.65))).ToArray();
        var s = runs.Select(r => r.S(24)).ToArray();
        Ge("EB-15", "S(0) < S(1)", s[2] - s[0], 0.0001);
        double mx = new[] { s[3], s[4], s[5] }.Max();
        Ge("EB-15", "max S(2,3,5) - S(1)", mx - s[2], 0.05);
        Ge("EB-15", "S(1) - S(50) (>0.2)", s[2] - s[8], 0.2);
        Ge("EB-15", "max(2,3,5) - S(20) (>0.15)", mx - s[7], 0.15);
        int incLip = 0, decHeme = 0;
        for (int i = 1; i < ind.Length; i++) { if (runs[i].Peak("LIP") <= runs[i - 1].Peak("LIP")) incLip++; if (runs[i].Peak("HEME") >= runs[i - 1].Peak("HEME")) decHeme++; }
        Le("EB-15", "peak LIP non-increasing steps", incLip, 0);
        Le("EB-15", "peak heme non-decreasing steps", decHeme, 0);
        Ge("EB-15", "HO_OE 20 + DFO", S(OB, 24, P("HO_OE", 20, -12), P("ros_x", 1.65), P("dfo", 100)), 0.9);
        Ge("EB-15", "HO_OE 20 + Fer1", S(OB, 24, P("HO_OE", 20, -12), P("ros_x", 1.65), P("fer1", 1)), 0.9);
        Report.Line("EB-15 S: " + string.Join(" ", s.Select(v => v.ToString("F3"))));
    }

    public void EB28(string cell, bool must, bool ic50s = true)
    {
        string n = cell switch { "osteoblast" => "OB", "osteocyte" => "OCY", _ => "OC" };
        double e = E50(cell);
        var s = Hs.Select(h => S(HoLevel(cell, h), 24, P("erastin", e))).ToArray();
        double S0 = s[0], S1 = s[2], S2 = s[3], S5 = s[4], S20 = s[5], S50 = s[6];
        Report.Line($"EB-28 {n} E50 {e:F2} S(h): " + string.Join(" ", s.Select(v => v.ToString("F3"))));
        Ge("EB-28", $"{n} (i) S(1)-S(0)", S1 - S0, 0.05, true);
        Ge("EB-28", $"{n} (iii) S(1)-S(50)", S1 - S50, 0.15, true);
        if (!must) return;
        double mx = Math.Max(S2, S5);
        Ge("EB-28", $"{n} (ii) max(S2,S5)-S1", mx - S1, 0.05);
        Ge("EB-28", $"{n} (iii) max(S2,S5)-S20", mx - S20, 0.10);
        // (iv) one maximum at 2 or 5
        int bad = 0;
        for (int i = 1; i < s.Length - 1; i++) if (i != 3 && i != 4 && s[i] > s[i - 1] + 0.02 && s[i] > s[i + 1] + 0.02) bad++;
        Ge("EB-28", $"{n} (iv) argmax in {{2,5}} (1=yes)", (S2 == s.Max() || S5 == s.Max()) ? 1 : 0, 1);
        Le("EB-28", $"{n} (iv) other local maxima", bad, 0);
        if (ic50s)
        {
            double I(double h) => Ic50($"E50 {cell} h{h}", HoLevel(cell, h), "erastin", 0.02, 500);
            double i1 = I(1), i25 = Math.Max(I(2), I(5));
            Ge("EB-28", $"{n} (v) IC50(2 or 5)/IC50(1)", i25 / i1, 1.15);
            Le("EB-28", $"{n} (v) IC50(50)/IC50(1)", I(50) / i1, 0.7);
            Le("EB-28", $"{n} (v) IC50(0)/IC50(1)", I(0) / i1, 0.9);
        }
        foreach (var h in new[] { 0.0, 1, 5, 20 }) Ge("EB-28", $"{n} (vi) unchallenged S72 h={h}", S(HoLevel(cell, h), 72), 0.9);
        Ge("EB-28", $"{n} (vi) unchallenged S72 h=50", S(HoLevel(cell, 50), 72), 0.8);
    }

    public void EB29(string cell)
    {
        string n = cell == "osteoblast" ? "OB" : "OCY";
        double e = E50(cell);
        double[] hs = [0, 1, 2, 5, 20, 50];
        double[] deltas = [0, 12, 24, 48, double.PositiveInfinity];
        foreach (var x in new[] { 1.0, 1.5 })
        {
            var grid = new double[deltas.Length, hs.Length];
            for (int di = 0; di < deltas.Length; di++)
                for (int hi = 0; hi < hs.Length; hi++)
                {
                    double d = deltas[di], h = hs[hi];
                    grid[di, hi] = double.IsInfinity(d) ? S(HoLevel(cell, h), 24, P("erastin", x * e))
                        : S(Wt[cell], 24, [.. HoChanges(cell, h, -d), P("erastin", x * e)]);
                }
            for (int di = 0; di < deltas.Length; di++)
            {
                string tag = $"{n} x{x} D={deltas[di]}";
                double s0 = grid[di, 0], s1 = grid[di, 1], s2 = grid[di, 2], s5 = grid[di, 3], s20 = grid[di, 4], s50 = grid[di, 5];
                Report.Line($"EB-29 {tag}: " + string.Join(" ", Enumerable.Range(0, hs.Length).Select(i => grid[di, i].ToString("F3"))));
                Ge("EB-29", $"{tag} S1-S50", s1 - s50, 0.10);
                if (deltas[di] >= 12)
                {
                    Ge("EB-29", $"{tag} S1-S0", s1 - s0, 0.03);
                    Ge("EB-29", $"{tag} max(S2,S5)-S1", Math.Max(s2, s5) - s1, 0.03);
                }
                else
                {
                    Ge("EB-29", $"{tag} S1-S20", s1 - s20, 0.0001);
                    Ge("EB-29", $"{tag} max(S2,S5)-S1", Math.Max(s2, s5) - s1, 0.0);
                }
            }
            double conv = 0;
            for (int hi = 0; hi < hs.Length; hi++) conv = Math.Max(conv, Math.Abs(grid[3, hi] - grid[4, hi]));
            Le("EB-29", $"{n} x{x} |S(48)-S(inf)| max", conv, 0.10);
            int Arg(int di) { int b = 0; for (int i = 1; i < hs.Length; i++) if (grid[di, i] > grid[di, b]) b = i; return b; }
            Le("EB-29", $"{n} x{x} argmax shift 12h vs inf", Math.Abs(Arg(1) - Arg(4)), 1);
        }
    }

    public void EB30()
    {
        var q = new[] { 0.0, 1, 5, 20 }.Select(h => m.Rest(HoLevel("osteoblast", h)).q).ToArray();
        double F(int i, string k) => q[i][k] / q[1][k];
        Report.Line($"EB-30 HO1 at h=0,1,5,20: {q[0]["HO1"]:F2} {q[1]["HO1"]:F2} {q[2]["HO1"]:F2} {q[3]["HO1"]:F2}");
        Ge("EB-30", "(a) J_HO h20/h1", F(3, "J_HO"), 1.5);
        Ge("EB-30", "(a) J_syn h20/h1", F(3, "J_syn"), 1.3);
        Ge("EB-30", "(a) total heme h20/h1", F(3, "HEME_total"), 0.7);
        Add("EB-30", "(a) free heme h20/h1", F(3, "HEME"), 0.3, 1.0);
        Add("EB-30", "(a) FT h20/h1", F(3, "FT"), 1.5, 4);
        Ge("EB-30", "(a) FTFE h20/h1", F(3, "FTFE"), 1.5);
        Ge("EB-30", "(a) total iron h20/h1", F(3, "IRON_total"), 1.3);
        for (int i = 0; i < 4; i++) Add("EB-30", $"(a) rest LIP h{new[] { 0, 1, 5, 20 }[i]}/h1", F(i, "LIP"), 0.5, 1.3);
        Ge("EB-30", "(b) free heme h0/h1", F(0, "HEME"), 1.3);
        Le("EB-30", "(b) J_syn h0/h1", F(0, "J_syn"), 0.9);
        var hem = Run(Wt["osteoblast"], 24, P("hemin", 10));
        Le("EB-30", "(c) hemin 10 J_syn(24)/basal", hem.Fold("J_syn", 24), 0.5);
        Ge("EB-30", "(c) hemin 10 HO1(24)", hem.Fold("HO1", 24), 2);
        double Rb(Dictionary<string, double> x) => m.Default("a_BR") * x["BR"] / (m.Default("K_BR") + x["BR"]);
        var q50 = m.Rest(HoLevel("osteoblast", 50)).q;
        Le("EB-30", "(d) BR RTA gain 5->50 / 1->5 (SHOULD)", (Rb(q50) - Rb(q[2])) / Math.Max(1e-9, Rb(q[2]) - Rb(q[1])), 0.25, false);
    }

    public void EB31()
    {
        double e = E50("osteoblast");
        double[] hs = [1, 5, 20, 50];
        var r = hs.Select(h => Run(HoLevel("osteoblast", h), 24, P("erastin", e))).ToArray();
        Report.Line("EB-31 peak LIP: " + string.Join(" ", r.Select(x => x.Peak("LIP").ToString("F3"))) + " peak heme: " + string.Join(" ", r.Select(x => x.Peak("HEME").ToString("F3"))) + " peak LPO: " + string.Join(" ", r.Select(x => x.Peak("LPO").ToString("F2"))));
        Ge("EB-31", "peak LIP h20-h5", r[2].Peak("LIP") - r[1].Peak("LIP"), 0);
        Ge("EB-31", "peak LIP h50-h20", r[3].Peak("LIP") - r[2].Peak("LIP"), 0);
        Ge("EB-31", "peak LIP h50/h1", r[3].Peak("LIP") / r[0].Peak("LIP"), 1.3);
        int bad = 0; for (int i = 1; i < 4; i++) if (r[i].Peak("HEME") > r[i - 1].Peak("HEME") + 1e-9) bad++;
        Le("EB-31", "peak heme increasing steps", bad, 0);
        Ge("EB-31", "peak LPO h50/h1", r[3].Peak("LPO") / r[0].Peak("LPO"), 1.5);
        double need = Math.Max(0.9, r[0].S(24));
        Ge("EB-31", "h50 + DFO S24 - max(0.9,S(1))", S(HoLevel("osteoblast", 50), 24, P("erastin", e), P("dfo", 100)) - need, 0);
        Ge("EB-31", "h50 + Fer1 S24 - max(0.9,S(1))", S(HoLevel("osteoblast", 50), 24, P("erastin", e), P("fer1", 1)) - need, 0);
    }
}

/// <summary>Summary lines of the protocols (survival curves, read-outs), written to the test progress output.</summary>
internal static class Report
{
    public static void Line(string s) => TestContext.Progress.WriteLine(s);
}
