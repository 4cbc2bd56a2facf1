// DiseaseScenarios: do the bone diseases linked to ferroptosis kill bone cells in culture, and does a ferroptosis
// inhibitor prevent it? Four conditions in their in-vitro form (model README §7): glucocorticoid excess
// (dexamethasone 1 µM), high glucose (25.5 mM), iron overload (ferric ammonium citrate 200 µM) and estrogen loss,
// each switched on at t = 0 in resting osteoblasts, osteoclasts and osteocytes for 48 h, without and with
// ferrostatin-1 1 µM. Prints t50 and survival at 48 h, writes the trajectories and a heat map to output/ (or the
// folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var scenarios = ScenarioFigure.Scenarios;
var cells = BoneCell.All;

// [scenario, cell, 0 = untreated / 1 = + Fer-1]
var runs = ScenarioFigure.Run(TimeSpan.FromHours(48));

var c = CultureInfo.InvariantCulture;
var model = runs[0, 0, 0].Model;
Console.WriteLine($"Scenario definitions (in-vitro form, {model}):");
foreach (var scenario in scenarios.OfType<DiseaseScenario>())
{
    Console.WriteLine($"  {Name(scenario),-22} {Culture(scenario),-30} {string.Join(", ", scenario.InVitroIn(model))}");
}

Console.WriteLine();
Console.WriteLine("Disease scenarios in vitro, 48 h: t50 and surviving fraction at 48 h, without / with ferrostatin-1 1 µM");
Console.WriteLine();
Console.WriteLine($"{"scenario",-22} {"cell type",-11} {"t50 (h)",8} {"S(48 h)",8} {"+ Fer-1",8}");
for (int s = 0; s < scenarios.Length; s++)
{
    for (int j = 0; j < cells.Count; j++)
    {
        var (alone, rescued) = (runs[s, j, 0], runs[s, j, 1]);
        string t50 = alone.TimeTo50PercentDeathHours is double t ? t.ToString("F1", c) : "> 48";
        Console.WriteLine(string.Create(c, $"{Name(scenarios[s]),-22} {cells[j].Name,-11} {t50,8} {alone.SurvivalAtHours(48),8:F3} {rescued.SurvivalAtHours(48),8:F3}"));
    }
}

var work = runs.Cast<CellSimulationResult>().Select(r => r.Result.Statistics).ToList();
Console.WriteLine(string.Create(c, $"\n{runs[0, 0, 0].Result.SolverName} over {work.Count} runs: {work.Sum(s => s.AcceptedSteps)} steps, {work.Sum(s => s.RhsEvaluations)} f evaluations, {work.Sum(s => s.JacobianEvaluations)} Jacobians"));

// A–C: trajectories per cell type, one line per scenario; D: survival at 48 h, scenario (± Fer-1) × cell type (ScenarioFigure).
var figure = ScenarioFigure.Create(runs, 48);

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
string png = Path.Combine(folder, "disease-scenarios.png");
string svg = Path.Combine(folder, "disease-scenarios.svg");
FigureExporter.Save(figure, png, 2400, 1800, dpi: 150);
FigureExporter.Save(figure, svg, 1600, 1200);
string caption = (FigureCaption.ForSimulations("Death of bone cells in culture under four disease conditions linked to ferroptosis, without and with ferrostatin-1.", runs.Cast<CellSimulationResult>()) with
{
    Panels =
    [
        "A–C: surviving fraction (0–1) of osteoblasts (A), osteoclasts (B) and osteocytes (C) against time, one line per condition (healthy = no disease condition); t50 marked.",
        "D: surviving fraction at 48 h, one row per condition (healthy first, then each disease with its in-vitro form) without and with ferrostatin-1 1 µM, one column per cell type.",
        "Each t50 mark has its own shape, shown on its legend entry; t50 is given with one decimal; marks that fall together are also labelled beside the mark. Lines named in a subtitle coincide.",
    ],
    Protocol = "resting cells; at t = 0 the in-vitro form of each condition (model README §7) is switched on for 48 h: glucocorticoid excess (dexamethasone 1 µM), high glucose (25.5 mM glucose), iron overload (ferric ammonium citrate, FAC, 200 µM), estrogen loss (no culture dose: only the model's parameter changes, listed below); ferrostatin-1 1 µM added at t = 0 where stated.",
    Notes = [$"Scenario definitions in the model ({model}): " + string.Join("; ", scenarios.OfType<DiseaseScenario>().Select(x => $"{Name(x)} = {string.Join(", ", x.InVitroIn(model))}")) + "."],
}).WriteBeside(png);
Console.WriteLine();
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
Console.WriteLine($"Caption: {caption}");

static string Name(DiseaseScenario? scenario) => ScenarioFigure.Name(scenario);

static string Culture(DiseaseScenario scenario) => ScenarioFigure.Culture(scenario);
