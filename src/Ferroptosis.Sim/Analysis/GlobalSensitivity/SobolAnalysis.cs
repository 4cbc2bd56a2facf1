namespace Ferroptosis.Sim.Analysis;

/// <summary>Variance-based global sensitivity: first-order and total Sobol indices from Saltelli sampling, with bootstrap intervals.</summary>
/// <remarks>
/// <para>
/// Two independent N × k sample matrices A and B are drawn (counter-based random numbers mapped through
/// each factor's inverse CDF), and for each factor i the matrix A_B^(i) — A with column i from B. With
/// f_A, f_B, f_ABi the model outputs and V the variance of f_A ∪ f_B, the estimators of Saltelli et al.
/// (Comput. Phys. Commun. 181, 2010, Table 2 (b) and (f)) are
/// S_i = (1/N) Σ_j f_B(j)·(f_ABi(j) − f_A(j)) / V and, after Jansen (1999),
/// S_Ti = (1/2N) Σ_j (f_A(j) − f_ABi(j))² / V.
/// Standard errors and percentile intervals come from resampling the N rows with replacement. The cost is
/// N(k + 2) evaluations, run in parallel; results depend only on the seed.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var sobol = SobolAnalysis.Run(model, factors, new SobolOptions { BaseSamples = 4096 });
/// foreach (var s in sobol.Indices("y")) Console.WriteLine($"{s.Factor}: S1 {s.FirstOrder:F3} ± {s.FirstOrderStandardError:F3}, ST {s.Total:F3}");
/// </code>
/// </example>
public static class SobolAnalysis
{
    /// <summary>Estimates the indices.</summary>
    /// <param name="model">The model; its inputs are the factors.</param>
    /// <param name="factors">One distribution per model input, in input order.</param>
    /// <param name="options">Sampling options, or null for the defaults.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="cancellationToken">Cancels the evaluations.</param>
    /// <returns>The indices of every factor for every output.</returns>
    public static SobolResult Run(IResponseModel model, IReadOnlyList<InputDistribution> factors, SobolOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(factors);
        options ??= SobolOptions.Default;
        GlobalDesign.CheckFactors(model, factors);
        if (options.BaseSamples < 2 || options.BootstrapSamples < 0 || !(options.ConfidenceLevel is > 0 and < 1))
        {
            throw new ArgumentException("SobolOptions need BaseSamples ≥ 2, BootstrapSamples ≥ 0 and a confidence level in (0, 1).", nameof(options));
        }

        int k = factors.Count, n = options.BaseSamples, block = k + 2;

        // Row j of the design holds A_j, B_j, then A_B^(i)_j for i = 0..k−1 (streams 0..k−1 for A, k..2k−1 for B).
        var points = new double[n * block * k];
        for (int j = 0; j < n; j++)
        {
            for (int c = 0; c < block; c++)
            {
                for (int i = 0; i < k; i++)
                {
                    bool fromB = c == 1 || (c >= 2 && c - 2 == i);
                    double u = CounterRandom.Uniform(options.Seed, j, fromB ? k + i : i);
                    points[(((j * block) + c) * k) + i] = factors[i].Quantile(u);
                }
            }
        }

        var (outputs, failures) = BatchEvaluation.RunPoints(model, points, execution, cancellationToken);
        int m = model.OutputNames.Count;
        int[] rows = [.. Enumerable.Range(0, n).Where(j => Enumerable.Range(0, block).All(c => failures[(j * block) + c] is null))];
        var indices = new SobolIndex[m][];
        var variances = new double[m];
        for (int o = 0; o < m; o++)
        {
            double F(int j, int c) => outputs[(((j * block) + c) * m) + o];
            var estimator = new SaltelliEstimator(rows.Length, k, (row, c) => F(rows[row], c));
            variances[o] = estimator.Variance(null);
            indices[o] = [.. Enumerable.Range(0, k).Select(i => estimator.Index(model.InputNames[i], i, options, o))];
        }

        return new SobolResult(model.InputNames, model.OutputNames, indices, variances, n, failures.Length, failures.Count(f => f is not null));
    }
}
