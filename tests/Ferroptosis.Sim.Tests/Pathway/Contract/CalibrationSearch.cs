using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>The calibration of model v2 (<c>models/ferroptosis/v2/README.md</c>, section 5), re-runnable: a (1+1) random search in log space over the constants of <see cref="Space"/> that minimises the contract loss of <see cref="Loss"/> plus the robustness term of <see cref="RobustnessLoss"/>.</summary>
/// <remarks>
/// Run it with <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=CalibrateModelV2</c> (explicit; it takes as long as
/// <c>FERROSIM_CALIBRATION_SECONDS</c>, default 600 s). It starts from the model's current values, prints each improvement and
/// writes the best values, one <c>name = value</c> a line (cell-type constants as <c>cell.name</c>), to
/// <c>FERROSIM_CALIBRATION_OUT</c> (default: a file in the temporary folder). The search is stochastic (seed
/// <c>FERROSIM_CALIBRATION_SEED</c>, default 1; <c>FERROSIM_CALIBRATION_ROBUST_CELLS</c> virtual cells in the robustness term, default 10, 0 to leave it out; <c>FERROSIM_CALIBRATION_ONLY</c>, a comma-separated list, restricts the moves to those constants of the space; with <c>FERROSIM_CALIBRATION_RATCHET=1</c> a step that meets fewer MUST criteria than the current point is refused, so robustness is not bought with contract criteria) and was run in several legs while the model's structure was settled, so it
/// reproduces the method, not the exact values.
/// </remarks>
public sealed class CalibrationSearch
{
    /// <summary>The calibrated constants with their bounds (name, lower, upper); the search moves them in log space.</summary>
    internal static readonly (string n, double lo, double hi)[] Space =
    [
        ("phi_ch", 0.3, 0.98), ("r_sat", 1.2, 6), ("a_BR", 0.1, 3), ("K_BR", 0.1, 5), ("a_HROS", 0.01, 0.6), ("f_Fe", 0.75, 0.98), ("a_RH", 0.1, 4), ("K_inc", 0.005, 0.05),
        ("K_AH", 0.005, 0.5), ("a_AD", 0.1, 5), ("k_A", 0.1, 1.5), ("k_FT0", 0.003, 0.05), ("k_fph", 0.005, 0.1), ("A_aut", 0.3, 10), ("K_aut", 0.1, 5),
        ("K_IRP", 0.3, 3), ("n_IRP", 1, 4), ("K_FTi", 0.4, 4), ("n_FTi", 1, 8), ("Cap", 15, 150), ("A_FH", 0.3, 40), ("A_HH", 2, 80), ("K_BH", 0.15, 2), ("a_FROS", 0.02, 1.5),
        ("k_b", 0.05, 1.2), ("k_l0", 0.1, 2), ("K_l0s", 0.5, 30), ("f_l0G", 0.05, 0.95), ("V_gpx", 20, 150), ("LPO_th", 2.5, 10), ("n_d", 3, 9),
        ("k_gout", 0.03, 0.3), ("k_gROS", 0.01, 0.3), ("y_gpx", 0.002, 0.2), ("IC50_ERA", 0.2, 5), ("K_cys", 0.5, 5), ("k_RSL3", 0.3, 6), ("k_ML162", 0.2, 4),
        ("K_fer1", 0.03, 0.6), ("k_hemin", 0.005, 0.1), ("k_hin", 0.01, 0.12), ("B_hem", 2, 60), ("K_hb", 0.2, 5), ("k_Hexp", 0.02, 0.5),
        ("K_DMF", 2, 50), ("K_MMF", 5, 500), ("k_DMFG", 0.0005, 0.05), ("k_DMFh", 0.1, 2), ("a_TBHQ", 0.1, 3), ("K_TBHQR", 2, 100), ("K_TBHQ", 5, 100), ("k_SFNG", 0.0002, 0.02),
        ("e_R", 0.2, 3), ("e_L", 0.05, 2), ("A_HO", 1, 10), ("k_HOb", 0.00001, 0.0002), ("k_rel", 0.005, 0.1), ("a_HERC", 0.1, 5), ("k_N4", 0.05, 1),
        ("R_HO", 0.1, 3), ("R_TfR", 0.1, 3), ("a_RKL", 0.1, 2), ("n_ocR", 0.5, 4), ("n_ocF", 0.2, 4), ("K_ocHO", 0.2, 5), ("k_dfo", 0.005, 0.1), ("k_ntbi", 0.001, 0.02),
        ("c_gsh", 0.05, 1), ("c_aox", 0.1, 2), ("osteocyte.A_JUN", 2, 30), ("K_JUN", 0.5, 5), ("Km_HO", 0.3, 3), ("V_HO1", 0.5, 4),
        ("osteoclast.c_TfR", 1, 3), ("osteoclast.c_NCOA4", 1, 4), ("osteoclast.c_ROS", 1, 1.6), ("osteoclast.c_Nsyn", 0.5, 1), ("osteoclast.c_ARE", 0.4, 1), ("osteoclast.c_HO", 0.2, 1),
        ("osteoclast-precursor.c_HO", 1, 4), ("osteoclast-precursor.c_ARE", 0.8, 2), ("osteoclast-precursor.c_Hexp", 1, 20), ("osteoclast-precursor.c_GPX4", 1, 2),
    ];

    /// <summary>The calibration loss: for every criterion that was not held out (<see cref="Calibration.HeldOut"/>) and not excluded (EB-15), the distance outside its bounds relative to the range (capped at 3), plus half its square, plus 0.3 if unmet; SHOULD criteria weigh 0.3, the v1 behaviours EB-1 … EB-25 1.5.</summary>
    internal static double Loss(IEnumerable<Crit> criteria) => criteria
        .Where(c => !Calibration.HeldOut(c) && !Calibration.Excluded(c))
        .Sum(c => (int.Parse(c.Eb[3..], CultureInfo.InvariantCulture) <= 25 ? 1.5 : 1.0) * (c.Must ? 1 : 0.3)
            * (Math.Min(c.Viol, 3) + (0.5 * Math.Min(c.Viol, 3) * Math.Min(c.Viol, 3)) + (c.Pass ? 0 : 0.3)));

    /// <summary>The robustness term of the loss: the population probe's margins (<see cref="PopulationProbe.MarginNames"/>) on <paramref name="cells"/> virtual osteoblasts (CV 20 % on every kinetic constant, seed 4242), each margin below 0.02 adding its shortfall in units of 0.05 survival (capped at 3), averaged over the cells; a cell that fails adds the cap for every margin.</summary>
    /// <param name="model">The model.</param>
    /// <param name="candidate">The candidate values.</param>
    /// <param name="cells">The number of virtual cells (0: no robustness term).</param>
    /// <returns>The term.</returns>
    internal static double RobustnessLoss(FerroptosisModel model, Dictionary<string, double> candidate, int cells)
    {
        if (cells == 0)
        {
            return 0;
        }

        var factors = PopulationProbe.Factors(model);
        var response = new ResponseFunction(factors, PopulationProbe.MarginNames, (inputs, outputs) => PopulationProbe.Margins(model, candidate, factors, inputs, outputs));
        var distributions = factors.Select(_ => InputDistribution.LogNormalFromMean(1, 0.2)).ToArray();
        var result = Ensemble.Run(response, distributions, new EnsembleOptions { Cells = cells, Seed = 4242, KeepSamples = true });
        double shortfall = PopulationProbe.MarginNames.Sum(n => result.GetSamples(n).Sum(v => Math.Min(3, Math.Max(0, 0.02 - v) / 0.05)));
        return (shortfall + (3.0 * PopulationProbe.MarginNames.Length * result.FailureCount)) / cells;
    }

    [Test]
    [Explicit("Runs the calibration search of model v2 (minutes to hours); see the class remarks.")]
    public void CalibrateModelV2()
    {
        double seconds = double.Parse(Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_SECONDS") ?? "600", CultureInfo.InvariantCulture);
        int seed = int.Parse(Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_SEED") ?? "1", CultureInfo.InvariantCulture);
        string output = Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_OUT") ?? Path.Combine(Path.GetTempPath(), "ferrosim-calibration.txt");
        var model = FerroptosisModel.Version2;
        var reference = new M(model, []);
        var current = Space.ToDictionary(s => s.n, s => Value(reference, s.n), StringComparer.Ordinal);
        foreach (var (name, value) in ParseValues(Environment.GetEnvironmentVariable("FERROSIM_CONTRACT_VALUES")))
        {
            current[name] = value;
        }

        int cells = int.Parse(Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_ROBUST_CELLS") ?? "10", CultureInfo.InvariantCulture);
        double weight = double.Parse(Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_ROBUST_WEIGHT") ?? "1", CultureInfo.InvariantCulture);
        bool ratchet = Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_RATCHET") == "1";
        var start = ContractSuite.Evaluate(new M(model, current));
        int met = start.Count(c => c.Must && c.Pass);
        double contract = Loss(start), robust = RobustnessLoss(model, current, cells);
        double best = contract + (weight * robust);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start: loss {best:F3} (contract {contract:F3}, robustness {robust:F3} x {weight}), MUST met {met}"));
        // FERROSIM_CALIBRATION_ONLY="Cap,V_HO1": move only these constants of the space (a focused leg).
        string[] only = (Environment.GetEnvironmentVariable("FERROSIM_CALIBRATION_ONLY") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var space = only.Length == 0 ? Space : [.. Space.Where(s => only.Contains(s.n, StringComparer.Ordinal))];
        Assert.That(space, Has.Length.EqualTo(only.Length == 0 ? Space.Length : only.Length), "FERROSIM_CALIBRATION_ONLY names a constant outside the space");
        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int iteration = 1; clock.Elapsed.TotalSeconds < seconds; iteration++)
        {
            var candidate = new Dictionary<string, double>(current, StringComparer.Ordinal);
            int moves = 1 + random.Next(4);
            for (int j = 0; j < moves; j++)
            {
                var (name, lower, upper) = space[random.Next(space.Length)];
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.25;
                candidate[name] = Math.Clamp(candidate[name] * Math.Exp(z), lower, upper);
            }

            double loss;
            int candidateMet;
            try
            {
                var criteria = ContractSuite.Evaluate(new M(model, candidate));
                candidateMet = criteria.Count(c => c.Must && c.Pass);
                if (ratchet && candidateMet < met)
                {
                    continue;
                }

                loss = Loss(criteria) + (weight * RobustnessLoss(model, candidate, cells));
            }
            catch (InvalidOperationException)
            {
                continue;
            }

            if (loss < best)
            {
                (best, current, met) = (loss, candidate, candidateMet);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iteration {iteration}: loss {best:F3}, MUST met {met}"));
                File.WriteAllLines(output, current.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} = {kv.Value:G5}")));
            }
        }

        Assert.That(best, Is.LessThan(double.PositiveInfinity));
    }

    [Test]
    [Explicit("Evaluates the contract on model v2 with some constants changed; see FERROSIM_CONTRACT_VALUES.")]
    public void EvaluateContractWithValues()
    {
        // FERROSIM_CONTRACT_VALUES="a_HROS=0.25;f_Fe=0.8" (cell-type constants as cell.name): the what-if figures of the
        // model README's robustness section come from this test.
        string text = Environment.GetEnvironmentVariable("FERROSIM_CONTRACT_VALUES") ?? string.Empty;
        var values = ParseValues(text);
        var criteria = ContractSuite.Evaluate(new M(FerroptosisModel.Version2, values));
        int must = criteria.Count(c => c.Must), met = criteria.Count(c => c.Must && c.Pass);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text}: MUST met {met} of {must}"));
        foreach (var c in criteria.Where(c => c.Eb == "EB-28" && c.Name.StartsWith("OB", StringComparison.Ordinal)))
        {
            TestContext.Out.WriteLine(c.ToString());
        }

        if (values.Count > 0)
        {
            // The criteria whose verdict the changes turn, against the model as it stands.
            var before = ContractSuite.Evaluate(new M(FerroptosisModel.Version2, [])).GroupBy(c => (c.Eb, c.Name)).ToDictionary(g => g.Key, g => g.First().Pass);
            foreach (var c in criteria.Where(c => before.TryGetValue((c.Eb, c.Name), out bool pass) && pass != c.Pass))
            {
                TestContext.Out.WriteLine((c.Pass ? "now met: " : "now not met: ") + c);
            }
        }

        Assert.That(must, Is.GreaterThan(0));
    }

    /// <summary>Parses <c>name=value;name=value</c> (cell-type constants as <c>cell.name</c>).</summary>
    internal static Dictionary<string, double> ParseValues(string? text) => (text ?? string.Empty)
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0].Trim(), pair => double.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static double Value(M reference, string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return reference.Default(name);
        }

        var cell = reference.Cell(name[..dot]);
        return cell.TryGetValue(name[(dot + 1)..], out double v) ? v : reference.Default(name[(dot + 1)..]);
    }
}
