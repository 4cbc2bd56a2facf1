namespace Ferroptosis.Sim.Tests.Pathway.Contract;

internal sealed partial class Checks
{
    public void EB32()
    {
        foreach (var cell in new[] { "osteoblast", "osteocyte", "osteoclast" })
        {
            string n = cell switch { "osteoblast" => "OB", "osteocyte" => "OCY", _ => "OC" };
            double lpo1 = m.Rest(Wt[cell]).q["LPO"];
            var b5 = B(cell, Mul("c_GPX4", 0.5));
            Ge("EB-32", $"{n} g=0.5 S72", S(b5, 72), n == "OC" ? 0.8 : 0.9);
            Le("EB-32", $"{n} g=0.5 rest LPO fold", m.Rest(b5).q["LPO"] / lpo1, 2);
            if (n != "OC") Ge("EB-32", $"{n} g=0.33 S72", S(B(cell, Mul("c_GPX4", 0.33)), 72), 0.5);
            var z = RunI(Wt[cell], 72, new() { ["GPX4"] = 0 }, P("c_GPX4", 0));
            Le("EB-32", $"{n} g=0 S72", z.S(72), 0.1);
            Add("EB-32", $"{n} g=0 t50", z.T50 ?? 99, 6, 72);
            if (n != "OC")
            {
                Add("EB-32", $"{n} g=0.5 erastin IC50 / WT", Ic50($"E50 {cell} g.5", b5, "erastin", 0.01, 200) / E50(cell), 0.3, 0.9);
                Add("EB-32", $"{n} g=0.5 RSL3 IC50 / WT", Ic50($"R50 {cell} g.5", b5, "rsl3", 0.0005, 5) / Rsl50(cell), 0.3, 0.9);
            }
        }
    }

    public void EB33()
    {
        var OB = Wt["osteoblast"]; double g0 = m.Rest(OB).q["GSH"];
        var x5 = B("osteoblast", Mul("c_XCT", 0.5));
        Ge("EB-33", "(a) SLC7A11 0.5 S72", S(x5, 72), 0.9);
        Add("EB-33", "(a) SLC7A11 0.5 GSH/G0", m.Rest(x5).q["GSH"] / g0, 0.5, 0.9);
        var x0 = RunI(OB, 72, new() { ["XCT"] = 0 }, P("c_XCT", 0));
        Le("EB-33", "(a) SLC7A11 0 GSH(24)/G0", x0.At("GSH", 24) / g0, 0.3);
        Le("EB-33", "(a) SLC7A11 0 S72", x0.S(72), 0.3);
        Ge("EB-33", "(c) ros_x 2 S48 OB (SHOULD)", S(OB, 48, P("ros_x", 2)), 0.5, false);
        Ge("EB-33", "(c) ros_x 2 S48 OCY (SHOULD)", S(Wt["osteocyte"], 48, P("ros_x", 2)), 0.5, false);
        Add("EB-33", "(c) OX50 OB (SHOULD)", Ox50("osteoblast"), 2, 6, false);
    }

    public void EB34()
    {
        foreach (var (sc, cell) in new[] { ("GC", "osteoblast"), ("HG", "osteoblast"), ("HG", "osteocyte"), ("IO", "osteoblast"), ("EST", "osteocyte") })
        {
            var b = Wt[cell]; string tag = $"{sc} {(cell == "osteoblast" ? "OB" : "OCY")}";
            var r = Run(b, 48, Scenario(sc));
            var f = Run(b, 48, [.. Scenario(sc), P("fer1", 1)]);
            double g24 = r.Fold("GSH", 24), g48 = r.Fold("GSH", 48), lip = r.Peak("LIP") / r.Rest["LIP"], lpo = r.Peak("LPO") / r.Rest["LPO"];
            double ft24 = r.Fold("FT", 24), ft48 = r.Fold("FT", 48);
            Report.Line($"EB-34 {tag}: GSH {g24:F2}/{g48:F2} LIP {lip:F2} LPO {lpo:F2} FT {ft24:F2}/{ft48:F2} GPX4 {r.Fold("GPX4", 48):F2} XCT {r.Fold("XCT", 48):F2} TfR1 {r.Fold("TFR1", 24):F2} S48 {r.S(48):F2}");
            switch (sc)
            {
                case "GC":
                    Le("EB-34", $"{tag} GSH max(24,48)", Math.Max(g24, g48), 1.0); Le("EB-34", $"{tag} GSH (SHOULD 0.85)", Math.Max(g24, g48), 0.85, false);
                    Ge("EB-34", $"{tag} peak LIP", lip, 1.15); Ge("EB-34", $"{tag} peak LPO", lpo, 1.5);
                    Le("EB-34", $"{tag} FT max(24,48)", Math.Max(ft24, ft48), 0.9);
                    Le("EB-34", $"{tag} GPX4", r.Fold("GPX4", 48), 0.999); Le("EB-34", $"{tag} XCT", r.Fold("XCT", 48), 0.999);
                    break;
                case "HG":
                    Le("EB-34", $"{tag} GSH max(24,48)", Math.Max(g24, g48), 1.0); Le("EB-34", $"{tag} GSH (SHOULD 0.85)", Math.Max(g24, g48), 0.85, false);
                    Ge("EB-34", $"{tag} peak LIP", lip, 1.10); Ge("EB-34", $"{tag} peak LPO", lpo, 1.5);
                    Add("EB-34", $"{tag} FT min(24,48)", Math.Min(ft24, ft48), 0.7, 1.5); Add("EB-34", $"{tag} FT max(24,48)", Math.Max(ft24, ft48), 0.7, 1.5);
                    Le("EB-34", $"{tag} GPX4", r.Fold("GPX4", 48), 0.999); Le("EB-34", $"{tag} XCT", r.Fold("XCT", 48), 0.999);
                    break;
                case "IO":
                    Le("EB-34", $"{tag} GSH max(24,48)", Math.Max(g24, g48), 0.8);
                    Ge("EB-34", $"{tag} peak LIP", lip, 1.3); Ge("EB-34", $"{tag} peak LPO", lpo, 2.0);
                    Ge("EB-34", $"{tag} FT min(24,48)", Math.Min(ft24, ft48), 1.3);
                    Le("EB-34", $"{tag} TfR1(24)", r.Fold("TFR1", 24), 0.95);
                    break;
                case "EST":
                    Le("EB-34", $"{tag} GSH (SHOULD 0.95)", Math.Max(g24, g48), 0.95, false);
                    Ge("EB-34", $"{tag} peak LIP", lip, 1.10); Ge("EB-34", $"{tag} peak LPO", lpo, 1.3);
                    Ge("EB-34", $"{tag} FT min(24,48)", Math.Min(ft24, ft48), 0.95); Ge("EB-34", $"{tag} FT (SHOULD 1.1)", Math.Min(ft24, ft48), 1.1, false);
                    Le("EB-34", $"{tag} GPX4", r.Fold("GPX4", 48), 1.0);
                    break;
            }
            Le("EB-34", $"{tag} t(GSH min) - t(LPO peak)", r.TimeOfMin("GSH") - r.TimeOfPeak("LPO"), 6);
            Ge("EB-34", $"{tag} GSH48 Fer1 - without", f.At("GSH", 48) - r.At("GSH", 48), 1e-6);
            Ge("EB-34", $"{tag} Fer1 S48", f.S(48), 0.9);
        }
    }

    public void EB35()
    {
        const double rk = 50; const double T = 120;
        var ocp = Wt["osteoclast-precursor"];
        R Go(Dictionary<string, double> b, params Ch[] ch) => Run(b, T, [P("rankl", rk), .. ch]);
        var basic = Go(ocp);
        double n0 = basic.At("NOC", T);
        Ge("EB-35", "RANKL ROS peak(0-24)/rest", basic.Peak("ROS", 0, 24) / basic.Rest["ROS"], 1.3);
        Ge("EB-35", "RANKL TfR1 (day 3-5)", basic.Fold("TFR1", 96), 1.3);
        Le("EB-35", "RANKL HO1 (day 3-5) max", Math.Max(basic.Fold("HO1", 72), basic.Fold("HO1", 120)), 0.8);
        Ge("EB-35", "RANKL alone precursor S(5d)", basic.S(T), 0.8);
        var cases = new (string name, Dictionary<string, double> b, Ch[] ch, double lo, double hi)[]
        {
            ("FAC 50", ocp, [P("fac", 50)], 1.2, 3), ("FAC 100", ocp, [P("fac", 100)], 1.2, 3),
            ("DFO 10", ocp, [P("dfo", 10)], 0, 0.7), ("DFO 50", ocp, [P("dfo", 50)], 0, 0.7),
            ("antioxidant ros_x 0.5", ocp, [P("ros_x", 0.5)], 0, 0.6),
            ("Nrf2 KD 0.1", B("osteoclast-precursor", Mul("c_Nsyn", 0.1)), [], 1.3, 1e9),
            ("SFN 2", ocp, [P("sfn", 2)], 0, 0.7), ("SFN 5", ocp, [P("sfn", 5)], 0, 0.7),
            ("hemin 10", ocp, [P("hemin", 10)], 0, 0.7), ("hemin 20", ocp, [P("hemin", 20)], 0, 0.7),
            ("HMOX1 KO", B("osteoclast-precursor", P("c_HO", 0)), [], 1.2, 1e9),
            ("HMOX1 KO + hemin 10", B("osteoclast-precursor", P("c_HO", 0)), [P("hemin", 10)], 0.85, 1e9),
            ("HMOX1 KO + hemin 20", B("osteoclast-precursor", P("c_HO", 0)), [P("hemin", 20)], 0.85, 1e9),
        };
        foreach (var (name, b, ch, lo, hi) in cases)
        {
            var r = Go(b, ch);
            Add("EB-35", $"N_OC {name}", r.At("NOC", T) / n0, lo, hi);
            Ge("EB-35", $"precursor S(5d) {name}", r.S(T), 0.8);
        }
        var f400 = Go(ocp, P("fac", 400)); var f100 = Go(ocp, P("fac", 100));
        Le("EB-35", "N_OC FAC400 - FAC100 (SHOULD <=0)", (f400.At("NOC", T) - f100.At("NOC", T)) / n0, 0, false);
    }

    public void EB37()
    {
        var OB = Wt["osteoblast"]; var rest = m.Rest(OB).q;
        var kd = B("osteoblast", Mul("c_NCOA4", 0.2)); var oe = B("osteoblast", Mul("c_NCOA4", 2.5));
        var rk = m.Rest(kd).q; var ro = m.Rest(oe).q;
        Add("EB-37", "rest KD FT", rk["FT"] / rest["FT"], 1.3, 5);
        Add("EB-37", "rest KD LIP", rk["LIP"] / rest["LIP"], 0.6, 0.95);
        Le("EB-37", "rest OE FT", ro["FT"] / rest["FT"], 0.8);
        double e = E50("osteoblast");
        var wt = Run(OB, 24, P("erastin", e)); var k = Run(kd, 24, P("erastin", e)); var o = Run(oe, 24, P("erastin", e));
        Ge("EB-37", "erastin S(KD)-S(WT)", k.S(24) - wt.S(24), 0.15);
        Ge("EB-37", "erastin S(WT)-S(OE)", wt.S(24) - o.S(24), 0.10);
        Le("EB-37", "erastin peak LIP KD/WT", k.Peak("LIP") / wt.Peak("LIP"), 0.85);
        var gc = Scenario("GC");
        var g = Run(OB, 48, gc); var gk = Run(kd, 48, gc);
        Ge("EB-37", "GC S(KD)-S(GC) at 48", gk.S(48) - g.S(48), 0.15);
        Le("EB-37", "GC FT max(24,48)/rest", Math.Max(g.At("FT", 24), g.At("FT", 48)) / rest["FT"], 0.9);
        Ge("EB-37", "GC+KD FT min(24,48)/WT rest", Math.Min(gk.At("FT", 24), gk.At("FT", 48)) / rest["FT"], 1.0);
        Le("EB-37", "WT erastin FT max(12-24)/rest (SHOULD)", Math.Max(wt.At("FT", 12), wt.At("FT", 24)) / rest["FT"], 0.85, false);
        var OC = Wt["osteoclast"]; double eoc = E50("osteoclast");
        double gainOc = S(B("osteoclast", Mul("c_NCOA4", 0.2)), 24, P("erastin", eoc)) - S(OC, 24, P("erastin", eoc));
        Ge("EB-37", "KD helps OC >= OB (SHOULD)", gainOc - (k.S(24) - wt.S(24)), 0, false);
        double r50 = Rsl50("osteoblast");
        double gainR = S(kd, 24, P("rsl3", r50)) - S(OB, 24, P("rsl3", r50));
        Ge("EB-37", "KD protects less vs RSL3 (SHOULD)", (k.S(24) - wt.S(24)) - gainR, 0, false);
    }

    public void EB38()
    {
        foreach (var cell in new[] { "osteoblast", "osteocyte" })
        {
            string n = cell == "osteoblast" ? "OB" : "OCY"; var b = Wt[cell];
            double ox = Ox50(cell), e = E50(cell);
            (string name, Ch[] ch)[] chal = [("oxidant", [P("ros_x", ox)]), ("hemin50", [P("hemin", 50)]), ("erastin", [P("erastin", e)])];
            var ctrl = chal.Select(c => S(b, 24, c.ch)).ToArray();
            foreach (var delay in new[] { 0.0, 16, 24 })
            {
                foreach (var dose in new[] { 2.0, 5, 10 })
                {
                    Ch[] pulse = [P("hemin", dose, -delay - 1), P("hemin", 0, -delay)];
                    if (dose == 5 && delay > 0)
                    {
                        var pre = m.Run(b, 0.001, pulse, -delay - 1);
                        Add("EB-38", $"{n} D{delay} FT at challenge", pre.At("FT", 0) / pre.Rest["FT"], 2, 15);
                        Add("EB-38", $"{n} D{delay} HO1 at challenge", pre.At("HO1", 0) / pre.Rest["HO1"], 3, 50);
                    }
                    for (int c = 0; c < chal.Length; c++)
                    {
                        double s = m.Run(b, 24, [.. pulse, .. chal[c].ch], -delay - 1).S(24);
                        string tag = $"{n} pulse{dose} D{delay} {chal[c].name}";
                        if (dose != 5 && !(c < 2 && delay > 0)) continue;
                        if (c == 2) { Ge("EB-38", tag + " S - ctrl", s - ctrl[c], -0.05); continue; }
                        if (delay == 0) Le("EB-38", tag + " S - ctrl", s - ctrl[c], -0.05);
                        else if (dose == 5) Ge("EB-38", tag + " S - ctrl", s - ctrl[c], 0.15);
                        Cache[$"pc {n} {dose} {delay} {c}"] = s;
                    }
                }
                if (delay > 0) for (int c = 0; c < 2; c++)
                    Ge("EB-38", $"{n} D{delay} {chal[c].name} protection 10 >= 5 >= 2", Math.Min(Cache[$"pc {n} 10 {delay} {c}"] - Cache[$"pc {n} 5 {delay} {c}"], Cache[$"pc {n} 5 {delay} {c}"] - Cache[$"pc {n} 2 {delay} {c}"]), 0);
            }
        }
    }

    public void EB39()
    {
        var OB = Wt["osteoblast"]; double e = E50("osteoblast");
        var sfn = Run(OB, 24, P("sfn", 5)); var tb = Run(OB, 24, P("tbhq", 50)); var dmf = Run(OB, 24, P("dmf", 50));
        Report.Line($"EB-39 HO1(24) SFN {sfn.Fold("HO1", 24):F2} tBHQ {tb.Fold("HO1", 24):F2} DMF {dmf.Fold("HO1", 24):F2}; GSH min SFN {sfn.Min("GSH", 0, 24) / sfn.Rest["GSH"]:F2} tBHQ {tb.Min("GSH", 0, 24) / tb.Rest["GSH"]:F2} DMF {dmf.Min("GSH", 0, 3) / dmf.Rest["GSH"]:F2}");
        Add("EB-39", "HO1(24) tBHQ / SFN", tb.Fold("HO1", 24) / sfn.Fold("HO1", 24), 0.7, 1.3);
        Add("EB-39", "HO1(24) DMF / SFN", dmf.Fold("HO1", 24) / sfn.Fold("HO1", 24), 0.7, 1.3);
        Le("EB-39", "DMF GSH min (0.5-3h)", dmf.Min("GSH", 0.5, 3) / dmf.Rest["GSH"], 0.7);
        Ge("EB-39", "DMF GSH(24)", dmf.Fold("GSH", 24), 1.1);
        Ge("EB-39", "tBHQ ROS max (0.5-4h)", tb.Peak("ROS", 0.5, 4) / tb.Rest["ROS"], 1.3);
        Ge("EB-39", "tBHQ GSH min", tb.Min("GSH", 0, 24) / tb.Rest["GSH"], 0.85);
        Ge("EB-39", "SFN GSH min", sfn.Min("GSH", 0, 24) / sfn.Rest["GSH"], 0.85);
        Le("EB-39", "SFN ROS max", sfn.Peak("ROS", 0, 24) / sfn.Rest["ROS"], 1.15);
        double ctrl = S(OB, 24, P("erastin", 0.7 * e));
        double rs = S(OB, 24, P("erastin", 0.7 * e), P("sfn", 5)) - ctrl, rd = S(OB, 24, P("erastin", 0.7 * e), P("dmf", 50)) - ctrl;
        Ge("EB-39", "(i) rescue SFN - rescue DMF", rs - rd, 0.10);
        var ts = Run(OB, 24, P("erastin", 0.7 * e), P("sfn", 5)); var tt = Run(OB, 24, P("erastin", 0.7 * e), P("tbhq", 50));
        Ge("EB-39", "(i) LPO(4h) tBHQ/SFN", tt.At("LPO", 4) / ts.At("LPO", 4), 1.15);
        double c2 = S(OB, 24, P("erastin", e));
        foreach (var (d, v) in new[] { ("sfn", 5.0), ("tbhq", 50), ("dmf", 50) })
            Ge("EB-39", $"(ii) pretreat {d} gain", m.Run(OB, 24, [P(d, v, -24), P(d, 0, 0), P("erastin", e)], -24).S(24) - c2, 0.15);
        var oc = Wt["osteoclast"];
        Ge("EB-39", "DMF 100 kills OC >=20% (SHOULD)", 1 - S(oc, 24, P("dmf", 100)), 0.2, false);
    }
}
