using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Dose–response analysis: a four-parameter logistic fit with confidence intervals that refuses to force a sigmoid on bell-shaped data, and the model-free IC50 by bisection in log dose.</summary>
/// <remarks>
/// <para>
/// <b>Shape first.</b> The responses are averaged per dose and sorted by dose. The noise σ of a mean is
/// estimated from replicates when there are any, else from second differences,
/// σ² = Σ (m_{i−1} − 2m_i + m_{i+1})² / (6(n − 2)) (the pseudo-residuals of Gasser, Sroka &amp;
/// Jennen-Steinmetz, Biometrika 73, 1986; a smooth curve on a coarse grid inflates it, which only makes
/// the estimate conservative) or from the 4PL residuals, whichever is smaller. The data are
/// <see cref="DoseResponseShape.NonMonotonic"/> when an interior mean exceeds both end means (or falls below
/// both) by more than max(z·√2·σ, f·range), with z the normal quantile of a Bonferroni-corrected
/// <see cref="DoseResponseOptions.SignificanceLevel"/> and f = <see cref="DoseResponseOptions.NonMonotonicFraction"/>,
/// and <see cref="DoseResponseShape.Flat"/> when no two means differ significantly.
/// </para>
/// <para>
/// <b>Fit.</b> y = Bottom + (Top − Bottom)/(1 + 10^((log10 EC50 − log10 x)·h)) is fitted to all points by
/// Levenberg–Marquardt (MathNet.Numerics) with the analytic Jacobian, from eight starts (h = ±0.5, ±1,
/// ±2, ±4 around the crossing of the half-range); the lowest residual wins. Standard errors come from
/// s²(JᵀJ)⁻¹ at the optimum, intervals from Student's t with n − 4 degrees of freedom (Motulsky &amp;
/// Christopoulos, Fitting Models to Biological Data, 2004, ch. 41 and 43).
/// </para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class DoseResponse
{
    private static readonly double Ln10 = Math.Log(10);

    /// <summary>Analyses dose–response data: detects the shape and, for monotonic data, fits a 4PL curve.</summary>
    /// <param name="doses">The doses (≥ 0; zero is the untreated control); replicates repeat a dose.</param>
    /// <param name="responses">The responses, one per dose entry.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The shape, the curve and intervals, and a message.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, hold non-finite values or negative doses, or have fewer than 5 points at 4 distinct doses.</exception>
    public static DoseResponseFit Fit(IReadOnlyList<double> doses, IReadOnlyList<double> responses, DoseResponseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(responses);
        options ??= DoseResponseOptions.Default;
        Validate(doses, responses);
        var groups = doses.Select((d, i) => (Dose: d, Response: responses[i])).GroupBy(p => p.Dose).OrderBy(g => g.Key).ToArray();
        double[] levels = [.. groups.Select(g => g.Key)];
        double[] means = [.. groups.Select(g => g.Average(p => p.Response))];
        var fit = FitCurve([.. doses], [.. responses], levels, means, options);
        double noise = NoiseOfMeans(groups, means, fit);
        fit = fit with { NoiseEstimate = noise };
        double range = means.Max() - means.Min();
        double scale = Math.Max(1, means.Max(Math.Abs));

        // Bonferroni over the n(n − 1)/2 pairs of means: a range within this is consistent with no response.
        int n = means.Length;
        double flatLimit = Critical(options.SignificanceLevel / (n * (n - 1))) * Math.Sqrt(2) * noise;
        if (range <= flatLimit || range <= 1e-12 * scale)
        {
            return new DoseResponseFit
            {
                Shape = DoseResponseShape.Flat,
                NoiseEstimate = noise,
                Message = string.Create(CultureInfo.InvariantCulture, $"No response: the mean responses span {range:G3}, within what noise of standard deviation {noise:G3} per mean explains ({flatLimit:G3})."),
            };
        }

        if (NonMonotonic(levels, means, noise, range, options) is { } bell && !options.FitNonMonotonic)
        {
            return bell;
        }

        return fit;
    }

    /// <summary>Analyses the output of a 1-D scan (its axis values are the doses).</summary>
    /// <param name="scan">A scan with one axis.</param>
    /// <param name="output">The output to use as the response.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The analysis; failed scan points are left out.</returns>
    public static DoseResponseFit Fit(ScanResult scan, string output, DoseResponseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.Axes.Count != 1)
        {
            throw new ArgumentException($"A dose–response fit needs a 1-D scan; this one has {scan.Axes.Count} axes.", nameof(scan));
        }

        double[] values = scan.GetOutput(output);
        int[] ok = [.. Enumerable.Range(0, scan.Count).Where(p => scan.Failures[p] is null && double.IsFinite(values[p]))];
        return Fit([.. ok.Select(p => scan.Coordinate(p, 0))], [.. ok.Select(p => values[p])], options);
    }

    /// <summary>Finds the dose at which a response crosses <paramref name="level"/> by bisection in log10 dose (the model-free IC50 at level 0.5 of a survival readout).</summary>
    /// <param name="response">The response as a function of dose (e.g. survival at 24 h); NaN counts as a failed evaluation.</param>
    /// <param name="low">The lower dose of the bracket (&gt; 0).</param>
    /// <param name="high">The upper dose of the bracket.</param>
    /// <param name="level">The level (default 0.5).</param>
    /// <param name="relativeTolerance">Stop when high/low − 1 is below this (default 1e-4).</param>
    /// <param name="maxEvaluations">The evaluation budget (default 100).</param>
    /// <returns>The located dose, or a status saying why there is none.</returns>
    /// <remarks>The bracket is shrunk by halving log10 dose; the final dose interpolates the response linearly in log dose between the bracket ends. The response must cross the level once between <paramref name="low"/> and <paramref name="high"/>; either direction is fine.</remarks>
    public static IC50Search FindIC50(Func<double, double> response, double low, double high, double level = 0.5, double relativeTolerance = 1e-4, int maxEvaluations = 100)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!(low > 0) || !(high > low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "The bracket needs 0 < low < high, both finite.");
        }

        AnalysisChecks.Positive(relativeTolerance, nameof(relativeTolerance));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvaluations, 3);
        int evaluations = 0;
        double fLow = Evaluate(low), fHigh = Evaluate(high);
        if (double.IsNaN(fLow) || double.IsNaN(fHigh))
        {
            return Failed(double.IsNaN(fLow) ? low : high);
        }

        if (Math.Sign(fLow) == Math.Sign(fHigh) && fLow != 0 && fHigh != 0)
        {
            return new IC50Search(IC50SearchStatus.NotBracketed, double.NaN, low, high, evaluations, string.Create(CultureInfo.InvariantCulture, $"The response is {fLow + level:G6} at dose {low:G6} and {fHigh + level:G6} at {high:G6}: it does not cross {level:G6} in between; widen the bracket."));
        }

        double a = Math.Log10(low), b = Math.Log10(high);
        while (b - a > Math.Log10(1 + relativeTolerance) && fLow != 0 && fHigh != 0)
        {
            if (evaluations >= maxEvaluations)
            {
                double best = Interpolate(a, fLow, b, fHigh);
                return new IC50Search(IC50SearchStatus.MaxEvaluationsReached, best, Math.Pow(10, a), Math.Pow(10, b), evaluations, $"The budget of {maxEvaluations} evaluations ran out; the bracket is [{Math.Pow(10, a):G6}, {Math.Pow(10, b):G6}].");
            }

            double m = 0.5 * (a + b);
            double fm = Evaluate(Math.Pow(10, m));
            if (double.IsNaN(fm))
            {
                return Failed(Math.Pow(10, m));
            }

            if (Math.Sign(fm) == Math.Sign(fLow))
            {
                (a, fLow) = (m, fm);
            }
            else
            {
                (b, fHigh) = (m, fm);
            }
        }

        double dose = fLow == 0 ? Math.Pow(10, a) : fHigh == 0 ? Math.Pow(10, b) : Interpolate(a, fLow, b, fHigh);
        return new IC50Search(IC50SearchStatus.Found, dose, Math.Pow(10, a), Math.Pow(10, b), evaluations, string.Create(CultureInfo.InvariantCulture, $"The response crosses {level:G6} at dose {dose:G8} ({evaluations} evaluations)."));

        double Evaluate(double dose)
        {
            evaluations++;
            double value = response(dose);
            return double.IsFinite(value) ? value - level : double.NaN;
        }

        IC50Search Failed(double dose) =>
            new(IC50SearchStatus.EvaluationFailed, double.NaN, low, high, evaluations, string.Create(CultureInfo.InvariantCulture, $"The response could not be evaluated at dose {dose:G6}."));

        static double Interpolate(double a, double fa, double b, double fb) => Math.Pow(10, a + ((b - a) * fa / (fa - fb)));
    }

    /// <summary>Finds the dose at which one output of a one-input response model crosses <paramref name="level"/> (see <see cref="FindIC50(Func{double, double}, double, double, double, double, int)"/>).</summary>
    /// <param name="model">A model whose single input is the dose (e.g. a <see cref="SimulationExperiment"/> with a <see cref="ParameterInput"/> for the drug).</param>
    /// <param name="output">The output that responds (e.g. <c>S@24</c>).</param>
    /// <param name="low">The lower dose of the bracket.</param>
    /// <param name="high">The upper dose of the bracket.</param>
    /// <param name="level">The level (default 0.5).</param>
    /// <param name="relativeTolerance">The relative tolerance on the dose (default 1e-4).</param>
    /// <returns>The located dose, or a status saying why there is none; a failed simulation's message is included.</returns>
    public static IC50Search FindIC50(IResponseModel model, string output, double low, double high, double level = 0.5, double relativeTolerance = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.InputNames.Count != 1)
        {
            throw new ArgumentException($"The model must have exactly one input (the dose); it has {model.InputNames.Count}.", nameof(model));
        }

        int column = AnalysisChecks.RequireName(model.OutputNames, output, "output");
        var evaluator = model.CreateEvaluator();
        var outputs = new double[model.OutputNames.Count];
        string? lastFailure = null;
        var search = FindIC50(
            dose =>
            {
                if (!evaluator.TryEvaluate([dose], outputs, out string? failure))
                {
                    lastFailure = failure;
                    return double.NaN;
                }

                return outputs[column];
            },
            low,
            high,
            level,
            relativeTolerance);
        return search.Status == IC50SearchStatus.EvaluationFailed ? search with { Message = search.Message + " " + lastFailure } : search;
    }

    private static void Validate(IReadOnlyList<double> doses, IReadOnlyList<double> responses)
    {
        if (doses.Count != responses.Count)
        {
            throw new ArgumentException($"There are {doses.Count} doses but {responses.Count} responses; give one response per dose entry.", nameof(responses));
        }

        for (int i = 0; i < doses.Count; i++)
        {
            if (!(doses[i] >= 0) || !double.IsFinite(doses[i]) || !double.IsFinite(responses[i]))
            {
                throw new ArgumentException($"Point {i} (dose {doses[i]}, response {responses[i]}) is invalid: doses must be finite and ≥ 0, responses finite.", nameof(doses));
            }
        }

        if (doses.Count < 5 || doses.Distinct().Count() < 4)
        {
            throw new ArgumentException("A four-parameter fit needs at least 5 points at 4 or more distinct doses.", nameof(doses));
        }
    }

    /// <summary>The standard deviation of a mean response: from replicates, else the smaller of the second-difference and the 4PL-residual estimates.</summary>
    /// <remarks>
    /// Second differences overestimate the noise where the curve bends between coarse doses, and 4PL
    /// residuals overestimate it when the data are not sigmoidal; the smaller is the better estimate in
    /// either case.
    /// </remarks>
    private static double NoiseOfMeans(IGrouping<double, (double Dose, double Response)>[] groups, double[] means, DoseResponseFit fit)
    {
        // Replicates: pooled within-dose variance, divided by the mean replicate count (the variance of a mean).
        int replicated = groups.Count(g => g.Count() > 1);
        if (replicated > 0)
        {
            double ss = 0;
            int df = 0;
            for (int g = 0; g < groups.Length; g++)
            {
                foreach (var p in groups[g])
                {
                    ss += (p.Response - means[g]) * (p.Response - means[g]);
                }

                df += groups[g].Count() - 1;
            }

            double perPoint = (double)groups.Sum(g => g.Count()) / groups.Length;
            return Math.Sqrt(ss / df / perPoint);
        }

        double sum = 0;
        for (int i = 1; i < means.Length - 1; i++)
        {
            double d2 = means[i - 1] - (2 * means[i]) + means[i + 1];
            sum += d2 * d2;
        }

        double differences = Math.Sqrt(sum / (6.0 * (means.Length - 2)));
        return fit.Shape == DoseResponseShape.Sigmoidal && double.IsFinite(fit.ResidualStandardError) ? Math.Min(differences, fit.ResidualStandardError) : differences;
    }

    private static double Critical(double tail) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - tail);

    private static DoseResponseFit? NonMonotonic(double[] levels, double[] means, double noise, double range, DoseResponseOptions options)
    {
        // An interior mean against the nearer end: Bonferroni over the 2(n − 2) one-sided comparisons.
        int n = means.Length;
        double significant = Critical(options.SignificanceLevel / (2 * (n - 2))) * Math.Sqrt(2) * noise;
        double threshold = Math.Max(significant, options.NonMonotonicFraction * range);
        int top = 1, bottom = 1;
        for (int i = 2; i < n - 1; i++)
        {
            top = means[i] > means[top] ? i : top;
            bottom = means[i] < means[bottom] ? i : bottom;
        }

        double peak = means[top] - Math.Max(means[0], means[n - 1]);
        double trough = Math.Min(means[0], means[n - 1]) - means[bottom];
        if (peak <= threshold && trough <= threshold)
        {
            return null;
        }

        bool bell = peak / range >= trough / range;
        int k = bell ? top : bottom;
        string message = string.Create(CultureInfo.InvariantCulture, $"Non-monotonic ({(bell ? "bell-shaped" : "U-shaped")}): the mean response goes from {means[0]:G4} at dose {levels[0]:G4} to {(bell ? "a maximum" : "a minimum")} of {means[k]:G4} at dose {levels[k]:G4} and back to {means[n - 1]:G4} at dose {levels[n - 1]:G4}, {(bell ? peak : trough):G3} beyond both ends (threshold {threshold:G3}); no sigmoid was fitted.");
        return new DoseResponseFit
        {
            Shape = DoseResponseShape.NonMonotonic,
            Message = message,
            NoiseEstimate = noise,
            ExtremumDose = levels[k],
            ExtremumResponse = means[k],
        };
    }

    private static DoseResponseFit FitCurve(double[] doses, double[] responses, double[] levels, double[] means, DoseResponseOptions options)
    {
        var problem = new LeastSquares.Problem(p => Values(p, doses), p => Jacobian(p, doses), responses, null, null, null);
        double bottom = means.Min(), top = means.Max();
        double direction = means[^1] >= means[0] ? 1 : -1;
        double logEC50 = MidpointCrossing(levels, means, 0.5 * (bottom + top));
        LeastSquares.Solution? best = null;
        foreach (double h in (double[])[1, 2, 0.5, 4])
        {
            foreach (double sign in (double[])[direction, -direction])
            {
                var solution = LeastSquares.Minimize(problem, [bottom, top, logEC50, sign * h], options.MaxIterations);
                if (double.IsFinite(solution.ResidualSumOfSquares) && solution.Point.All(double.IsFinite)
                    && (best is null || solution.ResidualSumOfSquares < best.ResidualSumOfSquares))
                {
                    best = solution;
                }
            }
        }

        if (best is null)
        {
            return new DoseResponseFit { Shape = DoseResponseShape.FitFailed, Message = "The four-parameter logistic fit did not converge from any start." };
        }

        // Report Top ≥ Bottom: (B, T, L, h) and (T, B, L, −h) are the same curve.
        double[] p = best.Point;
        if (p[1] < p[0])
        {
            p = [p[1], p[0], p[2], -p[3]];
        }

        return Describe(problem, p, best.ResidualSumOfSquares, levels, options);
    }

    private static DoseResponseFit Describe(LeastSquares.Problem problem, double[] p, double rss, double[] levels, DoseResponseOptions options)
    {
        int n = problem.Observed.Length;
        int dof = n - 4;
        var covariance = LeastSquares.Covariance(problem, p, rss, knownVariance: false);
        double t = LeastSquares.StudentQuantile(options.ConfidenceLevel, dof);
        double mean = problem.Observed.Average();
        double tss = problem.Observed.Sum(y => (y - mean) * (y - mean));
        string[] names = ["Bottom", "Top", "LogEC50", "HillSlope"];
        var estimates = new ParameterEstimate[4];
        for (int j = 0; j < 4; j++)
        {
            double se = covariance is null ? double.NaN : Math.Sqrt(covariance[j, j]);
            estimates[j] = new ParameterEstimate(names[j], p[j], se, p[j] - (t * se), p[j] + (t * se));
        }

        var log = estimates[2];
        var ec50 = new ParameterEstimate("EC50", Math.Pow(10, p[2]), Ln10 * Math.Pow(10, p[2]) * log.StandardError, Math.Pow(10, log.Lower), Math.Pow(10, log.Upper));
        var curve = new FourParameterLogistic(p[0], p[1], p[2], p[3]);
        double lowest = levels.Where(d => d > 0).DefaultIfEmpty(double.NaN).Min();
        string warning = ec50.Value < lowest || ec50.Value > levels[^1] ? " Warning: the EC50 lies outside the tested doses; it is an extrapolation." : string.Empty;
        string undetermined = covariance is null ? " The data do not determine every parameter (singular JᵀJ); no intervals." : string.Empty;
        return new DoseResponseFit
        {
            Shape = DoseResponseShape.Sigmoidal,
            Curve = curve,
            Bottom = estimates[0],
            Top = estimates[1],
            LogEC50 = log,
            EC50 = ec50,
            HillSlope = estimates[3],
            DegreesOfFreedom = dof,
            ResidualStandardError = Math.Sqrt(rss / dof),
            RSquared = tss > 0 ? 1 - (rss / tss) : double.NaN,
            Message = string.Create(CultureInfo.InvariantCulture, $"{(p[3] < 0 ? "Falling" : "Rising")} sigmoid: EC50 = {ec50.Value:G4} [{ec50.Lower:G4}, {ec50.Upper:G4}], Hill slope {p[3]:G3}, plateaus {p[0]:G4} and {p[1]:G4}.{warning}{undetermined}"),
        };
    }

    private static double MidpointCrossing(double[] levels, double[] means, double half)
    {
        for (int i = 1; i < levels.Length; i++)
        {
            if (levels[i - 1] > 0 && (means[i - 1] - half) * (means[i] - half) <= 0 && means[i] != means[i - 1])
            {
                double a = Math.Log10(levels[i - 1]), b = Math.Log10(levels[i]);
                return a + ((b - a) * (half - means[i - 1]) / (means[i] - means[i - 1]));
            }
        }

        double[] logs = [.. levels.Where(d => d > 0).Select(Math.Log10)];
        return logs.Length == 0 ? 0 : 0.5 * (logs[0] + logs[^1]);
    }

    private static Vector<double> Values(Vector<double> p, double[] doses) =>
        Vector<double>.Build.Dense(doses.Length, i => p[0] + ((p[1] - p[0]) * FourParameterLogistic.Fraction(doses[i], p[2], p[3])));

    private static Matrix<double> Jacobian(Vector<double> p, double[] doses)
    {
        // y = B + (T − B)F, F = 1/(1 + 10^u), u = (L − log10 x)h, dF/du = −ln10·F(1 − F).
        var j = Matrix<double>.Build.Dense(doses.Length, 4);
        for (int i = 0; i < doses.Length; i++)
        {
            double f = FourParameterLogistic.Fraction(doses[i], p[2], p[3]);
            double dFdu = -Ln10 * f * (1 - f);
            j[i, 0] = 1 - f;
            j[i, 1] = f;
            if (doses[i] > 0 && dFdu != 0)
            {
                j[i, 2] = (p[1] - p[0]) * dFdu * p[3];
                j[i, 3] = (p[1] - p[0]) * dFdu * (p[2] - Math.Log10(doses[i]));
            }
        }

        return j;
    }
}
