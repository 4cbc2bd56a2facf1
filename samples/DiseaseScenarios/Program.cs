// DiseaseScenarios: do the bone diseases linked to ferroptosis kill bone cells in culture, and does a ferroptosis
// inhibitor prevent it? Four conditions in their in-vitro form (model README §7): glucocorticoid excess
// (dexamethasone 1 µM), high glucose (25.5 mM), iron overload (ferric ammonium citrate 200 µM) and estrogen loss,
// each switched on at t = 0 in resting osteoblasts, osteoclasts and osteocytes for 48 h, without and with
// ferrostatin-1 1 µM. Prints t50 and survival at 48 h, writes the trajectories and a heat map to output/ (or the
// folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

DiseaseScenario?[] scenarios = [null, DiseaseScenario.Glucocorticoid, DiseaseScenario.HighGlucose, DiseaseScenario.IronOverload, DiseaseScenario.EstrogenDeficiency];
var cells = BoneCell.All;
var duration = TimeSpan.FromHours(48);
var fer1 = Perturbation.Ferrostatin1(1);

// [scenario, cell, 0 = untreated / 1 = + Fer-1]
var runs = new CellSimulationResult[scenarios.Length, cells.Count, 2];
Parallel.For(0, runs.Length, k =>
{
    int s = k / (cells.Count * 2), j = k / 2 % cells.Count, f = k % 2;
    var options = new CellSimulationOptions { Scenario = scenarios[s] };
    runs[s, j, f] = FerroptosisSimulation.Run(cells[j], f == 0 ? [] : [fer1], duration, options);
});

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
        string t50 = alone.TimeTo50PercentDeath is double t ? t.ToString("F1", c) : "> 48";
        Console.WriteLine(string.Create(c, $"{Name(scenarios[s]),-22} {cells[j].Name,-11} {t50,8} {alone.SurvivalAt(48),8:F3} {rescued.SurvivalAt(48),8:F3}"));
    }
}

var work = runs.Cast<CellSimulationResult>().Select(r => r.Result.Statistics).ToList();
Console.WriteLine(string.Create(c, $"\n{runs[0, 0, 0].Result.SolverName} over {work.Count} runs: {work.Sum(s => s.AcceptedSteps)} steps, {work.Sum(s => s.RhsEvaluations)} f evaluations, {work.Sum(s => s.JacobianEvaluations)} Jacobians"));

// A–C: trajectories per cell type, one line per scenario; D: survival at 48 h, scenario (± Fer-1) × cell type.
var panels = cells.Select((cell, j) =>
{
    var panel = CellDeathFigure.Survival(Enumerable.Range(0, scenarios.Length).Select(s => runs[s, j, 0]), r => Name(r.Scenario), options: new FigureOptions { Legend = LegendLocation.Below });
    panel.Title = CellDeathFigure.CellName(cell);
    return panel;
}).ToList();
// D: every scenario, healthy first, without and with Fer-1; row labels say what the condition is in culture.
var rows = new List<string>();
var table = new CellSimulationResult[scenarios.Length * 2, cells.Count];
for (int s = 0; s < scenarios.Length; s++)
{
    rows.Add(scenarios[s] is { } scenario ? $"{Name(scenario)} ({Culture(scenario)})" : "healthy");
    rows.Add($"{Name(scenarios[s])} + Fer-1");
    for (int j = 0; j < cells.Count; j++)
    {
        table[s * 2, j] = runs[s, j, 0];
        table[(s * 2) + 1, j] = runs[s, j, 1];
    }
}

panels.Add(CellDeathFigure.SurvivalHeatMap(rows, cells.Select(CellDeathFigure.CellName).ToList(), table, 48));
var figure = new MultiPanelFigure(panels, columns: 2);

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

// Readable names (the registry's condition names, so each keeps its colour in every figure) and the in-vitro form of each.
static string Name(DiseaseScenario? scenario) => scenario?.Name switch
{
    null => "healthy",
    "glucocorticoid" => "glucocorticoid excess",
    "estrogen-deficiency" => "estrogen loss",
    { } name => name.Replace('-', ' '),
};

static string Culture(DiseaseScenario scenario) => scenario.Name switch
{
    "glucocorticoid" => "dexamethasone 1 µM",
    "high-glucose" => "glucose 25.5 mM",
    "iron-overload" => "FAC 200 µM",
    "estrogen-deficiency" => "model changes",
    _ => scenario.Description,
};
