using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Axes;

/// <summary>The sample's work–precision runs and figure: the error of S(48 h) against the work (f evaluations) as the tolerance tightens, one line per solver.</summary>
/// <remarks>Kept apart from the console output so that the tests can check the figure model the sample exports.</remarks>
internal static class WorkPrecisionFigure
{
    /// <summary>Gets the relative tolerances of the work–precision runs (atol = rtol × 1e-3).</summary>
    public static double[] Tolerances { get; } = [1e-4, 1e-6, 1e-8];

    /// <summary>Reads the absolute error of the surviving fraction at 48 h against a reference run.</summary>
    /// <param name="r">The run.</param>
    /// <param name="reference">The reference run.</param>
    /// <returns>|ΔS(48 h)|.</returns>
    public static double Error(CellSimulationResult r, CellSimulationResult reference) => Math.Abs(r.SurvivalAtHours(48) - reference.SurvivalAtHours(48));

    /// <summary>Runs every solver at every tolerance of <see cref="Tolerances"/>.</summary>
    /// <param name="reference">The reference run the errors are taken against.</param>
    /// <param name="perturbations">The culture's perturbations.</param>
    /// <param name="duration">How long each run lasts.</param>
    /// <param name="options">The options every run starts from (solver and tolerances are replaced).</param>
    /// <returns>One series per solver with a successful run of non-zero error: x = error, y = f evaluations.</returns>
    public static List<Series> Run(CellSimulationResult reference, Perturbation[] perturbations, TimeSpan duration, CellSimulationOptions options)
    {
        var precision = new List<Series>();
        foreach (var solver in OdeSolvers.All)
        {
            var points = Tolerances
                .Select(rtol => FerroptosisSimulation.Run(BoneCell.Osteoblast, perturbations, duration, options with { Solver = solver, RelativeTolerance = rtol, AbsoluteTolerance = rtol * 1e-3 }))
                .Where(r => r.IsSuccess && Error(r, reference) > 0)
                .ToList();
            if (points.Count > 0)
            {
                precision.Add(new Series(solver.Name, [.. points.Select(r => Error(r, reference))], [.. points.Select(r => (double)r.Result.Statistics.RhsEvaluations)]));
            }
        }

        return precision;
    }

    /// <summary>Builds the figure.</summary>
    /// <param name="precision">The series of <see cref="Run"/>.</param>
    /// <param name="model">The model the runs used, for the subtitle.</param>
    /// <returns>The work–precision chart, both axes logarithmic.</returns>
    public static PlotModel Create(IEnumerable<Series> precision, string model)
    {
        var markers = new[] { MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle, MarkerType.Cross, MarkerType.Plus, MarkerType.Star };
        var styled = precision.Select((p, i) => p with { Style = new SeriesStyle { Marker = markers[i % markers.Length], LineStyle = (i / 8) % 2 == 0 ? LineStyle.Solid : LineStyle.Dash } });
        var chart = TimeCourseChart.Create(
            styled,
            new AxisSpec("Right-hand-side evaluations", "count").Log(),
            new AxisSpec("Error of the surviving fraction at 48 h, |ΔS(48 h)|", "fraction of cells").Log(),
            new FigureOptions { Title = "Work–precision: osteoblast, erastin 10 µM, 48 h", Legend = LegendLocation.Below });

        // The error spans many decades: label every other one at most, so the tick labels do not run into each other.
        foreach (var axis in chart.Axes.OfType<LogarithmicAxis>())
        {
            axis.IntervalLength = 90;
        }

        chart.Subtitle = $"{model}; rtol 1e-4, 1e-6, 1e-8 (atol = rtol × 1e-3), steps ≤ 0.25 h";
        return chart;
    }
}
