using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>The <c>compile-scaling</c> command: one timed read and compile per model size, in a fresh process, for sizes too large to repeat under BenchmarkDotNet.</summary>
public static class CompileScalingCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The sizes (default 1000 5000 10000 20000).</param>
    /// <param name="output">Where the table goes.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var sizes = args.Count == 0 ? [1000, 5000, 10000, 20000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        output.WriteLine("size\tread s\tcompile s\tstates\tJacobian non-zeros\tpeak working set MB");
        foreach (int size in sizes)
        {
            string xml = LargeSbmlModels.MassAction(size);
            var clock = Stopwatch.StartNew();
            var network = SbmlReader.Parse(xml).Network;
            double read = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var model = ModelCompiler.Compile(network);
            double compile = clock.Elapsed.TotalSeconds;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size}\t{read:F2}\t{compile:F2}\t{model.Dimension}\t{model.JacobianNonZeros}\t{peak}"));
        }

        return 0;
    }
}
