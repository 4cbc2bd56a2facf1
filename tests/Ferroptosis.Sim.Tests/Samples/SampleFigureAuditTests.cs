using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;
using Ferroptosis.Sim.Tests.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The figures of DrugPanel, DiseaseScenarios and BoneLoss, built by the samples' own figure classes from the samples' own runs, pass the figure audit on every panel.</summary>
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
