using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Problems;

/// <summary>The <c>pathway-reference</c> command: computes the reference solutions of the pathway problems once, by two methods that must agree, and writes <c>benchmarks/data/pathway-reference.tsv</c>.</summary>
/// <remarks>
/// Each problem starts from the cell's resting state (<see cref="FerroptosisModel.RestingState"/> of <see cref="PathwayProblems.Model"/>) and is
/// integrated to 48 h at rtol 1e-13, atol 1e-16 by Verner 7(6) (explicit, order 7) and by Rodas5P
/// (linearly implicit, order 5): different families, error estimators and step sequences, so agreement is
/// evidence of accuracy rather than of a shared error. The Verner solution is stored as the reference
/// (higher order at this tolerance), the Rodas5P one as the check; their agreement in mixed significant
/// digits (the scd of the work–precision table) is printed and written into the file. The command fails
/// when they agree to fewer than 10 digits, which would make the reference unfit for scd up to ~10.
/// </remarks>
public static class PathwayReferenceCommand
{
    private const double Rtol = 1e-13;
    private const double Atol = 1e-16;
    private const double MinimumAgreement = 10;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after "pathway-reference": <c>[--out FILE]</c> (default: stdout).</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error (progress and agreement).</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? path = null;
        if (args.Count == 2 && args[0] == "--out")
        {
            path = args[1];
        }
        else if (args.Count != 0)
        {
            error.WriteLine("usage: pathway-reference [--out FILE]");
            return 2;
        }

        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "# Reference solutions of the pathway problems of the work-precision runner (--problem osteoblast|osteoclast|osteocyte):",
            $"# the cell's resting state ('initial'), then erastin {PathwayProblems.ErastinMicromolar} uM for {PathwayProblems.EndHours} h; values at the end.",
            $"# 'reference' by Verner7, 'check' by Rodas5P, both at rtol {Rtol:0e0}, atol {Atol:0e0}. Made by (from the repository root):",
            "#   " + PathwayProblems.Command,
            $"# Model: {PathwayProblems.Model} (models/ferroptosis/{PathwayProblems.Model.Folder}/).",
        };
        var rows = new List<string>();
        bool ok = true;
        foreach (var cell in PathwayProblems.Cells)
        {
            double[] initial = PathwayProblems.Model.RestingState(new Dictionary<string, double>(cell.ParametersIn(PathwayProblems.Model), StringComparer.Ordinal));
            var reference = Solve(cell, initial, OdeSolvers.Verner7, out var referenceStatistics);
            var check = Solve(cell, initial, OdeSolvers.Rodas5P, out var checkStatistics);
            double agreement = new ReferenceProblem(cell.Name, PathwayProblems.CreateInstance(cell), PathwayProblems.EndHours, initial, reference, true).Scd(check);
            string summary = string.Create(c, $"# {cell.Name}: agreement Verner7 vs Rodas5P {agreement:F2} digits (mixed scd); Verner7 {referenceStatistics.AcceptedSteps} steps, Rodas5P {checkStatistics.AcceptedSteps} steps");
            lines.Add(summary);
            error.WriteLine(summary[2..]);
            ok &= agreement >= MinimumAgreement;
            string fingerprint = PathwayProblems.Fingerprint(cell);
            var ids = PathwayProblems.Model.Compiled.StateIds;
            for (int k = 0; k < ids.Count; k++)
            {
                rows.Add(string.Join('\t', cell.Name, ids[k], PathwayProblems.Exact(initial[k]), PathwayProblems.Exact(reference[k]), PathwayProblems.Exact(check[k]), fingerprint));
            }
        }

        if (!ok)
        {
            error.WriteLine($"pathway-reference: the two methods agree to fewer than {MinimumAgreement} digits; nothing written.");
            return 1;
        }

        lines.Add(ReferenceTable.Header);
        lines.AddRange(rows);
        if (path is null)
        {
            lines.ForEach(output.WriteLine);
        }
        else
        {
            File.WriteAllLines(path, lines);
            error.WriteLine($"written: {path}");
        }

        return 0;
    }

    private static double[] Solve(BoneCell cell, double[] initial, IOdeSolver solver, out SolverStatistics statistics)
    {
        var problem = new OdeProblem(PathwayProblems.CreateInstance(cell), 0, PathwayProblems.EndHours, initial);
        var options = new OdeSolverOptions { RelativeTolerance = Rtol, AbsoluteTolerance = Atol, OutputTimes = [PathwayProblems.EndHours], MaxSteps = 10_000_000 };
        var solution = solver.CreateIntegrator(problem, options).Solve();
        if (!solution.IsSuccess)
        {
            throw new InvalidOperationException($"The {solver.Name} reference solve of the {cell.Name} problem failed: {solution.Message}");
        }

        statistics = solution.Statistics;
        return solution.FinalState.ToArray();
    }
}
