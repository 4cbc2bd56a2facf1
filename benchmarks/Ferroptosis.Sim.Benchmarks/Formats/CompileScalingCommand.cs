using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>The <c>compile-scaling</c> command: one timed read and compile per model size, in a fresh process, for sizes too large to repeat under BenchmarkDotNet.</summary>
/// <remarks>
/// Per size: the seconds to read the SBML text and to compile the network, the compile time by phase (layout and
/// rules; right-hand side; Jacobian; kernels; events), the first evaluation of the right-hand side and the Jacobian
/// (which includes any JIT work left), the mean time of one right-hand-side call, and the process's peak working set
/// so far (it only grows, so run one size per process to read it per size).
/// </remarks>
public static class CompileScalingCommand
{
    private const int TimedCalls = 20;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The sizes (default 1000 5000 10000 20000).</param>
    /// <param name="output">Where the table goes.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var sizes = args.Count == 0 ? [1000, 5000, 10000, 20000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        output.WriteLine("size\tread s\tcompile s\tphases s\tfirst evaluation s\tRHS ms/call\tstates\tJacobian non-zeros\tinterpreted instructions\tpeak working set MB");
        foreach (int size in sizes)
        {
            string xml = LargeSbmlModels.MassAction(size);
            var clock = Stopwatch.StartNew();
            var network = SbmlReader.Parse(xml).Network;
            double read = clock.Elapsed.TotalSeconds;
            var phases = new List<string>();
            clock.Restart();
            var model = ModelCompiler.CompileTimed(network, (name, elapsed) => phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {elapsed.TotalSeconds:F2}")));
            double compile = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var y = model.InitialState();
            var dydt = new double[y.Length];
            var jacobian = new double[model.JacobianNonZeros];
            model.Evaluate(0, y, dydt);
            model.EvaluateSparseJacobian(0, y, jacobian);
            double first = clock.Elapsed.TotalSeconds;
            clock.Restart();
            for (int call = 0; call < TimedCalls; call++)
            {
                model.Evaluate(0, y, dydt);
            }

            double perCall = clock.Elapsed.TotalMilliseconds / TimedCalls;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size}\t{read:F2}\t{compile:F2}\t{string.Join(", ", phases)}\t{first:F2}\t{perCall:F3}\t{model.Dimension}\t{model.JacobianNonZeros}\t{model.InterpretedInstructions}\t{peak}"));
        }

        return 0;
    }
}
