using System.Collections.Concurrent;
using System.Globalization;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;


internal sealed record Ch(double T, string Id, double V, char Kind = '='); // '=' set, '*' multiply, '+' add

internal sealed class R
{
    public SimulationResult Res = null!;
    public Dictionary<string, double> Rest = null!;
    public double[] T = null!;
    readonly Dictionary<string, double[]> _cols = new();
    public bool Ok => Res.IsSuccess;
    public double[] Col(string n) { if (!_cols.TryGetValue(n, out var c)) { c = Res.GetColumn(n); _cols[n] = c; } return c; }
    public double At(string n, double t) { if (T.Length == 0 || !Res.IsSuccess) return double.NaN; var c = Col(n); int i = Idx(t); return c[i]; }
    int Idx(double t) { int best = 0; double bd = double.MaxValue; for (int i = 0; i < T.Length; i++) { double d = Math.Abs(T[i] - t); if (d < bd) { bd = d; best = i; } } return best; }
    public double S(double t) => At("S", t);
    public double Fold(string n, double t) => At(n, t) / Rest[n];
    public double Peak(string n, double a = 0, double b = double.MaxValue) { var c = Col(n); double m = double.MinValue; for (int i = 0; i < T.Length; i++) if (T[i] >= a - 1e-9 && T[i] <= b + 1e-9) m = Math.Max(m, c[i]); return m; }
    public double Min(string n, double a = 0, double b = double.MaxValue) { var c = Col(n); double m = double.MaxValue; for (int i = 0; i < T.Length; i++) if (T[i] >= a - 1e-9 && T[i] <= b + 1e-9) m = Math.Min(m, c[i]); return m; }
    public double TimeOfMin(string n, double a = 0, double b = double.MaxValue) { var c = Col(n); double m = double.MaxValue, tm = 0; for (int i = 0; i < T.Length; i++) if (T[i] >= a - 1e-9 && T[i] <= b + 1e-9 && c[i] < m) { m = c[i]; tm = T[i]; } return tm; }
    public double TimeOfPeak(string n, double a = 0, double b = double.MaxValue) { var c = Col(n); double m = double.MinValue, tm = 0; for (int i = 0; i < T.Length; i++) if (T[i] >= a - 1e-9 && T[i] <= b + 1e-9 && c[i] > m) { m = c[i]; tm = T[i]; } return tm; }
    public double? T50 { get { var c = Col("S"); for (int i = 1; i < T.Length; i++) if (T[i] > 0 && c[i] < 0.5) { double f = (c[i - 1] - 0.5) / (c[i - 1] - c[i]); return T[i - 1] + f * (T[i] - T[i - 1]); } return null; } }
    public double? FirstAbove(string n, double level) { var c = Col(n); for (int i = 0; i < T.Length; i++) if (T[i] >= 0 && c[i] > level) return T[i]; return null; }
    public double? FirstBelow(string n, double level) { var c = Col(n); for (int i = 0; i < T.Length; i++) if (T[i] >= 0 && c[i] < level) return T[i]; return null; }
}

internal sealed class M
{
    public readonly CompiledModel C;
    public readonly FerroptosisModel Source;
    public readonly Dictionary<string, double> Over;
    public readonly Dictionary<string, double> CellOver;
    readonly ConcurrentDictionary<string, (double[] y, Dictionary<string, double> q)> _rest = new();
    public double Step = 0.25;

    public M(FerroptosisModel source, Dictionary<string, double> over)
    {
        Source = source;
        CellOver = over.Where(kv => kv.Key.Contains('.')).ToDictionary(kv => kv.Key, kv => kv.Value);
        Over = over.Where(kv => !kv.Key.Contains('.')).ToDictionary(kv => kv.Key, kv => kv.Value);
        C = Over.Count == 0 ? source.Compiled : ModelCompiler.Compile(source.Network.WithValues(Over));
    }

    public Dictionary<string, double> Cell(string cell)
    {
        var d = new Dictionary<string, double>(Source.ReadParameterSet(cell + ".ant"), StringComparer.Ordinal);
        foreach (var (k, v) in CellOver) if (k.StartsWith(cell + ".", StringComparison.Ordinal)) d[k[(cell.Length + 1)..]] = v;
        return d;
    }

    public static Dictionary<string, double> Apply(Dictionary<string, double> b, IEnumerable<Ch> ch, Func<string, double> def)
    {
        var d = new Dictionary<string, double>(b);
        foreach (var c in ch)
        {
            double cur = d.TryGetValue(c.Id, out var v) ? v : def(c.Id);
            d[c.Id] = c.Kind switch { '*' => cur * c.V, '+' => cur + c.V, _ => c.V };
        }
        return d;
    }

    public double Default(string id) => C.DefaultParameters[C.IndexOfParameter(id)];

    static string Key(Dictionary<string, double> b) => string.Join(';', b.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value.ToString("R", CultureInfo.InvariantCulture)));

    public (double[] y, Dictionary<string, double> q) Rest(Dictionary<string, double> baseline) => _rest.GetOrAdd(Key(baseline), _ => ComputeRest(baseline));

    (double[] y, Dictionary<string, double> q) ComputeRest(Dictionary<string, double> baseline)
    {
        var inst = C.CreateInstance();
        foreach (var (k, v) in baseline) inst.SetParameter(k, v);
        var y = inst.ComputeInitialState(0);
        int s = C.IndexOfState("S");
        var dy = new double[y.Length];
        for (int round = 0; round < 4; round++)
        {
            var sol = OdeSolvers.Rodas5P.CreateIntegrator(new OdeProblem(inst, 0, 2500, y), new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-11, OutputTimes = [2500.0] }).Solve();
            if (!sol.IsSuccess) throw new InvalidOperationException("rest failed: " + sol.Message);
            sol.FinalState.CopyTo(y);
            y[s] = 1;
            for (int k = 0; k < y.Length; k++) y[k] = Math.Max(y[k], 0);
            inst.Evaluate(0, y, dy);
            double big = 0; for (int k = 0; k < y.Length; k++) if (k != s) big = Math.Max(big, Math.Abs(dy[k]));
            if (big < 1e-8) break;
            if (round == 3) { /* accept, oscillating */ }
        }
        // quantities
        var init = new Dictionary<string, double>();
        for (int k = 0; k < y.Length; k++) init[C.StateIds[k]] = y[k];
        var r = Simulator.Simulate(C, new SimulationSettings { StartTime = 0, EndTime = 1e-6, OutputTimes = [0.0, 1e-6], Parameters = baseline, InitialValues = init });
        var q = new Dictionary<string, double>();
        foreach (var n in r.Names) q[n] = r[0, n];
        return ((double[])y.Clone(), q);
    }

    /// Runs from the rest of `baseline`, from tStart (&lt;= 0) to tEnd; changes at times; S reset at 0 when tStart &lt; 0.
    public R Run(Dictionary<string, double> baseline, double tEnd, IEnumerable<Ch>? changes = null, double tStart = 0, Dictionary<string, double>? init = null, double maxStep = 0.25)
    {
        var (y, q) = Rest(baseline);
        var list = (changes ?? []).OrderBy(c => c.T).ToList();
        var cur = new Dictionary<string, double>(baseline);
        double Get(string id) => cur.TryGetValue(id, out var v) ? v : Default(id);
        var startParams = new Dictionary<string, double>(baseline);
        var sched = new List<ScheduledChange>();
        foreach (var c in list)
        {
            double nv = c.Kind switch { '*' => Get(c.Id) * c.V, '+' => Get(c.Id) + c.V, _ => c.V };
            cur[c.Id] = nv;
            if (c.T <= tStart + 1e-12) startParams[c.Id] = nv; else sched.Add(new ScheduledChange(c.T, c.Id, nv));
        }
        if (tStart < 0) sched.Add(new ScheduledChange(0, "S", 1.0));
        var iv = new Dictionary<string, double>();
        for (int k = 0; k < y.Length; k++) iv[C.StateIds[k]] = y[k];
        if (init != null) foreach (var (k, v) in init) iv[k] = v;
        int nb = (int)Math.Round(-tStart / Step), na = (int)Math.Round(tEnd / Step);
        var grid = new List<double>();
        for (int i = -nb; i <= na; i++) grid.Add(i * Step);
        if (grid[0] > tStart) grid.Insert(0, tStart);
        var res = Simulator.Simulate(C, new SimulationSettings
        {
            StartTime = tStart, EndTime = tEnd, OutputTimes = grid, Solver = OdeSolvers.Rodas5P, RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-9,
            MaxStep = maxStep, Parameters = startParams, InitialValues = iv, Schedule = sched,
        });
        return new R { Res = res, Rest = q, T = res.Times.ToArray() };
    }
}
