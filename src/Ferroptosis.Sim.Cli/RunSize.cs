using System.Globalization;

namespace Ferroptosis.Sim.Cli;

/// <summary>The size of a run, estimated before it starts, and the limits beyond which <c>simulate</c> and <c>scan</c> refuse it unless <c>--force</c> is given.</summary>
/// <remarks>
/// A simulation's CSV holds (time points × columns) numbers of about 20 characters each: 10 million values are about
/// 200 MB of CSV and as much memory for the results. A scan holds one small row per point, but every point is a whole
/// simulation, so its limit is the number of simulations. Beyond <see cref="int.MaxValue"/> points nothing can hold the
/// results and even <c>--force</c> is refused. docs/cli.md documents the limits.
/// </remarks>
internal static class RunSize
{
    /// <summary>The most values (time points × columns × cell types) <c>simulate</c> writes without <c>--force</c>.</summary>
    public const long MaxValues = 10_000_000;

    /// <summary>The most simulations a <c>scan</c> runs without <c>--force</c>.</summary>
    public const long MaxScanPoints = 100_000;

    /// <summary>About how many bytes one value takes in a CSV file (17 significant digits, exponent, separator).</summary>
    private const double BytesPerValue = 20;

    /// <summary>Describes the limits for help texts.</summary>
    /// <returns>The text.</returns>
    public static string Describe() => string.Create(CultureInfo.InvariantCulture, $"simulate: {MaxValues:N0} values, about {Megabytes(MaxValues)} of CSV; scan: {MaxScanPoints:N0} simulations");

    /// <summary>Checks the output of a simulation against <see cref="MaxValues"/> before it runs.</summary>
    /// <param name="points">The time points of one run.</param>
    /// <param name="columns">The columns of its CSV (time included).</param>
    /// <param name="runs">The number of runs (cell types).</param>
    /// <param name="force">Whether <c>--force</c> was given.</param>
    /// <param name="warnings">Where the estimate goes when <c>--force</c> lets a large run through.</param>
    /// <exception cref="CliException">The run is beyond the limit without <c>--force</c> (<see cref="ExitCodes.TooLarge"/>), or beyond what any array can hold.</exception>
    public static void CheckSimulation(double points, int columns, int runs, bool force, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        double values = points * columns * runs;
        string estimate = string.Create(CultureInfo.InvariantCulture, $"{Count(points)} time points × {columns} columns{(runs > 1 ? $" × {runs} cell types" : "")} = {Count(values)} values, about {Megabytes(values)} of CSV");
        if (points * columns >= int.MaxValue)
        {
            throw new CliException($"The run would write {estimate}: more than one run can hold, even with --force. Use a longer --interval or a shorter --t-end.", ExitCodes.TooLarge);
        }

        if (values > MaxValues)
        {
            if (!force)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"The run would write {estimate}, beyond the limit of {MaxValues:N0} values. Use a longer --interval or a shorter --t-end, or --force to run it anyway."), ExitCodes.TooLarge);
            }

            warnings.WriteLine($"warning: --force: the run writes {estimate}.");
        }
    }

    /// <summary>Checks the number of simulations of a scan against <see cref="MaxScanPoints"/> before it runs.</summary>
    /// <param name="points">The number of simulations (grid points × cell types), as a double so that absurd grids are counted without overflow.</param>
    /// <param name="force">Whether <c>--force</c> was given.</param>
    /// <param name="warnings">Where the estimate goes when <c>--force</c> lets a large scan through.</param>
    /// <exception cref="CliException">The scan is beyond the limit without <c>--force</c>, or beyond what the results can hold.</exception>
    public static void CheckScan(double points, bool force, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (points >= int.MaxValue)
        {
            throw new CliException($"The scan has {Count(points)} points: more than one scan can hold, even with --force. Use fewer values in --range.", ExitCodes.TooLarge);
        }

        if (points > MaxScanPoints)
        {
            if (!force)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"The scan has {Count(points)} points (one simulation each), beyond the limit of {MaxScanPoints:N0}. Use fewer values in --range, or --force to run it anyway."), ExitCodes.TooLarge);
            }

            warnings.WriteLine($"warning: --force: the scan runs {Count(points)} simulations.");
        }
    }

    private static string Count(double n) => n < 1e15 ? n.ToString("N0", CultureInfo.InvariantCulture) : n.ToString("G3", CultureInfo.InvariantCulture);

    private static string Megabytes(double values)
    {
        double megabytes = values * BytesPerValue / 1e6;
        return megabytes < 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{megabytes:N0} MB") : string.Create(CultureInfo.InvariantCulture, $"{megabytes / 1e6:G3} TB");
    }
}
