namespace Ferroptosis.Sim.Tests.Pathway.Contract;

internal sealed partial class Checks
{
    public double E50(string c) => Ic50("E50 " + c, Wt[c], "erastin", 0.05, 200);
    public double Rsl50(string c) => Ic50("R50 " + c, Wt[c], "rsl3", 0.001, 5);

    public void V1()
    {
        var OB = Wt["osteoblast"]; var OC = Wt["osteoclast"]; var OCY = Wt["osteocyte"];
        double g0 = m.Rest(OB).q["GSH"];
        // EB-25/16 rest
        foreach (var (n, b, lo, hi) in new[] { ("OB", OB, 0.95, 1.0), ("OCY", OCY, 0.95, 1.0), ("OC", OC, 0.85, 0.99) })
            Add("EB-25", $"{n} rest S(24)", S(b, 24), lo, hi);
        // EB-1
        double r50 = Rsl50("osteoblast");
        Add("EB-1", "RSL3 IC50 OB (uM)", r50, 0.02, 0.3);
        var rs1 = Run(OB, 24, P("rsl3", 1));
        Add("EB-1", "RSL3 1 t50", rs1.T50 ?? 99, 4, 10);
        Le("EB-1", "GPX4 at 3h RSL3 1 (<0.5)", rs1.At("GPX4", 3), 0.5);
        Ge("EB-1", "GSH(8)/G0 RSL3 1", rs1.At("GSH", 8) / g0, 0.9);
        Le("EB-1", "ML162 1 S24", S(OB, 24, P("ml162", 1)), 0.1);
        // EB-2
        Ge("EB-2", "Fer1 1 + RSL3 0.1", S(OB, 24, P("rsl3", 0.1), P("fer1", 1)), 0.95);
        Ge("EB-2", "Fer1 1 + erastin 10", S(OB, 24, P("erastin", 10), P("fer1", 1)), 0.95);
        Ge("EB-2", "Lip1 0.1 + RSL3 0.1", S(OB, 24, P("rsl3", 0.1), P("lip1", 0.1)), 0.95);
        Ge("EB-2", "VitE 50 + RSL3 0.1", S(OB, 24, P("rsl3", 0.1), P("vitE", 50)), 0.9);
        double s10 = S(OB, 24, P("erastin", 10));
        if (s10 < 0.5) Add("EB-2", "Fer1 EC50 vs erastin 10 (uM)", Bisect(d => 1 - S(OB, 24, P("erastin", 10), P("fer1", d)), 0.5, 1e-4, 1), 0.005, 0.2);
        // EB-3
        double e50 = E50("osteoblast");
        Add("EB-3", "erastin IC50 OB", e50, 2, 15);
        var e10 = Run(OB, 24, P("erastin", 10));
        Le("EB-3", "GSH/G0 at 4h erastin 10 (<0.6)", e10.At("GSH", 4) / g0, 0.6);
        Le("EB-3", "GSH/G0 at 8h erastin 10 (<0.45)", e10.At("GSH", 8) / g0, 0.45);
        Le("EB-3", "S24 erastin 10 (<0.4)", e10.S(24), 0.4);
        Ge("EB-3", "t50(era10) - t50(RSL3 1) (>4)", (e10.T50 ?? 30) - (rs1.T50 ?? 0), 4);
        // EB-5
        var fac = new[] { 100.0, 200, 400 }.Select(d => Run(OB, 48, P("fac", d))).ToArray();
        Ge("EB-5", "LIP(24) FAC100", fac[0].Fold("LIP", 24), 1.15);
        Ge("EB-5", "LIP(24) FAC200", fac[1].Fold("LIP", 24), 1.3);
        Le("EB-5", "LIP fold max FAC400 (SHOULD<=3)", fac[2].Peak("LIP") / fac[2].Rest["LIP"], 3, false);
        Le("EB-5", "TfR1(24) FAC100", fac[0].Fold("TFR1", 24), 0.95);
        Ge("EB-5", "FT(24) FAC200 - FAC100", fac[1].Fold("FT", 24) - fac[0].Fold("FT", 24), 0.001);
        Le("EB-5", "S48 FAC200 (<0.5)", fac[1].S(48), 0.5);
        Ge("EB-5", "S48 FAC100 - FAC200", fac[0].S(48) - fac[1].S(48), 0.001);
        Ge("EB-5", "S48 FAC200 + DFO", S(OB, 48, P("fac", 200), P("dfo", 100)), 0.9);
        Ge("EB-5", "S48 FAC200 + Fer1", S(OB, 48, P("fac", 200), P("fer1", 1)), 0.9);
        // EB-6
        double d90 = Bisect(d => S(OB, 24, P("erastin", d)), 0.9, 0.01, 200), d20 = Bisect(d => S(OB, 24, P("erastin", d)), 0.2, 0.01, 500);
        Le("EB-6", "erastin dose ratio S=0.9 -> S=0.2 (<=4)", d20 / d90, 4);
        var lpoT = e10.FirstAbove("LPO", 2 * e10.Rest["LPO"]); var sT = e10.FirstBelow("S", 0.9);
        Ge("EB-6", "LPO>2x precedes S<0.9 by (h) erastin 10", (sT ?? 24) - (lpoT ?? 24), 2);
        // EB-7
        double l0 = m.Rest(OB).q["LIP"];
        var pulse = RunI(OB, 24, new() { ["LIP"] = 2.2 * l0 });
        double half = pulse.FirstBelow("LIP", 1.6 * l0) ?? 99;
        Add("EB-7", "LIP excess half-time (min)", half * 60, 10, 90);
        Le("EB-7", "LIP within 10% at 6h", Math.Abs(pulse.At("LIP", 6) / l0 - 1), 0.1);
        Add("EB-7", "resting LIP (uM)", l0, 0.3, 1.5);
        Ge("EB-33", "(b) LIP pulse S(24)", pulse.S(24), 0.97);
        // EB-8
        var sfn = Run(OB, 24, P("sfn", 5));
        Ge("EB-8", "NRF2 by 6h SFN5", sfn.Peak("NRF2", 0, 6) / sfn.Rest["NRF2"], 2);
        Ge("EB-8", "mHO1(6) SFN5", sfn.Fold("mHO1", 6), 1.8);
        Ge("EB-8", "mHO1(6) - HO1(6)", sfn.Fold("mHO1", 6) - sfn.Fold("HO1", 6), 0.0);
        Add("EB-8", "HO1(24) SFN5", sfn.Fold("HO1", 24), 1.8, 6);
        Ge("EB-8", "XCT(24) SFN5", sfn.Fold("XCT", 24), 1.4);
        Ge("EB-8", "GSH(24)/G0 SFN5", sfn.At("GSH", 24) / g0, 1.3);
        Ge("EB-8", "FT(24) SFN5", sfn.Fold("FT", 24), 1.2);
        Ge("EB-8", "HO1(24) tBHQ50", Run(OB, 24, P("tbhq", 50)).Fold("HO1", 24), 2);
        Ge("EB-8", "HO1(24) DMF50", Run(OB, 24, P("dmf", 50)).Fold("HO1", 24), 2);
        // EB-9
        Ge("EB-9", "erastin 10 + SFN 5 S24", S(OB, 24, P("erastin", 10), P("sfn", 5)), 0.8);
        Ge("EB-9", "IC50 shift with SFN (x)", Ic50AtLeast("E50 OB sfn", OB, "erastin", 0.1, 2000, P("sfn", 5)) / e50, 3);
        // EB-10
        Ge("EB-10", "ML385 5 alone S24", S(OB, 24, P("ml385", 5)), 0.9);
        Le("EB-10", "IC50 with ML385 / without", Ic50("E50 OB ml385", OB, "erastin", 0.01, 200, P("ml385", 5)) / e50, 1.0 / 3);
        var nd = B("osteoblast", Mul("c_Nsyn", 0.1));
        var ndr = m.Rest(nd).q;
        Ge("EB-10", "Nrf2-def rest LPO fold", ndr["LPO"] / m.Rest(OB).q["LPO"], 1.5);
        Le("EB-10", "Nrf2-def GSH/G0", ndr["GSH"] / g0, 0.9);
        Le("EB-10", "Nrf2-def erastin 5 S24", S(nd, 24, P("erastin", 5)), 0.2);
        // EB-11
        Ge("EB-11", "HO1(24) erastin 10", e10.Fold("HO1", 24), 1.5);
        Ge("EB-11", "HO1(24)-HO1(12)", e10.Fold("HO1", 24) - e10.Fold("HO1", 12), 0.0001);
        Ge("EB-11", "NRF2(12) erastin 10", e10.Fold("NRF2", 12), 1.5);
        // EB-12
        Ge("EB-12", "ZnPP rescue erastin 10", S(OB, 24, P("erastin", 10), P("znpp", 10)) - e10.S(24), 0.2);
        // EB-14
        var hem = new[] { 5.0, 20, 50 }.Select(d => Run(OB, 24, P("hemin", d))).ToArray();
        Ge("EB-14", "hemin 5 S24", hem[0].S(24), 0.9);
        Ge("EB-14", "hemin 20 S24", hem[1].S(24), 0.9);
        Le("EB-14", "hemin 50 S24", hem[2].S(24), 0.5);
        Ge("EB-14", "ZnPP rescue hemin 50", S(OB, 24, P("hemin", 50), P("znpp", 10)) - hem[2].S(24), 0.2);
        Ge("EB-14", "SnPP rescue hemin 50", S(OB, 24, P("hemin", 50), P("snpp", 10)) - hem[2].S(24), 0.2);
        Ge("EB-14", "Fer1 hemin 50", S(OB, 24, P("hemin", 50), P("fer1", 1)), 0.9);
        Ge("EB-14", "HO1 rises hemin 20-5", hem[1].Fold("HO1", 24) - hem[0].Fold("HO1", 24), 0.0001);
        Ge("EB-14", "HO1 rises hemin 50-20", hem[2].Fold("HO1", 24) - hem[1].Fold("HO1", 24), 0.0001);
        // EB-16
        var ocr = m.Rest(OC).q; var obr = m.Rest(OB).q;
        Ge("EB-16", "OC/OB rest LPO", ocr["LPO"] / obr["LPO"], 1.5);
        Ge("EB-16", "OC/OB rest LIP", ocr["LIP"] / obr["LIP"], 1.05);
        Le("EB-16", "OC/OB rest HO1", ocr["HO1"] / obr["HO1"], 0.8);
        Le("EB-16", "E50 OC/OB", E50("osteoclast") / e50, 0.6);
        Le("EB-16", "RSL3 IC50 OC/OB", Rsl50("osteoclast") / r50, 0.999);
        Ge("EB-16", "FAC100 S48 OB-OC", fac[0].S(48) - S(OC, 48, P("fac", 100)), 0.2);
        Le("EB-16", "DFO OC LPO(24)/rest", Run(OC, 24, P("dfo", 100)).Fold("LPO", 24), 0.999);
        // EB-17
        var hg = Scenario("HG");
        var hgr = Run(OB, 48, hg);
        Add("EB-17", "HG OB S48", hgr.S(48), 0.3, 0.8);
        Ge("EB-17", "HG peak LPO", hgr.Peak("LPO") / hgr.Rest["LPO"], 2);
        Ge("EB-17", "HG + Fer1", S(OB, 48, [.. hg, P("fer1", 1)]), 0.9);
        Ge("EB-17", "HG + DFO", S(OB, 48, [.. hg, P("dfo", 100)]), 0.9);
        Ge("EB-17", "HG + mel100", S(OB, 48, [.. hg, P("mel", 100)]), 0.9);
        Ge("EB-17", "HG - (HG+mel+ML385)", hgr.S(48) - S(OB, 48, [.. hg, P("mel", 100), P("ml385", 5)]), 0.0001);
        // EB-18
        var hgy = Run(OCY, 48, hg);
        Ge("EB-18", "HG peak HO1 OCY/OB", hgy.Peak("HO1") / hgr.Peak("HO1"), 2);
        Ge("EB-18", "HG S48 OB-OCY", hgr.S(48) - hgy.S(48), 0.0001);
        Ge("EB-18", "HG OCY ZnPP rescue", S(OCY, 48, [.. hg, P("znpp", 10)]) - hgy.S(48), 0.15);
        Le("EB-18", "HG OB |ZnPP change|", Math.Abs(S(OB, 48, [.. hg, P("znpp", 10)]) - hgr.S(48)), 0.1);
        Ge("EB-18", "HG OCY + Fer1", S(OCY, 48, [.. hg, P("fer1", 1)]), 0.9);
        // EB-19
        var gc = Scenario("GC");
        var gcb = Run(OB, 48, gc);
        Le("EB-19", "GC OB S48", gcb.S(48), 0.8);
        Ge("EB-19", "GC S48 OB-OCY", gcb.S(48) - S(OCY, 48, gc), 0.0001);
        Ge("EB-19", "GC + Fer1", S(OB, 48, [.. gc, P("fer1", 1)]), 0.9);
        Ge("EB-19", "GC + SFN5", S(OB, 48, [.. gc, P("sfn", 5)]), 0.9);
        // EB-21 SHOULD
        var on = Scenario("ONFH");
        Le("EB-21", "ONFH OCY S72", S(OCY, 72, on), 0.2, false);
        Ge("EB-21", "ONFH + Fer1", S(OCY, 72, [.. on, P("fer1", 1)]), 0.9, false);
        Ge("EB-21", "ONFH + DFO", S(OCY, 72, [.. on, P("dfo", 100)]), 0.8, false);
    }
}
