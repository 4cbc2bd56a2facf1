using BenchmarkDotNet.Running;
using Ferroptosis.Sim.Benchmarks.Formats;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Benchmarks.WorkPrecision;

namespace Ferroptosis.Sim.Benchmarks;

/// <summary>Entry point: the BenchmarkDotNet suites, or one of the commands <c>workprecision</c>, <c>pathway-reference</c>, <c>compile-scaling</c>, <c>sparse-bruss2d</c> and <c>trigger-wave-sheet</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks or a command.</summary>
    /// <param name="args">Command-line arguments: BenchmarkDotNet's (<c>--list flat</c>, <c>--filter '*'</c>, <c>--job short</c>…), or a command and its options.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "workprecision":
                return WorkPrecisionRunner.Run(args[1..], Console.Out, Console.Error);
            case "pathway-reference":
                return PathwayReferenceCommand.Run(args[1..], Console.Out, Console.Error);
            case "sparse-bruss2d":
                return Ode.SparseBruss2DCommand.Run(args[1..], Console.Out, Console.Error);
            case "trigger-wave-sheet":
                return Pathway.TriggerWaveSheetCommand.Run(args[1..], Console.Out, Console.Error);
            case "compile-scaling":
                return CompileScalingCommand.Run(args[1..], Console.Out);
            default:
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(BenchmarkConfig.WithImmediateTierUp(args), BenchmarkConfig.Create());
                return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        }
    }
}
