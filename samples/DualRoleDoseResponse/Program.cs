// DualRoleDoseResponse: the central claim of Nan et al. (Front Cell Dev Biol 2025) — HO-1 is a double-edged
// sword. Moderate HO-1 protects bone cells against ferroptosis (it removes pro-oxidant heme, makes the
// antioxidant bilirubin and, through the iron it releases, induces ferritin), strong HO-1 kills them (heme
// synthesis rises to feed it, and the Fe²⁺ it releases outruns a ferritin store that is already full). In model
// v2 this is a property of the cell, not of one protocol: osteoblasts and osteocytes are challenged with erastin
// at their own 24-h IC50 for 24 h while HO-1 is held at 0–50 × wild type (HMOX1 transgene), either for life
// (constitutive), switched on 48 h before the challenge, or switched on with it. A deferoxamine arm (iron
// chelation, with erastin) tests that the high-HO-1 death is iron-driven, and the labile Fe²⁺ shows why. Prints
// the curves, classifies each (ResponseShape: flat, bell, U, sigmoidal, graded, with a stated noise threshold),
// prints the deferoxamine and ferrostatin-1 rescue at 50×, and writes the figure to output/ (or the folder given
// as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

double[] levels = [0, 0.25, 0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50];
BoneCell[] cells = [BoneCell.Osteoblast, BoneCell.Osteocyte];
var dfo = Perturbation.Deferoxamine(100);
(string Name, Func<double, Perturbation[]> Arm)[] arms =
[
    ("constitutive", h => [Perturbation.Hmox1Transgene(h)]),
    ("induced 48 h before", h => [Perturbation.Hmox1TransgeneInduction(h).Before(TimeSpan.FromHours(48))]),
    ("induced with erastin", h => [Perturbation.Hmox1TransgeneInduction(h)]),
    ("constitutive + DFO", h => [Perturbation.Hmox1Transgene(h), dfo]),
];

// Each cell type's own 24-h erastin IC50 (wild type), found by bisection in log dose.
CellSimulationResult Run(BoneCell cell, params Perturbation[] p) => FerroptosisSimulation.Run(cell, p, TimeSpan.FromHours(24));
var ic50 = cells.ToDictionary(c => c, c => DoseResponse.FindIC50(d => Run(c, Perturbation.Erastin(d)).SurvivalAt(24), 0.1, 200).Dose);

var runs = new CellSimulationResult[cells.Length, arms.Length, levels.Length];
Parallel.For(0, runs.Length, k =>
{
    int i = k / (arms.Length * levels.Length), j = k / levels.Length % arms.Length, l = k % levels.Length;
    runs[i, j, l] = Run(cells[i], [.. arms[j].Arm(levels[l]), Perturbation.Erastin(ic50[cells[i]])]);
});
double[] Row(int i, int j, Func<CellSimulationResult, double> read) => [.. Enumerable.Range(0, levels.Length).Select(l => read(runs[i, j, l]))];
double Survival(CellSimulationResult r) => r.SurvivalAt(24);
double PeakIron(CellSimulationResult r) => r.Quantity("LIP").Max();

var c = CultureInfo.InvariantCulture;
Console.WriteLine("Surviving fraction after 24 h of erastin at the cell's IC50, against the HO-1 level (× wild type, HMOX1 transgene); peak labile Fe²⁺ (µM) in brackets");
foreach (var (cell, i) in cells.Select((x, i) => (x, i)))
{
    Console.WriteLine();
    Console.WriteLine(string.Create(c, $"{cell.Name}, erastin {ic50[cell]:F2} µM (its IC50)"));
    Console.WriteLine($"{"HO-1",6} " + string.Join(" ", arms.Select(a => $"{a.Name,26}")));
    for (int l = 0; l < levels.Length; l++)
    {
        Console.WriteLine(string.Create(c, $"{levels[l],6:G3} ") + string.Join(" ", arms.Select((_, j) => string.Create(c, $"{Survival(runs[i, j, l]):F3} [{PeakIron(runs[i, j, l]),6:F2}]").PadLeft(26))));
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(c, $"Shape of each curve over 0–50× (ResponseShape: a change counts when ≥ {ResponseShape.NoiseThreshold} of the surviving fraction; plateaus within {ResponseShape.PlateauFraction:P0} of the total change)"));
foreach (var (cell, i) in cells.Select((x, i) => (x, i)))
{
    for (int j = 0; j < arms.Length; j++)
    {
        var row = Row(i, j, Survival);
        Console.WriteLine($"{cell.Name,-11} {arms[j].Name,-26} {ResponseShape.Classify(row).Describe(levels, row, "×")}");
    }
}

Console.WriteLine();
foreach (var cell in cells)
{
    Perturbation high = Perturbation.Hmox1Transgene(50), era = Perturbation.Erastin(ic50[cell]);
    Console.WriteLine(string.Create(c, $"{cell.Name,-11} HO-1 50×, erastin: S = {Survival(Run(cell, high, era)):F3}; + deferoxamine 100 µM {Survival(Run(cell, high, era, dfo)):F3}; + ferrostatin-1 1 µM {Survival(Run(cell, high, era, Perturbation.Ferrostatin1(1))):F3}"));
}

// A: survival; B: peak labile Fe²⁺. One line per cell type (colour) and arm (dash pattern and marker); 0× drawn left of an axis break.
SeriesStyle Style(int i, int j) => new()
{
    Color = ConditionStyles.Of(cells[i].Name).Color,
    LineStyle = j switch { 0 => LineStyle.Solid, 1 => LineStyle.Dash, 2 => LineStyle.Dot, _ => LineStyle.LongDashDot },
    Marker = j switch { 0 => MarkerType.Circle, 1 => MarkerType.Square, 2 => MarkerType.Triangle, _ => MarkerType.Diamond },
};
IEnumerable<DoseResponseCurve> Curves(int[] shownArms, Func<CellSimulationResult, double> read, int cellCount = 2) =>
    cells.Take(cellCount).SelectMany((cell, i) => shownArms.Select(j => new DoseResponseCurve($"{cell.Name}, {arms[j].Name}", levels, Row(i, j, read)) { ConnectPoints = true, Style = Style(i, j) }));
string protocol = string.Create(c, $"erastin at the cell's 24-h IC50 ({string.Join(", ", cells.Select(cell => $"{cell.Name} {ic50[cell]:F2} µM"))}) for 24 h");
var doseAxis = new AxisSpec("HO-1 level (HMOX1 transgene)", "× wild type");
var options = new FigureOptions { Legend = LegendLocation.Below };
var survivalPanel = DoseResponseChart.Create(Curves([0, 1, 2, 3], Survival), doseAxis, new AxisSpec("Surviving fraction at 24 h", "0–1").WithRange(-0.03, 1.05), options);
survivalPanel.Title = "HO-1 under erastin: protection, then iron-driven death";
survivalPanel.Subtitle = string.IsNullOrEmpty(survivalPanel.Subtitle) ? protocol : $"{protocol}\n{survivalPanel.Subtitle}";
// The osteocyte's iron is the osteoblast's within a line's width (printed above): one cell type is drawn, the gap is stated.
int[] ironArms = [0, 3];
double ironGap = ironArms.Max(j => Row(0, j, PeakIron).Zip(Row(1, j, PeakIron)).Max(p => Math.Abs(p.First - p.Second)));
var ironPanel = DoseResponseChart.Create(Curves(ironArms, PeakIron, cellCount: 1), doseAxis, new AxisSpec("Peak labile Fe²⁺ in 24 h", "µM"), options);
ironPanel.Title = "Iron read-out: labile Fe²⁺ rises with HO-1; DFO lowers it";
ironPanel.Subtitle = string.Create(c, $"osteoblast; the osteocyte's lines lie within {ironGap:G2} µM of these (not drawn)");
var figure = new MultiPanelFigure([survivalPanel, ironPanel], columns: 2);

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
string png = Path.Combine(folder, "dual-role-dose-response.png");
string svg = Path.Combine(folder, "dual-role-dose-response.svg");
FigureExporter.Save(figure, png, 2400, 1100, dpi: 150);
FigureExporter.Save(figure, svg, 1600, 730);
string caption = (FigureCaption.ForSimulations(
    "Osteoblasts and osteocytes under erastin at each cell type's own 24-h IC50, against the HO-1 level (HMOX1 transgene, × wild type): surviving fraction (A) and peak labile Fe²⁺ (B), with a deferoxamine (DFO) rescue arm.",
    runs.Cast<CellSimulationResult>()) with
{
    Panels =
    [
        "A: surviving fraction at 24 h. One line per cell type (colour: osteoblast blue, osteocyte green) and arm (solid, circles: HO-1 constitutive; dashed, squares: switched on 48 h before erastin; dotted, triangles: switched on with erastin; long dash-dot, diamonds: constitutive + DFO, deferoxamine 100 µM). Points are simulated levels; lines join them. The DFO arms lie at S ≈ 1 at every level.",
        "B: peak labile Fe²⁺ (µM) within the 24 h, constitutive HO-1 without and with DFO, same styles as A; osteoblast only, the osteocyte's values (printed by the sample) lie within the gap stated in the subtitle.",
        "Both dose axes are logarithmic; the HO-1-null control (0×) is drawn left of the dotted axis break, at the tick labelled 0, not joined to the line.",
    ],
    Protocol = string.Create(c, $"resting cells; erastin added at t = 0 at the cell type's 24-h IC50 (wild type; {string.Join(", ", cells.Select(cell => $"{cell.Name} {ic50[cell]:F2} µM"))}), read at 24 h. HO-1 held at 0–50× wild type by an HMOX1 transgene: constitutive (from before the resting state), switched on 48 h before erastin, or switched on with erastin at t = 0. DFO 100 µM added with erastin at t = 0 to constitutive HO-1."),
    Notes = [string.Create(c, $"The sample prints the shape of each curve (ResponseShape): bell when an interior optimum stands ≥ {ResponseShape.NoiseThreshold} above both ends, flat when the curve spans < {ResponseShape.NoiseThreshold}.")],
}).WriteBeside(png);
Console.WriteLine();
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
Console.WriteLine($"Caption: {caption}");
