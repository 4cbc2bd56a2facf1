using System.Collections.Concurrent;
using System.Globalization;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

internal sealed record Crit(string Eb, string Name, double Value, double Lo, double Hi, bool Must, double Weight)
{
    public bool Pass => Value >= Lo - 1e-12 && Value <= Hi + 1e-12 && !double.IsNaN(Value);
    public double Viol
    {
        get
        {
            if (double.IsNaN(Value)) return 1;
            double span = Math.Max(0.05, Math.Abs(double.IsFinite(Hi) && double.IsFinite(Lo) ? Hi - Lo : (double.IsFinite(Lo) ? Math.Abs(Lo) : Math.Abs(Hi))));
            if (Value < Lo) return (Lo - Value) / span;
            if (Value > Hi) return (Value - Hi) / span;
            return 0;
        }
    }
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Pass ? "ok  " : (Must ? "FAIL" : "warn"))} {Eb,-6} {Name,-58} {Value,10:G4}  [{Lo:G4}, {Hi:G4}]");
}

internal sealed partial class Checks
{
    readonly M m;
    public readonly ConcurrentBag<Crit> All = new();
    public readonly Dictionary<string, Dictionary<string, double>> Wt = new();
    public readonly ConcurrentDictionary<string, double> Cache = new();
    const double Inf = double.PositiveInfinity;

    public Checks(M model) { m = model; foreach (var c in new[] { "osteoblast", "osteoclast", "osteocyte", "osteoclast-precursor" }) Wt[c] = m.Cell(c); }

    public void Add(string eb, string name, double v, double lo, double hi, bool must = true, double w = 1) => All.Add(new Crit(eb, name, v, lo, hi, must, w));
    public void Ge(string eb, string name, double v, double lo, bool must = true, double w = 1) => Add(eb, name, v, lo, Inf, must, w);
    public void Le(string eb, string name, double v, double hi, bool must = true, double w = 1) => Add(eb, name, v, double.NegativeInfinity, hi, must, w);

    public Dictionary<string, double> B(string cell, params Ch[] genetic) => M.Apply(Wt[cell], genetic, m.Default);
    public static Ch P(string id, double v, double t = 0) => new(t, id, v);
    public static Ch Mul(string id, double v, double t = 0) => new(t, id, v, '*');
    public static Ch Addc(string id, double v, double t = 0) => new(t, id, v, '+');

    public R Run(Dictionary<string, double> b, double tEnd, params Ch[] ch) => m.Run(b, tEnd, ch, Math.Min(0, ch.Length == 0 ? 0 : ch.Min(c => c.T)));
    public R RunI(Dictionary<string, double> b, double tEnd, Dictionary<string, double> init, params Ch[] ch) => m.Run(b, tEnd, ch, Math.Min(0, ch.Length == 0 ? 0 : ch.Min(c => c.T)), init);
    public double S(Dictionary<string, double> b, double t, params Ch[] ch) => Run(b, t, ch).S(t);

    public static double Bisect(Func<double, double> f, double level, double lo, double hi, double ratio = 1.01)
    {
        double flo = f(lo), fhi = f(hi);
        if ((flo - level) * (fhi - level) > 0) return double.NaN;
        bool loAbove = flo > level;
        while (hi / lo > ratio)
        {
            double mid = Math.Sqrt(lo * hi);
            if ((f(mid) > level) == loAbove) lo = mid; else hi = mid;
        }
        return Math.Sqrt(lo * hi);
    }

    public double Ic50(string key, Dictionary<string, double> b, string drug, double lo, double hi, params Ch[] with) =>
        Cache.GetOrAdd(key, _ => Bisect(d => S(b, 24, [.. with, P(drug, d)]), 0.5, lo, hi));

    /// A lower bound of the 24-h IC50 for criteria of the form "IC50 ≥ x" (the IC50 in the numerator of a ≥ check):
    /// the IC50 where the search brackets it, the top of the search where the cell survives (S ≥ 0.5) at every dose
    /// of it — the IC50 lies beyond and the top is a bound the criterion may be judged on — and NaN otherwise.
    public double Ic50AtLeast(string key, Dictionary<string, double> b, string drug, double lo, double hi, params Ch[] with)
    {
        double ic50 = Ic50(key, b, drug, lo, hi, with);
        if (!double.IsNaN(ic50)) return ic50;
        return S(b, 24, [.. with, P(drug, lo)]) > 0.5 && S(b, 24, [.. with, P(drug, hi)]) > 0.5 ? hi : double.NaN;
    }

    /// <summary>The in-vitro changes of a disease scenario as the library defines them for the lab's model version (v1 change meanings translated).</summary>
    public Ch[] Scenario(string name)
    {
        var scenario = name switch
        {
            "GC" => DiseaseScenario.Glucocorticoid,
            "HG" => DiseaseScenario.HighGlucose,
            "HGHF" => DiseaseScenario.HighGlucoseHighFat,
            "IO" => DiseaseScenario.IronOverload,
            "EST" => DiseaseScenario.EstrogenDeficiency,
            "ONFH" => DiseaseScenario.SteroidOsteonecrosis,
            _ => throw new ArgumentException(name, nameof(name)),
        };
        return [.. scenario.InVitroIn(m.Source).Select(c => ExposureTimeline.Translate(m.Source, c)).Select(c => new Ch(0, c.Parameter, c.Value, c.Kind switch { ChangeKind.Multiply => '*', ChangeKind.Add => '+', _ => '=' }))];
    }

    /// Baseline with HO-1 at h x WT at rest.
    public Dictionary<string, double> HoLevel(string cell, double h) => M.Apply(Wt[cell], HoChanges(cell, h), m.Default);

    public Ch[] HoChanges(string cell, double h, double t = 0)
    {
        if (h == 1) return [];
        if (h < 1) return [Mul("c_HO", h, t)];
        double tg = Cache.GetOrAdd($"tg {cell} {h}", _ =>
        {
            double wt = m.Rest(Wt[cell]).q["HO1"];
            double f(double x) => m.Rest(M.Apply(Wt[cell], [P("HO_tg", x)], m.Default)).q["HO1"] / wt;
            double lo = 0.01, hi = 4 * h;
            for (int i = 0; i < 40 && hi / lo > 1.002; i++) { double mid = Math.Sqrt(lo * hi); if (f(mid) < h) lo = mid; else hi = mid; }
            return Math.Sqrt(lo * hi);
        });
        return [P("HO_tg", tg, t)];
    }
}
