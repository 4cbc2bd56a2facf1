using BenchmarkDotNet.Running;
using Ferroptosis.Sim.Benchmarks.WorkPrecision;

namespace Ferroptosis.Sim.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet suites, or the work–precision runner with "workprecision".</summary>
public static class Program
{
    /// <summary>Runs the benchmarks.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "workprecision")
        {
            return WorkPrecisionRunner.Run(args[1..], Console.Out, Console.Error);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
        return 0;
    }
}
