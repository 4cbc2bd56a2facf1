// DualRoleDoseResponse: the central claim of Nan et al. (Front Cell Dev Biol 2025) — HO-1 is a double-edged
// sword. Moderate HO-1 induction protects bone cells against ferroptosis (it removes pro-oxidant heme and makes
// the antioxidant bilirubin), strong induction kills them (it releases Fe²⁺ from heme faster than ferritin can
// store it). Protocol of the model specification (§15): forced HMOX1 transcription (HO_OE, fold) from t = 0,
// an oxidative challenge (peroxide production ×1.65) from 12 h, surviving fraction read at 36 h. The resting
// osteoclast sits closer to the switch (lipid peroxides 2× the osteoblast's), so it is also shown under a
// milder challenge (×1.4), where its own bell appears. Prints the curves and the optimum of each, writes the
// figure to output/ (or the folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

double[] folds = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100];
(string Name, BoneCell Cell, double Challenge)[] curves =
[
    ("Osteoblast, ×1.65", BoneCell.Osteoblast, 1.65),
    ("Osteoclast, ×1.65", BoneCell.Osteoclast, 1.65),
    ("Osteocyte, ×1.65", BoneCell.Osteocyte, 1.65),
    ("Osteoclast, ×1.4", BoneCell.Osteoclast, 1.4),
];
var survival = new double[curves.Length, folds.Length];
Parallel.For(0, curves.Length * folds.Length, k =>
{
    var (_, cell, challenge) = curves[k / folds.Length];
    Perturbation[] protocol =
    [
        Perturbation.HemeOxygenaseInduction(folds[k % folds.Length]),
        Perturbation.OxidativeStress(challenge).From(TimeSpan.FromHours(12)),
    ];
    var result = FerroptosisSimulation.Run(cell, protocol, TimeSpan.FromHours(36));
    survival[k / folds.Length, k % folds.Length] = result.IsSuccess ? result.SurvivalAt(36) : double.NaN;
});

var c = CultureInfo.InvariantCulture;
Console.WriteLine("Surviving fraction at 36 h: HO-1 induction (HO_OE) from 0 h, oxidative challenge (ros_x) from 12 h");
Console.WriteLine();
Console.WriteLine($"{"HO_OE",7} " + string.Join(" ", curves.Select(x => $"{x.Name,18}")));
for (int j = 0; j < folds.Length; j++)
{
    Console.WriteLine(string.Create(c, $"{folds[j],7:G4} ") + string.Join(" ", curves.Select((_, i) => survival[i, j].ToString("F3", c).PadLeft(18))));
}

Console.WriteLine();
for (int i = 0; i < curves.Length; i++)
{
    // The analysis toolkit tests for an interior extremum beyond both ends before it would fit a sigmoid.
    double[] row = [.. Enumerable.Range(0, folds.Length).Select(j => survival[i, j])];
    var fit = DoseResponse.Fit(folds, row);
    string shape = fit.Shape == DoseResponseShape.NonMonotonic ? $"non-monotonic, best HO_OE {fit.ExtremumDose:G3} (S = {fit.ExtremumResponse:F3})" : fit.Shape.ToString().ToLowerInvariant();
    Console.WriteLine(string.Create(c, $"{curves[i].Name,-18} {shape,-45} none {row[0]:F3}, basal {row[Array.IndexOf(folds, 1.0)]:F3}, ×50 {row[Array.IndexOf(folds, 50.0)]:F3}"));
}

var chart = DoseResponseChart.Create(
    curves.Select((x, i) => new DoseResponseCurve(x.Name, folds, Enumerable.Range(0, folds.Length).Select(j => survival[i, j]).ToArray()) { ConnectPoints = true, Style = x.Challenge < 1.65 ? new SeriesStyle { LineStyle = OxyPlot.LineStyle.Dash } : null }),
    new AxisSpec("HO-1 induction, HO_OE", "fold"),
    new AxisSpec("Surviving fraction at 36 h").WithRange(0, 1.02),
    new FigureOptions { Title = "The dual role of HO-1: protection, then iron-driven death" });

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
string png = Path.Combine(folder, "dual-role-dose-response.png");
string svg = Path.Combine(folder, "dual-role-dose-response.svg");
FigureExporter.Save(chart, png, 1500, 900, dpi: 150);
FigureExporter.Save(chart, svg, 1000, 600);
Console.WriteLine();
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
