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
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

double[] levels = DualRoleFigure.Levels;
BoneCell[] cells = DualRoleFigure.Cells;
var dfo = DualRoleFigure.Dfo;
var arms = DualRoleFigure.Arms;

// Each cell type's own 24-h erastin IC50 (wild type), found by bisection in log dose.
CellSimulationResult Run(BoneCell cell, params Perturbation[] p) => DualRoleFigure.Run(cell, p);
var ic50 = DualRoleFigure.Ic50();

// [cell type, arm, level]
var runs = DualRoleFigure.Run(ic50);
double[] Row(int i, int j, Func<CellSimulationResult, double> read) => DualRoleFigure.Row(runs, i, j, read);
double Survival(CellSimulationResult r) => DualRoleFigure.Survival(r);
double PeakIron(CellSimulationResult r) => DualRoleFigure.PeakIron(r);

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

// A: survival; B: peak labile Fe²⁺, against the HO-1 level (log axis, 0× left of an axis break).
var figure = DualRoleFigure.Create(runs, ic50);

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
