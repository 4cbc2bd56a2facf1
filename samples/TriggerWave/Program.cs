// TriggerWave: a ferroptotic trigger wave crossing a sheet of erastin-primed osteoblasts, as a kymograph and snapshots.
// Model v2 with the extracellular-peroxide extension (docs/spatial.md). Part 1 runs lines of cells: the front speed
// at three erastin doses, with ferrostatin-1 or deferoxamine, and with direct GPX4 inhibition (RSL3) instead of
// erastin. Part 2 runs a size × size sheet (20 µm apart) pre-treated with 1 µM erastin for 24 h and seeded by one
// dying corner (a quarter disc of radius 600 µm), for the given hours, with BDF and the sparse LU; it prints the
// runtime, the front speed along the diagonal and the fraction dead, and writes a kymograph (along the diagonal) and
// heat-map snapshots of the surviving fraction (PNG) to the output folder.
// Usage: dotnet run -c Release --project samples/TriggerWave -- [output folder = output] [size = 128] [hours = 24]
using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var c = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : "output";
int size = args.Length > 1 ? int.Parse(args[1], c) : 128;
double hours = args.Length > 2 ? double.Parse(args[2], c) : 24;
const double h = TriggerWaveModel.CellSpacing;
const double SeedRadius = 600;

Console.WriteLine("Lines of 200 osteoblasts, 24 h pre-treatment, first 20 cells seeded; speed fitted over 1-7 h (um/min):");
foreach (var (label, erastin, drug, dose) in new (string, double, string?, double)[]
{
    ("erastin 0.75 uM", 0.75, null, 0), ("erastin 1 uM", 1, null, 0), ("erastin 1.5 uM", 1.5, null, 0), ("erastin 0 (unprimed)", 0, null, 0),
    ("erastin 1 uM + ferrostatin-1 1 uM", 1, "fer1", 1), ("erastin 1 uM + deferoxamine 100 uM", 1, "dfo", 100),
    ("RSL3 0.02 uM (no erastin)", 0, "rsl3", 0.02), ("RSL3 0.05 uM (no erastin)", 0, "rsl3", 0.05),
})
{
    var line = TriggerWaveModel.CreateTissue(CellTopology.Line(200, h));
    TriggerWaveModel.SetEverywhere(line, "erastin", erastin);
    if (drug is not null)
    {
        TriggerWaveModel.SetEverywhere(line, drug, dose);
    }

    var y = TriggerWaveModel.PrimedState(line, erastin, TimeSpan.FromHours(24));
    double primedLpo = y[line.IndexOf(100, "LPO")];
    Seed(line, y, [.. Enumerable.Range(0, 20)]);
    var result = line.Simulate(y, [.. Enumerable.Range(0, 9).Select(t => (double)t)]);
    var front = TravellingFront.Measure(result, "LPO", 10, fitFrom: 1, fitTo: 7);
    double reached = front.Positions.Where(p => !double.IsNaN(p)).DefaultIfEmpty(0).Max();
    string speed = reached > 19 * h + 200 ? (front.Speed / 60).ToString("F2", c) : "no wave";
    Console.WriteLine(string.Create(c, $"  {label,-38} LPO after priming {primedLpo,5:F2}  front reached {reached,6:F0} um  speed {speed}  dead at 8 h {result.FractionBelow("S", 0.5)[^1]:P0}"));
}

Console.WriteLine();
var topology = CellTopology.Lattice(size, size, h);
var tissue = TriggerWaveModel.CreateTissue(topology);
TriggerWaveModel.SetEverywhere(tissue, "erastin", 1);
var y0 = TriggerWaveModel.PrimedState(tissue, 1, TimeSpan.FromHours(24));
var corner = Enumerable.Range(0, size * size).Where(k => double.Hypot(topology.X[k], topology.Y[k]) <= SeedRadius).ToArray();
Seed(tissue, y0, corner);
double[] times = [.. Enumerable.Range(0, (int)hours + 1).Select(t => (double)t)];
var options = new OdeSolverOptions
{
    RelativeTolerance = 1e-5,
    AbsoluteTolerance = 1e-7,
    // The sparse LU: on this problem GMRES with a symmetric Gauss-Seidel preconditioner took about 7 times longer.
    LinearSolver = LinearSolverChoice.Sparse,
};
var watch = Stopwatch.StartNew();
var sheet = tissue.Simulate(y0, times, options: options);
watch.Stop();
var stats = sheet.Solution.Statistics;
Console.WriteLine(string.Create(c, $"Sheet {size} x {size} ({tissue.Dimension} states), {hours} h: {(sheet.IsSuccess ? "ok" : sheet.Solution.Message)} in {watch.Elapsed.TotalSeconds:F1} s ({stats.AcceptedSteps} steps, {stats.RhsEvaluations} f evaluations, {stats.JacobianEvaluations} Jacobians)"));

int[] diagonal = [.. Enumerable.Range(0, size).Select(k => (k * size) + k)];
double diagonalLength = (size - 1) * h * Math.Sqrt(2);
var diagonalFront = TravellingFront.Measure(sheet, "LPO", 10, diagonal, fitFrom: 1, fitTo: Math.Min(hours, ((0.8 * diagonalLength) - SeedRadius) / 330));
Console.WriteLine(string.Create(c, $"Front speed along the diagonal: {diagonalFront.Speed / 60:F2} um/min ({diagonalFront.FittedPoints} points)"));
var dead = sheet.FractionBelow("S", 0.5);
Console.WriteLine("Fraction dead: " + string.Join("  ", Enumerable.Range(0, sheet.Count).Where(p => p % 4 == 0).Select(p => string.Create(c, $"{sheet.Times[p]:F0} h {dead[p]:P0}"))));

Directory.CreateDirectory(output);
var lpo = sheet.Values("LPO");
var survival = sheet.Values("S");
var kymograph = new double[sheet.Count, size];
for (int p = 0; p < sheet.Count; p++)
{
    for (int col = 0; col < size; col++)
    {
        kymograph[p, col] = Math.Log10(Math.Max(lpo[p, diagonal[col]], 1e-3));
    }
}

string[] timeLabels = [.. Enumerable.Range(0, sheet.Count).Select(p => sheet.Times[p].ToString("F0", c))];
string[] diagonalLabels = [.. Enumerable.Range(0, size).Select(col => col % 16 == 0 ? (col * h * Math.Sqrt(2)).ToString("F0", c) : " ")];
string[] columnLabels = [.. Enumerable.Range(0, size).Select(col => col % 16 == 0 ? (col * h).ToString("F0", c) : " ")];
var kymo = new HeatMapData(timeLabels, diagonalLabels, kymograph)
{
    RowTitle = "time (h)",
    ColumnTitle = "distance along the diagonal (um)",
    ValueTitle = "log10 LPO",
    ShowValues = false,
};
FigureExporter.SavePng(HeatMapChart.Create(kymo), Path.Combine(output, "trigger-wave-kymograph.png"), 1000, 700);

foreach (int p in Enumerable.Range(1, 3).Select(k => 2 * k).Where(t => t < sheet.Count))
{
    var snapshot = new double[size, size];
    for (int r = 0; r < size; r++)
    {
        for (int col = 0; col < size; col++)
        {
            snapshot[r, col] = survival[p, (r * size) + col];
        }
    }

    string[] rows = [.. Enumerable.Range(0, size).Select(r => r % 16 == 0 ? (r * h).ToString("F0", c) : " ")];
    var map = new HeatMapData(rows, columnLabels, snapshot)
    {
        RowTitle = "y (um)",
        ColumnTitle = "x (um)",
        ValueTitle = string.Create(c, $"surviving fraction at {sheet.Times[p]:F0} h"),
        ShowValues = false,
        Minimum = 0,
        Maximum = 1,
    };
    FigureExporter.SavePng(HeatMapChart.Create(map), Path.Combine(output, string.Create(c, $"trigger-wave-{sheet.Times[p]:F0}h.png")), 900, 800);
}

Console.WriteLine($"Figures written to {Path.GetFullPath(output)}");
return sheet.IsSuccess ? 0 : 1;

static void Seed(TissueSystem tissue, double[] state, IReadOnlyList<int> cells)
{
    foreach (int cell in cells)
    {
        state[tissue.IndexOf(cell, "LPO")] = 60;
    }
}
