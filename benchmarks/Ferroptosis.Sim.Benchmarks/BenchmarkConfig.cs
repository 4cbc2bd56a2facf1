using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace Ferroptosis.Sim.Benchmarks;

/// <summary>The shared BenchmarkDotNet configuration: the memory diagnoser always on, median and 95th-percentile columns, and parameter values shown in full.</summary>
/// <remarks>
/// <para>
/// Jobs come from the command line: BenchmarkDotNet's default job unless <c>--job short</c> (3 warm-up and 3
/// measured iterations, one launch) or another is given. <see cref="WithImmediateTierUp"/> adds
/// <c>DOTNET_TC_CallCountingDelayMs=0</c> to whichever job runs: tiered compilation otherwise promotes a
/// method to optimised code only after a 100 ms quiet period without new tier-0 methods, so short
/// benchmarks could be measured on first-tier code (the work–precision runner's runtimeconfig sets the same).
/// </para>
/// <para>
/// Medians are shown beside means because the machine may be shared: the median is robust to the
/// occasional preempted iteration.
/// </para>
/// </remarks>
public static class BenchmarkConfig
{
    /// <summary>Creates the configuration.</summary>
    /// <returns>A configuration with <see cref="MemoryDiagnoser"/> on.</returns>
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(48))
        .WithOption(ConfigOptions.JoinSummary, false);

    /// <summary>Adds the immediate tier-up environment variable to BenchmarkDotNet's arguments (a job defined in the configuration would override the command line's <c>--job</c>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The arguments with <c>--envVars DOTNET_TC_CallCountingDelayMs:0</c> unless they set environment variables themselves.</returns>
    public static string[] WithImmediateTierUp(string[] args) =>
        args.Contains("--envVars") ? args : [.. args, "--envVars", "DOTNET_TC_CallCountingDelayMs:0"];
}
