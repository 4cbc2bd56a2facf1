// DrugPanel: which drugs kill bone cells by ferroptosis and which rescue them? Two inducers with different
// targets, erastin (system xc⁻ → GSH depletion) and RSL3 (direct GPX4 inhibition), each alone and with
// ferrostatin-1 (radical-trapping antioxidant), deferoxamine (iron chelator) and zinc protoporphyrin
// (heme-oxygenase inhibitor); the Nrf2 activator sulforaphane against erastin, and the Nrf2 inhibitor ML385,
// which sensitises cells to a low erastin dose. Each culture starts from the resting state of its cell type;
// drugs are added at t = 0. Prints survival at 24 h as a table, writes a heat map (condition × cell type) and
// the trajectories to output/ (or the folder given as the first argument).
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var conditions = DrugPanelFigure.Conditions;
var cells = BoneCell.All;
var runs = DrugPanelFigure.Run(TimeSpan.FromHours(24));

var c = CultureInfo.InvariantCulture;
Console.WriteLine("Surviving fraction at 24 h (drugs added at t = 0 to resting cells)");
Console.WriteLine();
Console.WriteLine($"{"condition",-28}" + string.Concat(cells.Select(cell => $"{cell.Name,12}")));
for (int i = 0; i < conditions.Length; i++)
{
    Console.WriteLine($"{conditions[i].Name,-28}" + string.Concat(Enumerable.Range(0, cells.Count).Select(j => Cell(runs[i, j]).PadLeft(12))));
}

var work = runs.Cast<CellSimulationResult>().Select(r => r.Result.Statistics).ToList();
Console.WriteLine(string.Create(c, $"\n{runs[0, 0].Result.SolverName} over {work.Count} runs: {work.Sum(s => s.AcceptedSteps)} steps, {work.Sum(s => s.RhsEvaluations)} f evaluations, {work.Sum(s => s.JacobianEvaluations)} Jacobians"));

// The figures (DrugPanelFigure): the heat map, and per inducer the survival of each cell type and the osteoblast's GSH.
var heatMap = DrugPanelFigure.HeatMap(runs);
var trajectories = DrugPanelFigure.Trajectories(runs);

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
string heatPng = Path.Combine(folder, "drug-panel-heatmap.png");
string heatSvg = Path.Combine(folder, "drug-panel-heatmap.svg");
string trajectoryPng = Path.Combine(folder, "drug-panel-trajectories.png");
FigureExporter.Save(heatMap, heatPng, 1500, 1500, dpi: 150);
FigureExporter.Save(heatMap, heatSvg, 1000, 1000);
FigureExporter.Save(trajectories, trajectoryPng, 3600, 2700, dpi: 150);
var all = runs.Cast<CellSimulationResult>().ToList();
string protocol = "each cell type at its resting state; drugs added together at t = 0 (erastin 10 µM or 2 µM, RSL3 0.1 µM, ferrostatin-1 (Fer-1) 1 µM, deferoxamine (DFO) 100 µM, zinc protoporphyrin (ZnPP) 10 µM, sulforaphane (SFN) 5 µM, ML385 5 µM), 24 h; untreated: no drug.";
string heatCaption = (FigureCaption.ForSimulations("Surviving fraction at 24 h of osteoblasts, osteoclasts and osteocytes under ferroptosis inducers alone and with rescues or Nrf2 modulators.", all) with
{
    Panels = ["Heat map: one row per condition (untreated first; every inducer with its dose), one column per cell type; colour from 0 (all dead) to 1 (all alive), value printed in each cell."],
    Protocol = protocol,
}).WriteBeside(heatPng);
string trajectoryCaption = (FigureCaption.ForSimulations("Cell-death trajectories under the inducers and Nrf2 modulators of the drug panel, and the osteoblast's glutathione.", all) with
{
    Panels =
    [
        "One row per inducer: erastin 10 µM alone and with Fer-1, DFO, ZnPP or SFN (A–D); RSL3 0.1 µM alone and with Fer-1, DFO or ZnPP (E–H); erastin 2 µM alone and with ML385 (I–L); each row with the untreated control.",
        "First three columns: surviving fraction (0–1) of osteoblasts, osteoclasts and osteocytes against time, one line per condition; t50 marked (its value, one decimal, in the legend). Lines named in a subtitle coincide (the rescued arms and untreated lie together at S ≈ 1).",
        "Last column: glutathione (GSH, mM) of the osteoblast under the same conditions. A line ends when its culture is more than 90 % dead (surviving fraction < 0.1): the GSH of the few cells left is not a read-out of the culture.",
    ],
    Protocol = protocol,
}).WriteBeside(trajectoryPng);
Console.WriteLine();
Console.WriteLine($"Heat map: {heatPng}");
Console.WriteLine($"          {heatSvg}");
Console.WriteLine($"Trajectories: {trajectoryPng}");
Console.WriteLine($"Captions: {heatCaption}");
Console.WriteLine($"          {trajectoryCaption}");
return 0;

static string Cell(CellSimulationResult r) => r.IsSuccess ? r.SurvivalAtHours(24).ToString("F3", CultureInfo.InvariantCulture) : r.Status.ToString();
