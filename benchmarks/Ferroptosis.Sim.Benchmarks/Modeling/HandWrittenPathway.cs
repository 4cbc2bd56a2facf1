using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>The right-hand side of the curated ferroptosis model v1 (<c>models/ferroptosis/v1/ferroptosis.ant</c>) written by hand in C#, for comparison with the compiled and interpreted model.</summary>
/// <remarks>
/// <para>
/// Transcribed from the Antimony file: the assignment rules become locals computed once per evaluation,
/// the reactions are summed into the species balances. Parameter values are read from a run state of the
/// compiled model at construction (cell type, drugs and the initial-assignment constants included), and
/// the constants K^n of the Hill functions are computed there once, as a hand-coder would.
/// The benchmark setup checks that this and the compiled model agree to rounding.
/// </para>
/// <para>
/// No hand-written Jacobian: with the model's 61 structural entries through the peroxide tone, the Keap1 and
/// IRP switches and the death hazard, writing and maintaining one by hand is exactly the work the model
/// layer's symbolic derivatives replace; the 20×40 network (<see cref="HandWrittenNetwork"/>) carries the
/// hand-written Jacobian comparison. Immutable.
/// </para>
/// </remarks>
public sealed partial class HandWrittenPathway : IOdeSystem
{
    private readonly int _nrf2, _mho1, _ho1, _heme, _hb, _br, _lip, _ft, _ftfe, _tfr1, _xct, _gsh, _gpx4, _aox, _lpo, _s;

    /// <summary>Initializes a new instance of the <see cref="HandWrittenPathway"/> class.</summary>
    /// <param name="instance">A run state of the compiled ferroptosis model whose parameter values (after <see cref="ModelInstance.ComputeInitialState"/>) are used.</param>
    public HandWrittenPathway(ModelInstance instance)
    {
        var model = instance.Model;
        Dimension = model.Dimension;
        _nrf2 = model.IndexOfState("NRF2");
        _mho1 = model.IndexOfState("mHO1");
        _ho1 = model.IndexOfState("HO1");
        _heme = model.IndexOfState("HEME");
        _hb = model.IndexOfState("HB");
        _br = model.IndexOfState("BR");
        _lip = model.IndexOfState("LIP");
        _ft = model.IndexOfState("FT");
        _ftfe = model.IndexOfState("FTFE");
        _tfr1 = model.IndexOfState("TFR1");
        _xct = model.IndexOfState("XCT");
        _gsh = model.IndexOfState("GSH");
        _gpx4 = model.IndexOfState("GPX4");
        _aox = model.IndexOfState("AOX");
        _lpo = model.IndexOfState("LPO");
        _s = model.IndexOfState("S");
        P = new Parameters(instance.GetParameter);
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <inheritdoc/>
    public bool IsAutonomous => true;

    /// <inheritdoc/>
    public bool HasJacobian => false;

    private Parameters P { get; }

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var p = P;
        double nrf2 = Pos(y[_nrf2]), mho1 = Pos(y[_mho1]), ho1 = Pos(y[_ho1]), heme = Pos(y[_heme]), hb = Pos(y[_hb]);
        double br = Pos(y[_br]), lip = Pos(y[_lip]), ft = Pos(y[_ft]), ftfe = Pos(y[_ftfe]), tfr1 = Pos(y[_tfr1]);
        double xct = Pos(y[_xct]), gsh = Pos(y[_gsh]), gpx4 = Pos(y[_gpx4]), aox = Pos(y[_aox]), lpo = Pos(y[_lpo]), s = Pos(y[_s]);

        // Peroxide tone and Keap1/Nrf2 (spec 6.3, 6.4).
        double clear = (p.C0Weight + (p.CAox * aox) + (p.CGsh * gsh / (p.KGshR + gsh))) / p.C0;
        double ros = Pos(p.CRos * p.RosX * (1 + (p.AHRos * ((heme / p.H0) - 1))) / clear);
        double lpoExcess = Pos(lpo - 1);
        double electrophile = (p.ER * Pos(ros - 1)) + (p.EL * lpoExcess) + p.DrugElectrophile;
        double keapInactive = Hill(electrophile, p.KEn, p.NE);
        double hne = Hill(nrf2 / p.Ml385Factor, p.KTn, p.NT);

        // ARE target genes (6.1) and IRP factors.
        double hLip = Hill(lip, p.KIrpN, p.NIrp);
        double uIrp = hLip / p.U0;
        double dIrp = (1 - hLip) / p.D0;

        // HMOX1 transcription (7.2) and heme oxygenase (7.3).
        double tx = (p.BHo + (p.CAre * p.AHo * hne) + (p.AHh * Hill(heme, p.KBhN, p.NBh)) + (p.AJun * lpoExcess / (p.KJun + lpoExcess))) / p.T0;
        double vFree = ((p.VHo1 * ho1) + p.VHo2) * heme / ((p.KmHo * p.IHo) + heme);
        double vBound = p.KHob * ho1 * hb / p.IHo;
        double vRel = p.CHrel * p.KRel * (1 + (p.ARh * Pos(ros - 1))) * hb;

        // Iron (7.4).
        double kFtd = p.KFt * (1 + (p.CNcoa4 * dIrp));
        double fpn = Are(p, hne, p.BFpn, p.AFpn) * uIrp;
        double vSt = p.KSt * ft * lip * Pos(1 - (ftfe / (p.Cap * ft)));

        // GSH synthesis (7.5) and lipid peroxidation (6.5, 7.6).
        double xa = xct / p.ErastinFactor;
        double vSyn = p.Vg * Are(p, hne, p.BGcl, p.AGcl) * (xa / (p.KCys + xa)) / (1 + (gsh / p.KiGsh));
        double rta = p.Rta + (p.ABr * br / (p.KBr + br));
        double pSub = p.Pufa * Pos(1 - (lpo / p.LMax)) / rta;
        double vGpx = p.VGpx * gpx4 * (gsh / (p.KGshGpx + gsh)) * (lpo / (p.KLpo + lpo));
        double hazard = p.KD * Hill(y[_lpo], p.LpoThN, p.ND);

        dydt[_nrf2] = (p.CNsyn * p.KNSyn) - (p.KNInd * nrf2) - (p.KNKeap * (1 - keapInactive) * nrf2);
        dydt[_mho1] = (p.Km * p.CHo * p.HoOe * tx) - (p.Km * mho1);
        dydt[_ho1] = (p.Kp * mho1) - (p.Kp * ho1);
        dydt[_heme] = p.RSyn + p.HeminInflux + vRel - (p.KInc * heme) - (p.KHexp * heme) - vFree;
        dydt[_hb] = -vRel + (p.KInc * heme) - vBound;
        dydt[_br] = vFree + vBound - (p.KBrClear * br);
        dydt[_lip] = vFree + vBound + (p.KTf * p.TfSat * tfr1) + p.NtbiInflux - vSt + (kFtd * ftfe) - (p.KEx * fpn * lip) - (p.KUse * lip) - (p.DfoRate * lip);
        dydt[_ft] = (p.KFt * p.CFt * (1 + p.CNcoa4) * Are(p, hne, p.BFt, p.AFt) * uIrp) - (kFtd * ft);
        dydt[_ftfe] = vSt - (kFtd * ftfe);
        dydt[_tfr1] = (p.KTfr * p.CTfr * dIrp) - (p.KTfr * tfr1);
        dydt[_xct] = (p.Kx * p.CXct * Are(p, hne, p.BX, p.AX)) - (p.Kx * xct);
        dydt[_gsh] = vSyn - (p.KGout * gsh) - (p.KGRos * ros * gsh);
        dydt[_gpx4] = (p.KG * p.CGpx4 * Are(p, hne, p.BG, p.AG)) - (p.KG * gpx4) - (p.GpxInactivation * gpx4);
        dydt[_aox] = (p.KAox * Are(p, hne, p.BAox, p.AAox)) - (p.KAox * aox);
        dydt[_lpo] = (pSub * ros * ((p.Ki * lip) + (p.Kh * heme))) + (pSub * p.Kb * lip * lpo) - vGpx - (p.KL0 * lpo);
        dydt[_s] = -hazard * s;
    }

    /// <inheritdoc/>
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) =>
        throw new NotSupportedException("The hand-written pathway model has no hand-written Jacobian (see the remarks).");

    private static double Pos(double x) => Math.Max(x, 0);

    /// <summary>hill(x; K, n) = max(x, 0)^n / (K^n + max(x, 0)^n), with K^n given.</summary>
    private static double Hill(double x, double kPowerN, double n)
    {
        double xn = Power(Pos(x), n);
        return xn / (kPowerN + xn);
    }

    /// <summary>x^n, multiplying out the Hill exponents 2 and 4 the model uses (Math.Pow costs several multiplications).</summary>
    private static double Power(double x, double n)
    {
        if (n == 2)
        {
            return x * x;
        }

        if (n == 4)
        {
            double square = x * x;
            return square * square;
        }

        return Math.Pow(x, n);
    }

    /// <summary>ARE activation normalised to 1 at Ne = 1: (b + c_ARE·A·H) / (b + c_ARE·A·f1).</summary>
    private static double Are(Parameters p, double hne, double b, double a) => (b + (p.CAre * a * hne)) / (b + (p.CAre * a * p.F1));
}
