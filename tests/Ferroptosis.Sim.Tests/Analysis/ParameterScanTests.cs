using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Scans of y' = −k y, whose value y(T) = y0·e^{−kT} is known at every grid point.</summary>
public sealed class ParameterScanTests
{
    private static SimulationExperiment DecayExperiment(double endTime = 2) =>
        new(AnalysisModels.Decay, [new ParameterInput("k"), new InitialValueInput("y")], [Readout.ValueAt("y", endTime), Readout.Area("y")], AnalysisModels.Tight(endTime));

    [Test]
    public void TwoDimensionalScan_MatchesTheClosedForm_AtEveryPoint_InRowMajorOrder()
    {
        var k = ScanAxis.Parse("k", "0.01:10:log7");
        var y0 = ScanAxis.Linear("y(0)", 0.5, 2, 4);
        var scan = ParameterScan.Run(DecayExperiment(), [k, y0]);

        Assert.That(scan.Count, Is.EqualTo(28));
        Assert.That(scan.FailureCount, Is.Zero);
        var grid = scan.GetGrid("y@2");
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double expected = y0.Values[j] * Math.Exp(-k.Values[i] * 2);
                Assert.That(grid[i, j], Is.EqualTo(expected).Within(1e-9 * Math.Max(1, expected)));
                int p = scan.PointIndex(i, j);
                Assert.That((scan.Coordinate(p, 0), scan.Coordinate(p, 1)), Is.EqualTo((k.Values[i], y0.Values[j])));
                Assert.That(scan[p, "auc(y)"], Is.EqualTo(y0.Values[j] * (1 - Math.Exp(-2 * k.Values[i])) / k.Values[i]).Within(1e-8));
            }
        }
    }

    [Test]
    public void Results_DoNotDependOnTheNumberOfThreads()
    {
        var axes = new[] { ScanAxis.Logarithmic("k", 0.1, 10, 30), ScanAxis.List("y(0)", 1) };
        var serial = ParameterScan.Run(DecayExperiment(), axes, new ExecutionOptions { MaxDegreeOfParallelism = 1 });
        var parallel = ParameterScan.Run(DecayExperiment(), axes, new ExecutionOptions { MaxDegreeOfParallelism = 4 });
        Assert.That(parallel.GetOutput("y@2"), Is.EqualTo(serial.GetOutput("y@2")));
        Assert.That(parallel.GetOutput("auc(y)"), Is.EqualTo(serial.GetOutput("auc(y)")));
    }

    [Test]
    public void Progress_IsReported_AndEndsAtTheTotal()
    {
        var reports = new List<AnalysisProgress>();
        var progress = new SynchronousProgress(reports.Add);
        ParameterScan.Run(DecayExperiment(), [ScanAxis.Linear("k", 0.1, 1, 20), ScanAxis.List("y(0)", 1, 2)], new ExecutionOptions { Progress = progress });

        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports[^1].Completed, Is.EqualTo(40));
        Assert.That(reports[^1].Total, Is.EqualTo(40));
        Assert.That(reports[^1].EstimatedRemaining, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Cancellation_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => ParameterScan.Run(DecayExperiment(), [ScanAxis.Linear("k", 0.1, 1, 20), ScanAxis.List("y(0)", 1)], cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void AxesMustCoverEveryInputOnce()
    {
        Assert.That(() => ParameterScan.Run(DecayExperiment(), [ScanAxis.List("k", 1)]), Throws.ArgumentException.With.Message.Contains("'y(0)' has no axis"));
        Assert.That(() => ParameterScan.Run(DecayExperiment(), [ScanAxis.List("k", 1), ScanAxis.List("q", 1)]), Throws.ArgumentException.With.Message.Contains("'q'"));
    }

    [TestCase("0.01:100:log5", new[] { 0.01, 0.1, 1, 10, 100 })]
    [TestCase("0:1:5", new[] { 0, 0.25, 0.5, 0.75, 1 })]
    [TestCase("2:4:lin3", new[] { 2.0, 3, 4 })]
    [TestCase("1, 2.5,1e3", new[] { 1, 2.5, 1000 })]
    [TestCase("7", new[] { 7.0 })]
    public void RangeSyntax_Parses(string text, double[] expected) =>
        Assert.That(ScanRange.Parse(text), Is.EqualTo(expected).Within(1e-12));

    [TestCase("0:1")]
    [TestCase("0:1:log5")]
    [TestCase("a:1:5")]
    [TestCase("0:1:1")]
    [TestCase("1,x")]
    public void RangeSyntax_RejectsInvalidText(string text) =>
        Assert.That(() => ScanRange.Parse(text), Throws.InstanceOf<FormatException>());

    [Test]
    public void Csv_HasAxisAndOutputColumns()
    {
        var scan = ParameterScan.Run(DecayExperiment(1), [ScanAxis.List("k", 1, 2), ScanAxis.List("y(0)", 1)]);
        string[] lines = scan.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0].TrimEnd('\r'), Is.EqualTo("k,y(0),y@1,auc(y),failure"));
        Assert.That(lines, Has.Length.EqualTo(3));
    }
}
