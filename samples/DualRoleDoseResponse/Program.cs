// DualRoleDoseResponse: the central claim of Nan et al. (Front Cell Dev Biol 2025) — HO-1 is a double-edged
// sword. Moderate HO-1 protects bone cells against ferroptosis (it removes pro-oxidant heme, makes the
// antioxidant bilirubin and, through the iron it releases, induces ferritin), strong HO-1 kills them (heme
// synthesis rises to feed it, and the Fe²⁺ it releases outruns a ferritin store that is already full). In model
// v2 this is a property of the cell, not of one protocol: osteoblasts and osteocytes are challenged with erastin
// at their own 24-h IC50 for 24 h while HO-1 is held at 0–50 × wild type (HMOX1 transgene), either for life
// (constitutive), switched on 48 h before the challenge, or switched on with it. Deferoxamine (iron chelation)
// and ferrostatin-1 rescue the high-HO-1 cells. Prints the curves and the optimum of each, writes the figure to
// output/ (or the folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

double[] levels = [0, 0.25, 0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50];
BoneCell[] cells = [BoneCell.Osteoblast, BoneCell.Osteocyte];
(string Name, Func<double, Perturbation> Hmox1)[] timings =
[
    ("constitutive", Perturbation.Hmox1Transgene),
    ("induced 48 h before", h => Perturbation.Hmox1TransgeneInduction(h).Before(TimeSpan.FromHours(48))),
    ("induced with erastin", Perturbation.Hmox1TransgeneInduction),
];

// Each cell type's own 24-h erastin IC50 (wild type), found by bisection in log dose.
double S24(BoneCell cell, params Perturbation[] p) => FerroptosisSimulation.Run(cell, p, TimeSpan.FromHours(24)).SurvivalAt(24);
var ic50 = cells.ToDictionary(c => c, c => DoseResponse.FindIC50(d => S24(c, Perturbation.Erastin(d)), 0.1, 200).Dose);

var survival = new double[cells.Length, timings.Length, levels.Length];
Parallel.For(0, survival.Length, k =>
{
    int i = k / (timings.Length * levels.Length), j = k / levels.Length % timings.Length, l = k % levels.Length;
    survival[i, j, l] = S24(cells[i], timings[j].Hmox1(levels[l]), Perturbation.Erastin(ic50[cells[i]]));
});

var c = CultureInfo.InvariantCulture;
Console.WriteLine("Surviving fraction after 24 h of erastin at the cell's IC50, against the HO-1 level (× wild type, HMOX1 transgene)");
foreach (var (cell, i) in cells.Select((x, i) => (x, i)))
{
    Console.WriteLine();
    Console.WriteLine(string.Create(c, $"{cell.Name}, erastin {ic50[cell]:F2} µM (its IC50)"));
    Console.WriteLine($"{"HO-1",6} " + string.Join(" ", timings.Select(t => $"{t.Name,22}")));
    for (int l = 0; l < levels.Length; l++)
    {
        Console.WriteLine(string.Create(c, $"{levels[l],6:G3} ") + string.Join(" ", timings.Select((_, j) => survival[i, j, l].ToString("F3", c).PadLeft(22))));
    }
}

Console.WriteLine();
foreach (var (cell, i) in cells.Select((x, i) => (x, i)))
{
    for (int j = 0; j < timings.Length; j++)
    {
        double[] row = [.. Enumerable.Range(0, levels.Length).Select(l => survival[i, j, l])];
        int best = Array.IndexOf(row, row.Max());
        double wildType = row[Array.IndexOf(levels, 1.0)];
        string verdict = best > 0 && best < levels.Length - 1 && row[best] >= wildType + 0.03 && row[^1] <= wildType - 0.1
            ? string.Create(c, $"bell: best at {levels[best]:G3}× (S = {row[best]:F3}), wild type {wildType:F3}, knockout {row[0]:F3}, 50× {row[^1]:F3}")
            : string.Create(c, $"no bell: wild type {wildType:F3}, knockout {row[0]:F3}, best {row[best]:F3} at {levels[best]:G3}×, 50× {row[^1]:F3}");
        Console.WriteLine($"{cell.Name,-11} {timings[j].Name,-21} {verdict}");
    }
}

Console.WriteLine();
foreach (var cell in cells)
{
    var high = Perturbation.Hmox1Transgene(50);
    var era = Perturbation.Erastin(ic50[cell]);
    Console.WriteLine(string.Create(c, $"{cell.Name,-11} HO-1 50×, erastin: S = {S24(cell, high, era):F3}; + deferoxamine 100 µM {S24(cell, high, era, Perturbation.Deferoxamine(100)):F3}; + ferrostatin-1 1 µM {S24(cell, high, era, Perturbation.Ferrostatin1(1)):F3}"));
}

var chart = DoseResponseChart.Create(
    cells.SelectMany((cell, i) => timings.Select((t, j) => new DoseResponseCurve($"{cell.Name}, {t.Name}", levels.Skip(1).ToArray(), Enumerable.Range(1, levels.Length - 1).Select(l => survival[i, j, l]).ToArray())
    {
        ConnectPoints = true,
        // The cell type's registered colour (ConditionStyles); the induction timing sets the dash pattern and marker.
        Style = new SeriesStyle
        {
            Color = ConditionStyles.Of(cell.Name).Color,
            LineStyle = j switch { 0 => OxyPlot.LineStyle.Solid, 1 => OxyPlot.LineStyle.Dash, _ => OxyPlot.LineStyle.Dot },
            Marker = j switch { 0 => OxyPlot.MarkerType.Circle, 1 => OxyPlot.MarkerType.Square, _ => OxyPlot.MarkerType.Triangle },
        },
    })),
    new AxisSpec("HO-1 level (HMOX1 transgene)", "× wild type"),
    new AxisSpec("Surviving fraction after 24 h of erastin at IC50", "0–1").WithRange(0, 1.02),
    new FigureOptions { Title = "HO-1 under erastin: protection, then iron-driven death" });

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
string png = Path.Combine(folder, "dual-role-dose-response.png");
string svg = Path.Combine(folder, "dual-role-dose-response.svg");
FigureExporter.Save(chart, png, 1500, 900, dpi: 150);
FigureExporter.Save(chart, svg, 1000, 600);
var reference = cells.Select(cell => FerroptosisSimulation.Run(cell, [Perturbation.Erastin(ic50[cell])], TimeSpan.FromHours(24)));
string caption = (FigureCaption.ForSimulations(
    "Surviving fraction of osteoblasts and osteocytes after 24 h of erastin at each cell type's own 24-h IC50, against the HO-1 level (HMOX1 transgene, × wild type).",
    reference) with
{
    Panels =
    [
        "One line per cell type (colour) and HO-1 induction timing (solid, circles: constitutive; dashed, squares: switched on 48 h before erastin; dotted, triangles: switched on with erastin). Points are simulated levels; lines join them.",
        "The dose axis is logarithmic and starts at 0.25×: the HO-1-null control (0×) cannot be drawn on it; its survival is printed by the sample (knockout column).",
    ],
    Protocol = string.Create(c, $"resting cells; erastin added at t = 0 at the cell type's 24-h IC50 (wild type; {string.Join(", ", cells.Select(cell => $"{cell.Name} {ic50[cell]:F2} µM"))}), surviving fraction read at 24 h; HO-1 held at 0–50× wild type by an HMOX1 transgene, constitutive, switched on 48 h before erastin, or switched on with it. Deferoxamine 100 µM and ferrostatin-1 1 µM rescue at 50× (printed)."),
}).WriteBeside(png);
Console.WriteLine();
Console.WriteLine("The knockout (0×) is printed above; the log axis of the figure starts at 0.25×.");
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
Console.WriteLine($"Caption: {caption}");
