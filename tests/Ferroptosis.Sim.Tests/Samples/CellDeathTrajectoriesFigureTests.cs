using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using Ferroptosis.Sim.Tests.Plotting;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The README's main figure says what it shows: the insult and its rescue doses, the model version, every arm visible, dead cultures' peroxides ended, the death threshold, the unit, ticks to the end and the legend out of the plot's width.</summary>
[Category("Slow")]
public sealed class CellDeathTrajectoriesFigureTests
{
    private MultiPanelFigure _figure = null!;
    private Dictionary<CellSimulationResult, string> _conditionOf = null!;

    private IReadOnlyList<PlotModel> Survival => [.. _figure.Panels.Take(3)];

    private PlotModel Peroxides => _figure.Panels[3];

    [OneTimeSetUp]
    public void BuildTheSamplesFigure()
    {
        _conditionOf = [];
        foreach (var cell in BoneCell.All)
        {
            foreach (var (name, treatment) in TrajectoryFigure.Conditions)
            {
                _conditionOf[FerroptosisSimulation.Run(cell, treatment, TimeSpan.FromHours(48))] = name;
            }
        }

        _figure = TrajectoryFigure.Create([.. _conditionOf.Keys], r => _conditionOf[r]);

        // Export once so that OxyPlot lays the panels out (plot areas, legends).
        using var stream = new MemoryStream();
        FigureExporter.Write(_figure, stream, FigureFormat.Png, 2400, 1800, 150);
    }

    [Test]
    public void SurvivalPanels_NameTheInsult_TheRescueDoses_AndTheModelVersion() =>
        Assert.Multiple(() =>
        {
            Assert.That(_figure.Panels, Has.Count.EqualTo(4));
            foreach (var panel in Survival)
            {
                Assert.That(panel.Title, Does.Contain("erastin 10 µM"));
                Assert.That(panel.Subtitle, Does.StartWith("ferroptosis model v2"));
                Assert.That(Titles(panel), Has.Some.StartsWith("erastin + Fer-1 1 µM").And.Some.StartsWith("erastin + DFO 100 µM").And.Some.StartsWith("erastin + ZnPP 10 µM"));
            }

            Assert.That(Peroxides.Title, Does.Contain("erastin 10 µM"));
            Assert.That(Peroxides.Subtitle, Does.StartWith("ferroptosis model v2"));
        });

    [Test]
    public void Untreated_IsToldApartFromTheArmsItCoincidesWith_ByLineStyle_AndANote() =>
        Assert.Multiple(() =>
        {
            foreach (var panel in Survival)
            {
                var lines = panel.Series.OfType<LineSeries>().ToList();
                var untreated = lines.Single(l => l.Title.StartsWith("untreated", StringComparison.Ordinal));
                Assert.That(lines.Where(l => l != untreated).Select(l => (l.Color, l.LineStyle)), Has.None.EqualTo((untreated.Color, untreated.LineStyle)), panel.Title);
                Assert.That(lines[^1], Is.SameAs(untreated), "drawn last, its dashes over the arms it coincides with");
            }

            Assert.That(Survival[0].Subtitle, Does.Contain("lines coincide").And.Contain("untreated"));
        });

    [Test]
    public void PeroxidePanel_EndsDeadCultures_ShowsTheDeathThreshold_AndExplainsTheUnit()
    {
        var osteoblast = _conditionOf.Single(p => p.Key.Cell == BoneCell.Osteoblast && p.Value == TrajectoryFigure.Insult).Key;
        var line = Peroxides.Series.OfType<LineSeries>().Single(l => l.Title == "Osteoblast");
        int dead = Array.FindIndex(osteoblast.SurvivingFraction, s => s < CellDeathFigure.DeadCulture);
        var yAxis = Peroxides.Axes.Single(a => a.Position == AxisPosition.Left);

        Assert.Multiple(() =>
        {
            Assert.That(dead, Is.GreaterThan(0), "the osteoblast dies within 48 h under erastin 10 µM");
            Assert.That(line.Points.Take(dead + 1).Select(p => p.Y), Has.All.Matches<double>(double.IsFinite));
            Assert.That(line.Points.Skip(dead + 1).Select(p => p.Y), Has.All.NaN);
            Assert.That(Peroxides.Annotations.OfType<LineAnnotation>().Where(a => a.Type == LineAnnotationType.Horizontal).Select(a => a.Text), Has.Some.Contains("death threshold"));
            Assert.That(yAxis.Unit, Does.StartWith("n.u.").And.Contain("resting reference osteoblast"));
            Assert.That(yAxis, Is.InstanceOf<LogarithmicAxis>());
        });
    }

    [Test]
    public void TimeTicks_ReachTheEndOfTheRun_AndLegendsLeaveThePlotThreeQuartersOfTheWidth() =>
        Assert.Multiple(() =>
        {
            foreach (var panel in _figure.Panels)
            {
                var time = panel.Axes.Single(a => a.Position == AxisPosition.Bottom);
                Assert.That(time.Maximum, Is.GreaterThanOrEqualTo(48), panel.Title);
                Assert.That(48 % time.MajorStep, Is.Zero, $"{panel.Title}: a tick at 48 h");
                Assert.That(panel.Legends.Single().LegendPlacement == LegendPlacement.Inside || panel.Legends.Single().LegendPosition == LegendPosition.BottomCenter, Is.True, panel.Title);
                Assert.That(panel.PlotArea.Width / panel.Width, Is.GreaterThanOrEqualTo(0.75), panel.Title);
            }
        });

    [Test]
    public void EveryPanel_TellsItsLinesApart_NamesQuantityAndUnitOnEveryAxis_AndHasALegendMatchingItsSeries() =>
        Assert.That(FigureAudit.Problems(_figure.Panels), Is.Empty);

    private static List<string> Titles(PlotModel model) => [.. model.Series.Select(s => s.Title)];
}
