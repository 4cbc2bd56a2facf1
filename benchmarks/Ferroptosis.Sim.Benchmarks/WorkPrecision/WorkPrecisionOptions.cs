using System.Globalization;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>Command-line options of the work–precision runner.</summary>
/// <param name="Problems">Problem names to run (empty: all).</param>
/// <param name="Solvers">Solver names to run (empty: the default set per problem).</param>
/// <param name="RelativeTolerances">Relative tolerances (empty: 1e-4, 1e-6, 1e-8, plus 1e-10 for the non-stiff problem).</param>
/// <param name="Quick">Shorter timing loops.</param>
public sealed record WorkPrecisionOptions(IReadOnlyList<string> Problems, IReadOnlyList<string> Solvers, IReadOnlyList<double> RelativeTolerances, bool Quick)
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: workprecision [--problem NAME]... [--solver NAME]... [--rtol X]... [--quick]
          --problem NAME  ROBER, HIRES, OREGO, VDPOL or AREN (repeatable; default all)
          --solver NAME   a solver of the catalogue (repeatable; default: stiff solvers and Auto on
                          stiff problems, every solver on AREN)
          --rtol X        relative tolerance (repeatable; default 1e-4 1e-6 1e-8, and 1e-10 on AREN);
                          atol = 1e-3 * rtol, as in the CVODE harness
          --quick         shorter timing loops (noisier medians)
        Prints a TSV to stdout: problem solver rtol atol median_seconds nfev njev nsteps scd
        """;

    /// <summary>Parses the arguments that follow "workprecision".</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An argument is unknown or lacks its value.</exception>
    public static WorkPrecisionOptions Parse(IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        var solvers = new List<string>();
        var rtols = new List<double>();
        bool quick = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--problem":
                    problems.Add(Value(args, ref i, arg));
                    break;
                case "--solver":
                    solvers.Add(Value(args, ref i, arg));
                    break;
                case "--rtol":
                    string text = Value(args, ref i, arg);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rtol) || !(rtol > 0))
                    {
                        throw new ArgumentException($"--rtol needs a positive number, got '{text}'.", nameof(args));
                    }

                    rtols.Add(rtol);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'.", nameof(args));
            }
        }

        return new WorkPrecisionOptions(problems, solvers, rtols, quick);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.", nameof(args));
        }

        return args[++i];
    }
}
