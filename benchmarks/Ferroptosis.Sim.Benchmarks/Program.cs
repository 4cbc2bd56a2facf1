using BenchmarkDotNet.Running;

namespace Ferroptosis.Sim.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet suites, or the work–precision runner with "workprecision".</summary>
public static class Program
{
    /// <summary>Runs the benchmarks.</summary>
    /// <param name="args">Command-line arguments.</param>
    public static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
