// BoneLoss: from cell death to bone loss. Four chronic bone diseases linked to ferroptosis — glucocorticoid-induced
// osteoporosis, diabetic bone (high glucose), iron overload and estrogen loss — act on osteoblasts, osteoclasts,
// osteocytes and osteoclast precursors in their chronic (half-strength) form; the ferroptosis model gives each cell
// type's extra death rate and the osteoclast-formation ratio, which with each disease's bone-level effects drive the
// bounded bone-remodelling model for 5 years (docs/remodelling.md). Each disease runs without and with an
// anti-ferroptotic intervention acting in the cells: ferrostatin-1 1 µM, deferoxamine 100 µM, sulforaphane 5 µM.
// Prints the death rates and bone mass at 1 and 5 years (untreated with its uncertainty band); writes the figure
// (PNG + SVG) and the trajectories (CSV) to output/ (or the folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;

var duration = BoneRemodelling.Months(60);
var scenarios = BoneRemodelling.Scenarios;

// [scenario, treatment] (BoneLossFigure.Treatments); runs are independent and thread-safe.
var runs = BoneLossFigure.Run(duration);

var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bone mass under chronic disease: bounded bone model, quasi-steady ferroptotic death rates (κ = {RemodellingOptions.Default.Kappa}), 5 years"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Healthy hazards (1/h): {string.Join(", ", runs[0, 0].DeathRates.Hazards.Select(x => $"{x.Cell} {x.Healthy:E2}"))}"));
Console.WriteLine();
Console.WriteLine($"{"",-43} {"mean hazard h̄ (1/h)",-32} {"extra death δ (1/d)",-32} {"bone mass (%)",-17}");
Console.WriteLine($"{"scenario",-20} {"intervention",-22} {"OB",10} {"OC",10} {"OCY",10} {"OB",10} {"OC",10} {"OCY",10} {"1 y",8} {"5 y",8}");
foreach (var run in runs)
{
    if (!run.IsSuccess)
    {
        Console.Error.WriteLine($"{run.Scenario}: {run.Message}");
        return 1;
    }

    var (d, h) = (run.DeathRates, run.DeathRates.Hazards);
    Console.WriteLine(string.Create(c, $"{run.Scenario!.Name,-20} {Label(run),-22} {h[0].Condition,10:E2} {h[1].Condition,10:E2} {h[2].Condition,10:E2} {d.Osteoblast,10:E2} {d.Osteoclast,10:E2} {d.Osteocyte,10:E2} {run.BoneMassAtDays(365),8:F2} {run.BoneMass[^1],8:F2}"));
}

var work = runs.Cast<RemodellingResult>().Select(r => r.Result!.Statistics).ToList();
Console.WriteLine(string.Create(c, $"\nPopulation model, Rodas5P over {work.Count} runs: {work.Sum(s => s.AcceptedSteps)} steps, {work.Sum(s => s.RhsEvaluations)} f evaluations, {work.Sum(s => s.JacobianEvaluations)} Jacobians"));

// κ, which scales every loss, and each cell type's in-vivo death rate are estimates: the untreated run gets its band
// (κ ×0.5–2, each cell type's death rate ×2/3–1.5; RemodellingUncertainty).
var band = BoneLossFigure.Bands(duration);
Console.WriteLine();
Console.WriteLine("Untreated bone mass with its band (κ ×0.5–2, each cell type's death rate ×2/3–1.5):");
for (int s = 0; s < scenarios.Count; s++)
{
    var b = band[s];
    if (!b.IsSuccess)
    {
        Console.Error.WriteLine($"{scenarios[s]}: {b.Message ?? b.Central.Message}");
        return 1;
    }

    int year = b.Central.TimesDays.BinarySearch(365.0);
    Console.WriteLine(string.Create(c, $"  {scenarios[s].Name,-20} 1 y {b.Central.BoneMass[year],7:F2} ({b.BoneMassLower[year]:F1}–{b.BoneMassUpper[year]:F1})   5 y {b.Central.BoneMass[^1],7:F2} ({b.BoneMassLower[^1]:F1}–{b.BoneMassUpper[^1]:F1})"));
}

// A–D, one per disease: bone mass over months, untreated (with its κ band) and with each intervention; E–G: the cells
// that drive bone mass (BoneLossFigure).
var figure = BoneLossFigure.Create(runs, band);

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
Directory.CreateDirectory(folder);
string png = Path.Combine(folder, "bone-loss.png");
string svg = Path.Combine(folder, "bone-loss.svg");
string csv = Path.Combine(folder, "bone-loss.csv");
FigureExporter.Save(figure, png, 3600, 1900, dpi: 150);
FigureExporter.Save(figure, svg, 2400, 1270);
var first = runs[0, 0];
string caption = new FigureCaption("Bone mass over 5 years under four chronic bone diseases linked to ferroptosis, untreated and with an anti-ferroptotic intervention.")
{
    Panels =
    [
        $"A–D, one panel per disease: bone mass (% of baseline) against time (months), one line per intervention; the grey band is the untreated run's envelope over κ ×0.5–2 and each cell type's death rate ×2/3–1.5 (constants data do not fix; docs/remodelling.md), the line κ = {RemodellingOptions.Default.Kappa.ToString(c)}. The y axis spans the values shown, not 0–100 (stated in each subtitle). Where the three interventions coincide (they stop the extra death entirely) the subtitle says so; their lines lie on top of each other. Other lines that lie on top of each other are named in the subtitle, and so is a band whose upper edge lies on its line.",
        $"E–G: osteoclasts, osteoblasts and viable osteocytes of the untreated runs (κ = {RemodellingOptions.Default.Kappa.ToString(c)}), in % of their value on day 0, one line per disease: the cell counts that drive bone mass.",
    ],
    Protocol = $"osteoblasts, osteoclasts, osteocytes and osteoclast precursors under the chronic (half-strength) form of each disease; the ferroptosis model gives each cell type's quasi-steady extra death rate (κ = {RemodellingOptions.Default.Kappa.ToString(c)}) and the osteoclast-formation ratio, which with each disease's bone-level effects (onset within a day for glucocorticoids and high glucose, about a year for estrogen loss, about two years for iron overload) drive the bounded bone-remodelling model (docs/remodelling.md) for 5 years. Interventions (ferrostatin-1 1 µM, deferoxamine 100 µM, sulforaphane 5 µM) act in the cells as continuous doses held for the whole 5 years.",
    Model = $"{first.CellModel} (cell death rates, osteoclast formation) + bounded bone remodelling",
    Solver = $"{first.Result!.SolverName} (population model; the cell death rates from the ferroptosis model at rtol {first.Options.CellOptions.RelativeTolerance:G3})",
    RelativeTolerance = 1e-10,
    AbsoluteTolerance = 1e-10,
    Notes = [$"Data: {Path.GetFileName(csv)} (bone mass, osteoclasts, osteoblasts and viable osteocytes by day)."],
}.WriteBeside(png);
var table = new System.Text.StringBuilder("scenario,intervention,time_d,bone_mass_percent,osteoclasts,osteoblasts,viable_osteocytes\n");
foreach (var run in runs)
{
    var times = run.TimesDays;
    double[] z = run.BoneMass, x1 = run.Osteoclasts, x2 = run.Osteoblasts, v = run.ViableOsteocytes;
    for (int k = 0; k < times.Length; k++)
    {
        table.Append(c, $"{run.Scenario!.Name},{Label(run)},{times[k]:R},{z[k]:R},{x1[k]:R},{x2[k]:R},{v[k]:R}\n");
    }
}

DataFile.WriteAllText(csv, table.ToString()); // atomically: a CSV is whole or absent

Console.WriteLine();
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
Console.WriteLine($"Caption: {caption}");
Console.WriteLine($"Data:   {csv}");
return 0;

static string Label(RemodellingResult run) => BoneLossFigure.Label(run);
