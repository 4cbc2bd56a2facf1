using System.Globalization;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>One row of the work–precision table.</summary>
/// <param name="Problem">The problem name.</param>
/// <param name="Solver">The solver name.</param>
/// <param name="RelativeTolerance">rtol.</param>
/// <param name="AbsoluteTolerance">atol.</param>
/// <param name="MedianSeconds">Median wall time of a complete solve; NaN when the solve failed.</param>
/// <param name="Statistics">Work counters of one solve.</param>
/// <param name="Scd">Mixed significant correct digits at the end time; NaN when the solve failed.</param>
/// <param name="Status">How the solve ended.</param>
public sealed record WorkPrecisionRow(
    string Problem, string Solver, double RelativeTolerance, double AbsoluteTolerance, double MedianSeconds, SolverStatistics Statistics, double Scd, SolverStatus Status)
{
    /// <summary>The column header, that of the CVODE harness.</summary>
    public const string Header = "problem\tsolver\trtol\tatol\tmedian_seconds\tnfev\tnjev\tnsteps\tscd";

    /// <summary>Gets the row as a point of the work–precision diagram.</summary>
    /// <returns>The point.</returns>
    public WorkPrecisionPoint ToPoint() => new(Problem, Solver, RelativeTolerance, MedianSeconds, Scd);

    /// <summary>Formats the row like the CVODE harness (NA for a failed solve).</summary>
    /// <returns>A tab-separated line.</returns>
    public string ToTsv()
    {
        var c = CultureInfo.InvariantCulture;
        string median = double.IsNaN(MedianSeconds) ? "NA" : MedianSeconds.ToString("0.0000e+00", c);
        string scd = double.IsNaN(Scd) ? "NA" : Scd.ToString("0.00", c);
        return string.Join(
            '\t',
            Problem,
            Solver,
            RelativeTolerance.ToString("0e+00", c),
            AbsoluteTolerance.ToString("0e+00", c),
            median,
            Statistics.RhsEvaluations.ToString(c),
            Statistics.JacobianEvaluations.ToString(c),
            Statistics.AcceptedSteps.ToString(c),
            scd);
    }
}
