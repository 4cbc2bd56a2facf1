using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;
using Ferroptosis.Sim.Tests.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The figures of DrugPanel, DiseaseScenarios, BoneLoss, DualRoleDoseResponse, SolverShowdown and QuickStart, built by the samples' own figure classes from the samples' own runs, pass the figure audit on every panel.</summary>
[Category("Slow")]
public sealed class SampleFigureAuditTests
{
    [Test]
    public void DrugPanel_HeatMapAndTrajectories_PassTheAudit()
    {
        var runs = DrugPanelFigure.Run(TimeSpan.FromHours(24));

        var heatMap = Laid(DrugPanelFigure.HeatMap(runs), 1500, 1500);
        var trajectories = Laid(DrugPanelFigure.Trajectories(runs), 3600, 2700);

        Assert.Multiple(() =>
        {
            Assert.That(FigureAudit.Problems([heatMap]), Is.Empty);
            Assert.That(trajectories.Panels, Has.Count.EqualTo(DrugPanelFigure.Groups.Length * (BoneCell.All.Count + 1)));
            Assert.That(FigureAudit.Problems(trajectories.Panels), Is.Empty);
        });
    }

    [Test]
    public void DiseaseScenarios_TrajectoriesAndHeatMap_PassTheAudit()
    {
        var figure = Laid(ScenarioFigure.Create(ScenarioFigure.Run(TimeSpan.FromHours(48)), 48), 2400, 1800);

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.EqualTo(BoneCell.All.Count + 1));
            Assert.That(FigureAudit.Problems(figure.Panels), Is.Empty);
        });
    }

    [Test]
    public void BoneLoss_BoneMassAndCellPanels_PassTheAudit()
    {
        var duration = BoneRemodelling.Months(60);
        var (runs, band) = (BoneLossFigure.Run(duration), BoneLossFigure.Bands(duration));
        Assume.That(runs.Cast<RemodellingResult>().All(r => r.IsSuccess) && band.All(b => b.IsSuccess), Is.True);

        var figure = Laid(BoneLossFigure.Create(runs, band), 3600, 1900);

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.EqualTo(BoneRemodelling.Scenarios.Count + 3));
            Assert.That(FigureAudit.Problems(figure.Panels), Is.Empty);
        });
    }

    [Test]
    public void DualRoleDoseResponse_SurvivalAndIronPanels_PassTheAudit_WithTheHo1NullControlLeftOfTheLogAxisBreak()
    {
        var ic50 = DualRoleFigure.Ic50();
        var figure = Laid(DualRoleFigure.Create(DualRoleFigure.Run(ic50), ic50), 2400, 1100);
        double zero = DoseResponseChart.ZeroDosePosition(DualRoleFigure.Levels.Where(l => l > 0).Min());

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.EqualTo(2));
            Assert.That(FigureAudit.Problems(figure.Panels), Is.Empty);
            foreach (var panel in figure.Panels)
            {
                // The dose axis is logarithmic and every curve keeps its HO-1-null control (0×), at the tick that reads "0".
                var doseAxis = panel.Axes.Single(a => a.Position == OxyPlot.Axes.AxisPosition.Bottom);
                Assert.That(doseAxis, Is.InstanceOf<OxyPlot.Axes.LogarithmicAxis>(), panel.Title);
                Assert.That(doseAxis.LabelFormatter?.Invoke(zero), Is.EqualTo("0"), panel.Title);
                foreach (var curve in panel.Series.OfType<OxyPlot.Series.LineSeries>().Where(s => !string.IsNullOrEmpty(s.Title)))
                {
                    Assert.That(curve.Points.Count(p => p.IsDefined()), Is.EqualTo(DualRoleFigure.Levels.Length), curve.Title);
                    Assert.That(curve.Points.Count(p => p.X == zero), Is.EqualTo(1), curve.Title);
                }
            }
        });
    }

    [Test]
    public void SolverShowdown_WorkPrecision_PassesTheAudit()
    {
        Perturbation[] erastin = [Perturbation.Erastin(10)];
        var duration = TimeSpan.FromHours(48);
        var options = new CellSimulationOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 };
        var reference = FerroptosisSimulation.Run(BoneCell.Osteoblast, erastin, duration, options with { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13 });
        var precision = WorkPrecisionFigure.Run(reference, erastin, duration, options);

        var chart = Laid(WorkPrecisionFigure.Create(precision, $"{reference.Model}"), 1500, 1050);

        Assert.Multiple(() =>
        {
            Assert.That(precision, Has.Count.EqualTo(Ferroptosis.Sim.Ode.OdeSolvers.All.Count));
            Assert.That(FigureAudit.Problems(chart), Is.Empty);
        });
    }

    // QuickStart's Program.cs is the README example verbatim (SampleTests checks it), so its figure stays one library
    // call there; this runs the same two cultures and the same call.
    [Test]
    public void QuickStart_Survival_PassesTheAudit()
    {
        var erastin = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TimeSpan.FromHours(48));
        var rescued = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10), Perturbation.Ferrostatin1(1)], TimeSpan.FromHours(48));

        var figure = Laid(CellDeathFigure.Survival([erastin, rescued], options: new() { Legend = LegendLocation.Below }), 960, 540);

        Assert.That(FigureAudit.Problems(figure), Is.Empty);
    }

    // Exports once, as the sample does, so that OxyPlot lays the panels out (series colours, legends).
    private static PlotModel Laid(PlotModel model, int width, int height)
    {
        using var stream = new MemoryStream();
        FigureExporter.Write(model, stream, FigureFormat.Png, width, height, 150);
        return model;
    }

    private static MultiPanelFigure Laid(MultiPanelFigure figure, int width, int height)
    {
        using var stream = new MemoryStream();
        FigureExporter.Write(figure, stream, FigureFormat.Png, width, height, 150);
        return figure;
    }
}
