using System.Collections.Concurrent;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The laboratory protocols of expected-behaviours.md as one-liners: runs from rest, survival at a time, IC50/EC50 by log-bisection, shared between the behaviour and regression tests.</summary>
/// <remarks>
/// Conventions of expected-behaviours.md: "start at rest" (the drug-free model of the cell type at steady
/// state, S = 1), S(T) = surviving fraction T hours after the exposure starts, IC50/EC50 by log-bisection on
/// S(24 h) = 0.5. IC50s are cached by protocol, because several behaviours and the regression table
/// ask for the same ones.
/// <para>
/// The behaviour tests, the regression table, the golden trajectories and the other tests of this folder are tests of
/// model v1 (<c>models/ferroptosis/v1/specification/</c>): every run goes through <see cref="Model"/> unless its options
/// name another version, so they keep their numbers whatever the default model is.
/// </para>
/// </remarks>
internal static class Assay
{
    /// <summary>The model version the behaviour and regression tests check: v1.</summary>
    public static readonly FerroptosisModel Model = FerroptosisModel.Version1;

    /// <summary>Relative width of the final bracket of a log-bisection (IC50s to 0.1 %, far inside the 15 % regression tolerance).</summary>
    public const double BisectionRatio = 1.001;

    private static readonly ConcurrentDictionary<string, Lazy<double>> Cache = new(StringComparer.Ordinal);

    /// <summary>Runs a cell from rest under perturbations for <paramref name="hours"/> hours and checks that the integration succeeded.</summary>
    public static CellSimulationResult Run(BoneCell cell, double hours, IEnumerable<Perturbation> perturbations, CellSimulationOptions? options = null)
    {
        var result = FerroptosisSimulation.Run(cell, perturbations, TimeSpan.FromHours(hours), Options(options));
        Assert.That(result.IsSuccess, Is.True, () => $"{result}: {result.Message}");
        return result;
    }

    /// <summary>Options that run <see cref="Model"/> unless they name a model version themselves.</summary>
    public static CellSimulationOptions Options(CellSimulationOptions? options = null) =>
        (options ?? CellSimulationOptions.Default) with { Model = options?.Model ?? Model };

    /// <summary>The parameter set of a cell type in <see cref="Model"/>.</summary>
    public static IReadOnlyDictionary<string, double> ParametersOf(BoneCell cell) => cell.ParametersIn(Model);

    /// <summary>Runs a cell from rest under perturbations.</summary>
    public static CellSimulationResult Run(BoneCell cell, double hours, params Perturbation[] perturbations) => Run(cell, hours, perturbations, null);

    /// <summary>Survival at the end of a run of <paramref name="hours"/> hours.</summary>
    public static double Survival(BoneCell cell, double hours, IEnumerable<Perturbation> perturbations, CellSimulationOptions? options = null) =>
        Run(cell, hours, perturbations, options).SurvivalAtHours(hours);

    /// <summary>Survival at 24 h.</summary>
    public static double S24(BoneCell cell, params Perturbation[] perturbations) => Survival(cell, 24, perturbations);

    /// <summary>Survival at 48 h.</summary>
    public static double S48(BoneCell cell, params Perturbation[] perturbations) => Survival(cell, 48, perturbations);

    /// <summary>Survival at 24 h of a perturbation given at each dose, with co-treatments (computed in parallel).</summary>
    public static double[] S24Series(BoneCell cell, Func<double, Perturbation> drug, IReadOnlyList<double> doses, params Perturbation[] with) =>
        Map(doses, dose => S24(cell, [drug(dose), .. with]));

    /// <summary>Applies <paramref name="f"/> to every item in parallel, keeping the order.</summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> f)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, i => results[i] = f(items[i]));
        return results;
    }

    /// <summary>The IC50 at 24 h of <paramref name="drug"/> on <paramref name="cell"/> with co-treatments: the dose at which S(24 h) = 0.5 (S falls with dose), by log-bisection.</summary>
    /// <param name="key">A unique description of the protocol (cache key), e.g. "OB erastin | SFN 5".</param>
    /// <param name="cell">The cell type.</param>
    /// <param name="drug">The drug at a dose in µM.</param>
    /// <param name="low">A dose (µM) at which S(24) &gt; 0.5.</param>
    /// <param name="high">A dose (µM) at which S(24) &lt; 0.5.</param>
    /// <param name="with">Co-treatments.</param>
    public static double Ic50(string key, BoneCell cell, Func<double, Perturbation> drug, double low, double high, params Perturbation[] with) =>
        Cached(key, () => DoseAtLevel(dose => S24(cell, [drug(dose), .. with]), 0.5, low, high));

    /// <summary>The EC50 at 24 h of a rescuing drug against an insult: the dose at which S(24 h) = 0.5 (S rises with dose), by log-bisection.</summary>
    public static double Ec50(string key, BoneCell cell, Func<double, Perturbation> rescuer, double low, double high, params Perturbation[] insult) =>
        Cached(key, () => DoseAtLevel(dose => S24(cell, [.. insult, rescuer(dose)]), 0.5, low, high));

    /// <summary>Log-bisection for the dose at which a monotone response crosses <paramref name="level"/>; <paramref name="low"/> and <paramref name="high"/> must bracket it.</summary>
    /// <returns>The geometric midpoint of the final bracket (width ratio <see cref="BisectionRatio"/>).</returns>
    public static double DoseAtLevel(Func<double, double> response, double level, double low, double high)
    {
        double atLow = response(low);
        double atHigh = response(high);
        Assert.That((atLow - level) * (atHigh - level), Is.LessThan(0), $"the doses {low} and {high} do not bracket the level {level} (responses {atLow}, {atHigh})");
        bool lowIsAbove = atLow > level;
        while (high / low > BisectionRatio)
        {
            double mid = Math.Sqrt(low * high);
            if ((response(mid) > level) == lowIsAbove)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Sqrt(low * high);
    }

    /// <summary>Asserts that a sequence decreases strictly.</summary>
    public static void AssertStrictlyDecreasing(IReadOnlyList<double> values, string what) => AssertMonotone(values, what, increasing: false);

    /// <summary>Asserts that a sequence increases strictly.</summary>
    public static void AssertStrictlyIncreasing(IReadOnlyList<double> values, string what) => AssertMonotone(values, what, increasing: true);

    /// <summary>Asserts that a read-out exists (e.g. the culture does reach 50 % death) and returns it.</summary>
    public static double Defined(double? value, string what)
    {
        Assert.That(value, Is.Not.Null, $"{what} is not reached within the run");
        return value!.Value;
    }

    /// <summary>Writes measured values to the test output (shown with <c>--logger "console;verbosity=detailed"</c>); the README's EB table quotes them.</summary>
    public static void Report(FormattableString text) => TestContext.Out.WriteLine(FormattableString.Invariant(text));

    /// <summary>Formats numbers for assertion messages.</summary>
    public static string Show(IEnumerable<double> values) =>
        string.Join(" / ", values.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)));

    private static void AssertMonotone(IReadOnlyList<double> values, string what, bool increasing)
    {
        for (int i = 1; i < values.Count; i++)
        {
            Assert.That(increasing ? values[i] > values[i - 1] : values[i] < values[i - 1], Is.True, $"{what} must {(increasing ? "increase" : "decrease")} strictly: {Show(values)}");
        }
    }

    private static double Cached(string key, Func<double> compute) =>
        Cache.GetOrAdd(key, _ => new Lazy<double>(compute, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
