namespace Ferroptosis.Sim.Analysis;

/// <summary>One axis of a scan: the input it varies and the values it takes.</summary>
/// <remarks>Create with <see cref="Linear"/>, <see cref="Logarithmic"/>, <see cref="List"/> or <see cref="Parse"/>.</remarks>
public sealed record ScanAxis
{
    /// <summary>Initializes a new instance of the <see cref="ScanAxis"/> class.</summary>
    /// <param name="input">The input name (one of the model's <see cref="IResponseModel.InputNames"/>).</param>
    /// <param name="values">The values (at least one, finite).</param>
    /// <param name="isLogarithmic">Whether the values are log-spaced (a hint for plots and fits).</param>
    public ScanAxis(string input, IEnumerable<double> values, bool isLogarithmic = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentNullException.ThrowIfNull(values);
        double[] list = [.. values];
        if (list.Length == 0 || list.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"Axis '{input}' needs at least one value, all finite.", nameof(values));
        }

        Input = input;
        Values = list;
        IsLogarithmic = isLogarithmic;
    }

    /// <summary>Gets the input name.</summary>
    public string Input { get; }

    /// <summary>Gets the values.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Gets a value indicating whether the values are log-spaced.</summary>
    public bool IsLogarithmic { get; }

    /// <summary>Creates an axis of evenly spaced values.</summary>
    /// <param name="input">The input name.</param>
    /// <param name="from">The first value.</param>
    /// <param name="to">The last value.</param>
    /// <param name="count">The number of values (≥ 2).</param>
    /// <returns>The axis.</returns>
    public static ScanAxis Linear(string input, double from, double to, int count) => new(input, ScanRange.Linear(from, to, count));

    /// <summary>Creates an axis of values evenly spaced in log10.</summary>
    /// <param name="input">The input name.</param>
    /// <param name="from">The first value (&gt; 0).</param>
    /// <param name="to">The last value (&gt; 0).</param>
    /// <param name="count">The number of values (≥ 2).</param>
    /// <returns>The axis.</returns>
    public static ScanAxis Logarithmic(string input, double from, double to, int count) => new(input, ScanRange.Logarithmic(from, to, count), isLogarithmic: true);

    /// <summary>Creates an axis of explicit values.</summary>
    /// <param name="input">The input name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The axis.</returns>
    public static ScanAxis List(string input, params IEnumerable<double> values) => new(input, values);

    /// <summary>Creates an axis from the compact syntax of <see cref="ScanRange"/>, e.g. <c>0.01:100:log25</c>.</summary>
    /// <param name="input">The input name.</param>
    /// <param name="range">The range text.</param>
    /// <returns>The axis.</returns>
    /// <exception cref="FormatException">The range text is invalid.</exception>
    public static ScanAxis Parse(string input, string range)
    {
        ArgumentNullException.ThrowIfNull(range);
        bool log = range.Split(':') is [_, _, var spec] && spec.Trim().StartsWith("log", StringComparison.OrdinalIgnoreCase);
        return new ScanAxis(input, ScanRange.Parse(range), log);
    }
}
