namespace Ferroptosis.Sim.Analysis;

/// <summary>The per-run rows of a contiguous range of an ensemble's runs: run index, inputs, read-outs (NaN for failed runs) and status.</summary>
/// <remarks>Arrays are row-major (one row per run). Immutable by convention: the arrays are not copied.</remarks>
public sealed class EnsembleRows
{
    /// <summary>The status of a run that succeeded.</summary>
    public const string Success = "Success";

    /// <summary>Initializes a new instance of the <see cref="EnsembleRows"/> class.</summary>
    /// <param name="firstRun">The first run index.</param>
    /// <param name="count">The number of runs.</param>
    /// <param name="inputNames">The input names.</param>
    /// <param name="outputNames">The read-out names.</param>
    /// <param name="inputs">The inputs, count × inputs.</param>
    /// <param name="outputs">The read-outs, count × outputs.</param>
    /// <param name="statuses">Each run's status: <see cref="Success"/> or why it failed (a solver status name).</param>
    public EnsembleRows(long firstRun, int count, IReadOnlyList<string> inputNames, IReadOnlyList<string> outputNames, double[] inputs, double[] outputs, string[] statuses)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(outputNames);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(statuses);
        if (inputs.Length != count * inputNames.Count || outputs.Length != count * outputNames.Count || statuses.Length != count)
        {
            throw new ArgumentException("The row arrays do not match the run count and the column names.", nameof(inputs));
        }

        FirstRun = firstRun;
        Count = count;
        InputNames = inputNames;
        OutputNames = outputNames;
        Inputs = inputs;
        Outputs = outputs;
        Statuses = statuses;
    }

    /// <summary>Gets the first run index.</summary>
    public long FirstRun { get; }

    /// <summary>Gets the number of runs.</summary>
    public int Count { get; }

    /// <summary>Gets the input names.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Gets the read-out names.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Gets the inputs, row-major.</summary>
    public IReadOnlyList<double> Inputs { get; }

    /// <summary>Gets the read-outs, row-major, rounded to the plan's precision.</summary>
    public IReadOnlyList<double> Outputs { get; }

    /// <summary>Gets each run's status.</summary>
    public IReadOnlyList<string> Statuses { get; }
}
