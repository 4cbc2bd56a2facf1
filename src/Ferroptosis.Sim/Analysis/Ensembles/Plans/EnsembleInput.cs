using System.Globalization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>One input of an ensemble plan: what it sets (a parameter's value, a fold change of a parameter, or an initial value) and its distribution (population) or values (grid).</summary>
/// <remarks>
/// Distributions are written as text: <c>uniform(a,b)</c>, <c>loguniform(a,b)</c>, <c>normal(mean,sd)</c>,
/// <c>lognormal(median,sigma)</c> (σ of ln x), <c>lognormal-mean(mean,cv)</c>, <c>fixed(x)</c> — the
/// <see cref="InputDistribution"/> factories. Immutable.
/// </remarks>
public sealed record EnsembleInput
{
    /// <summary>The target that sets a parameter's value.</summary>
    public const string ParameterTarget = "parameter";

    /// <summary>The target that multiplies a parameter's value.</summary>
    public const string FoldTarget = "fold";

    /// <summary>The target that sets an initial value (species, compartment or parameter).</summary>
    public const string InitialTarget = "initial";

    /// <summary>Gets what the input sets: <see cref="ParameterTarget"/>, <see cref="FoldTarget"/> or <see cref="InitialTarget"/>.</summary>
    public string Target { get; init; } = ParameterTarget;

    /// <summary>Gets the id of the parameter or species.</summary>
    public string Id { get; init; } = "";

    /// <summary>Gets the distribution (population plans), e.g. <c>lognormal(1,0.3)</c>, or null.</summary>
    public string? Distribution { get; init; }

    /// <summary>Gets the values (grid plans), or null.</summary>
    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>Parses a distribution text.</summary>
    /// <param name="text">E.g. <c>lognormal(1,0.3)</c>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="FormatException">Unknown name, wrong number of arguments, or arguments out of range.</exception>
    public static InputDistribution ParseDistribution(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        int open = t.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !t.EndsWith(')'))
        {
            throw new FormatException($"Cannot read the distribution '{text}'; write NAME(ARGS), e.g. lognormal(1,0.3), uniform(0.5,2).");
        }

        string name = t[..open].Trim().ToLowerInvariant();
        double[] a;
        try
        {
            a = [.. t[(open + 1)..^1].Split(',').Select(s => double.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture))];
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The distribution '{text}' has an argument that is not a number.", ex);
        }

        int expected = name == "fixed" ? 1 : 2;
        if (a.Length != expected)
        {
            throw new FormatException($"The distribution '{text}' takes {expected} argument(s), got {a.Length}.");
        }

        try
        {
            return name switch
            {
                "uniform" => InputDistribution.Uniform(a[0], a[1]),
                "loguniform" => InputDistribution.LogUniform(a[0], a[1]),
                "normal" => InputDistribution.Normal(a[0], a[1]),
                "lognormal" => InputDistribution.LogNormal(a[0], a[1]),
                "lognormal-mean" => InputDistribution.LogNormalFromMean(a[0], a[1]),
                "fixed" => InputDistribution.Fixed(a[0]),
                _ => throw new FormatException($"Unknown distribution '{name}'; use uniform, loguniform, normal, lognormal, lognormal-mean or fixed."),
            };
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The distribution '{text}': {ex.Message}", ex);
        }
    }

    /// <summary>Gets the model input this sets.</summary>
    /// <returns>The input.</returns>
    public IModelInput ToModelInput() => Target switch
    {
        FoldTarget => new ParameterFoldChangeInput(Id),
        InitialTarget => new InitialValueInput(Id),
        _ => new ParameterInput(Id),
    };

    internal void Validate(string kind)
    {
        if (Target is not (ParameterTarget or FoldTarget or InitialTarget))
        {
            throw new FormatException($"Unknown input target '{Target}' for '{Id}'; use '{ParameterTarget}', '{FoldTarget}' or '{InitialTarget}'.");
        }

        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new FormatException("An input has no id.");
        }

        if (kind == EnsembleSampleSource.Grid)
        {
            if (Values is not { Count: > 0 } || Values.Any(v => !double.IsFinite(v)))
            {
                throw new FormatException($"The grid input '{Id}' needs a list of finite values.");
            }
        }
        else
        {
            ParseDistribution(Distribution ?? throw new FormatException($"The population input '{Id}' needs a distribution, e.g. \"lognormal(1,0.3)\"."));
        }
    }
}
