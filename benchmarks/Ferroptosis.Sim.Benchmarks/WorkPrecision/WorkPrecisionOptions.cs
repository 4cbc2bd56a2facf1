using System.Globalization;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>Command-line options of the work–precision runner.</summary>
/// <param name="Problems">Problem names to run (empty: all).</param>
/// <param name="Solvers">Solver names to run (empty: the default set per problem).</param>
/// <param name="RelativeTolerances">Relative tolerances (empty: the default list per problem).</param>
/// <param name="Quick">Shorter timing loops.</param>
/// <param name="PlotDirectory">Where to draw the diagrams (and copy the table), or null.</param>
/// <param name="From">A table written earlier to plot instead of measuring, or null.</param>
/// <param name="Overlays">Tables of other tools (same columns, e.g. the CVODE harness) drawn beside ours.</param>
public sealed record WorkPrecisionOptions(
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Solvers,
    IReadOnlyList<double> RelativeTolerances,
    bool Quick,
    string? PlotDirectory = null,
    string? From = null,
    IReadOnlyList<string>? Overlays = null)
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: workprecision [--problem NAME]... [--solver NAME]... [--rtol X]... [--quick]
                             [--plot DIR] [--from TSV] [--overlay TSV]...
          --problem NAME  ROBER, HIRES, OREGO, VDPOL, AREN, or the pathway model (48 h of erastin 10 uM
                          from rest): osteoblast, osteoclast, osteocyte (repeatable; default all eight);
                          or a large sparse problem of the CVODE sparse harness, only when named:
                          BRUSS2D_N16, BRUSS2D_N32, BRUSS2D_N64 (n = 2N^2), TRIGGER_N64, TRIGGER_N128 (n = N^2)
          --solver NAME   a solver of the catalogue, or SOLVER/LINEAR with LINEAR one of sparse, krylov-sgs,
                          krylov-ilu, krylov-bj, krylov-none (e.g. Bdf/krylov-sgs) (repeatable; default:
                          stiff solvers and Auto on the stiff problems, every solver on AREN (explicit only
                          below rtol 1e-8) and on the pathway problems; Bdf/sparse, Bdf/krylov-sgs,
                          Bdf/krylov-ilu, Bdf/krylov-bj and Rodas5P/sparse on the sparse problems)
          --rtol X        relative tolerance (repeatable; default 1e-4 1e-6 1e-8, plus 1e-10 on AREN;
                          1e-4 1e-5 1e-6 1e-7 1e-8 1e-10 on the pathway problems; 1e-4 1e-5 1e-6 1e-7 on
                          the sparse problems); atol = 1e-3 * rtol, as in the CVODE harnesses
          --quick         shorter timing loops (noisier medians)
          --plot DIR      also draw work-precision diagrams (scd against median time, one panel per
                          problem, one line per solver) to DIR/workprecision.{png,svg} and copy the
                          table to DIR/workprecision.tsv
          --from TSV      plot a table written earlier instead of measuring (needs --plot)
          --overlay TSV   a table with the same columns from another tool (e.g. the CVODE harness's
                          run.sh output), drawn dashed beside ours (repeatable; needs --plot)
        Prints a TSV to stdout: problem solver rtol atol median_seconds nfev njev nsteps scd
        """;

    /// <summary>Parses the arguments that follow "workprecision".</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An argument is unknown, lacks its value, or an option needs another.</exception>
    public static WorkPrecisionOptions Parse(IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        var solvers = new List<string>();
        var rtols = new List<double>();
        var overlays = new List<string>();
        bool quick = false;
        string? plot = null;
        string? from = null;
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
                case "--plot":
                    plot = Value(args, ref i, arg);
                    break;
                case "--from":
                    from = Value(args, ref i, arg);
                    break;
                case "--overlay":
                    overlays.Add(Value(args, ref i, arg));
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

        if (plot is null && (from is not null || overlays.Count > 0))
        {
            throw new ArgumentException("--from and --overlay only make sense with --plot DIR.", nameof(args));
        }

        return new WorkPrecisionOptions(problems, solvers, rtols, quick, plot, from, overlays);
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
