// Do osteoblasts die by ferroptosis under erastin 10 µM, and does ferrostatin-1 rescue them?
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var erastin = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TimeSpan.FromHours(48));
var rescued = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10), Perturbation.Ferrostatin1(1)], TimeSpan.FromHours(48));
Console.WriteLine($"erastin: t50 = {erastin.TimeTo50PercentDeathHours:F1} h, survival at 24 h = {erastin.SurvivalAtHours(24):F2}");
Console.WriteLine($"erastin + ferrostatin-1: survival at 24 h = {rescued.SurvivalAtHours(24):F2}");
string png = Path.GetFullPath(Path.Combine(args.Length > 0 ? args[0] : "output", "quickstart.png"));
FigureExporter.Save(CellDeathFigure.Survival([erastin, rescued], options: new() { Legend = LegendLocation.Below }), png, 960, 540);
Console.WriteLine($"Figure: {png}");
