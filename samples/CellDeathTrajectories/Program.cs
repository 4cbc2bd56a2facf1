// CellDeathTrajectories: how fast do osteoblasts, osteoclasts and osteocytes die by ferroptosis, and what
// rescues them? Each cell type is brought to rest, then exposed at t = 0 to the default ferroptotic challenge,
// erastin 10 µM, alone and with one rescue each: ferrostatin-1 1 µM (radical-trapping antioxidant),
// deferoxamine 100 µM (iron chelator) and zinc protoporphyrin 10 µM (heme-oxygenase inhibitor).
// Erastin 10 µM is the classic dose of Dixon et al. (Cell 2012); it blocks cystine import (system xc⁻),
// depletes GSH and kills the reference osteoblast with t50 ≈ 13 h (model v2), so a 48-h window shows both the death
// and each rescue. Prints t50 and survival at 24 h and 48 h, and writes the figure (TrajectoryFigure: survival per
// cell type, lipid peroxides under erastin) and the trajectories (CSV) to output/ (or the folder given as the first
// argument).
using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var conditions = TrajectoryFigure.Conditions;
var duration = TimeSpan.FromHours(48);

// The sample writes trajectories of several quantities, so each run records every state as it goes (one run each,
// instead of a second run on the first read of a quantity other than survival).
var options = new CellSimulationOptions { RecordAllQuantities = true };
var conditionOf = new Dictionary<CellSimulationResult, string>();
var runs = new List<CellSimulationResult>();
foreach (var cell in BoneCell.All)
{
    foreach (var (name, treatment) in conditions)
    {
        var result = FerroptosisSimulation.Run(cell, treatment, duration, options);
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine($"{cell} {name}: {result.Status} {result.Message}");
            return 1;
        }

        conditionOf[result] = name;
        runs.Add(result);
    }
}

var c = CultureInfo.InvariantCulture;
Console.WriteLine($"Ferroptosis in bone cells under erastin 10 µM and its rescues (48 h, {runs[0].Model}, solver {runs[0].Result.SolverName})");
Console.WriteLine();
Console.WriteLine($"{"cell type",-12} {"condition",-21} {"t50 (h)",8} {"S(24 h)",8} {"S(48 h)",8}");
foreach (var r in runs)
{
    string t50 = r.TimeTo50PercentDeathHours is double t ? t.ToString("F1", c) : "> 48";
    Console.WriteLine(string.Create(c, $"{r.Cell.Name,-12} {conditionOf[r],-21} {t50,8} {r.SurvivalAtHours(24),8:F3} {r.SurvivalAtHours(48),8:F3}"));
}

var work = runs.Select(r => r.Result.Statistics).ToList();
Console.WriteLine(string.Create(c, $"\n{runs[0].Result.SolverName} over {runs.Count} runs: {work.Sum(s => s.AcceptedSteps)} steps ({work.Sum(s => s.RejectedSteps)} rejected), {work.Sum(s => s.RhsEvaluations)} f evaluations, {work.Sum(s => s.JacobianEvaluations)} Jacobians"));

var figure = TrajectoryFigure.Create(runs, r => conditionOf[r]);

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
Directory.CreateDirectory(folder);
string png = Path.Combine(folder, "cell-death-trajectories.png");
string svg = Path.Combine(folder, "cell-death-trajectories.svg");
string csv = Path.Combine(folder, "cell-death-trajectories.csv");
FigureExporter.Save(figure, png, 2400, 1800, dpi: 150);
FigureExporter.Save(figure, svg, 1536, 1152);
DataFile.WriteAllText(csv, Trajectories(runs, conditionOf)); // atomically, UTF-8 without a byte-order mark, as every CSV of ferrosim
string caption = TrajectoryFigure.Caption(runs, Path.GetFileName(csv)).WriteBeside(png);
Console.WriteLine();
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"        {svg}");
Console.WriteLine($"Caption: {caption}");
Console.WriteLine($"Trajectories (CSV): {csv}");
return 0;

// Long format, one row per cell type, condition and time: ready for R, pandas or a spreadsheet.
static string Trajectories(List<CellSimulationResult> runs, Dictionary<CellSimulationResult, string> conditionOf)
{
    string[] quantities = ["LPO", "GSH", "LIP", "GPX4", "HO1"];
    var text = new StringBuilder("cell_type,condition,time_h,surviving_fraction,LPO,GSH_mM,LIP_uM,GPX4,HO1\n");
    foreach (var r in runs)
    {
        var survival = r.SurvivingFraction;
        var columns = quantities.Select(r.Quantity).ToArray();
        for (int k = 0; k < survival.Length; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Cell.Name},{conditionOf[r]},{r.TimesHours[k]:R},{survival[k]:R}");
            foreach (var column in columns)
            {
                text.Append(CultureInfo.InvariantCulture, $",{column[k]:R}");
            }

            text.Append('\n');
        }
    }

    return text.ToString();
}
