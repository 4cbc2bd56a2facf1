using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Analysis;

/// <summary>An <see cref="EnsemblePlan"/> made runnable: its model file read (after its hash is checked) and compiled, its protocol turned into a <see cref="SimulationExperiment"/>, its sample source into per-run inputs.</summary>
/// <remarks>
/// <see cref="Evaluate"/> runs any contiguous range of run indices, in parallel; run i's inputs and result depend only on
/// (plan, i), so any split of the runs into shards gives the same per-run rows. Immutable and thread-safe.
/// </remarks>
public sealed class EnsembleWorkload
{
    private readonly InputDistribution[] _distributions;
    private readonly double[][] _gridValues;

    private EnsembleWorkload(EnsemblePlan plan, SimulationExperiment experiment)
    {
        Plan = plan;
        Experiment = experiment;
        PlanHash = plan.ComputeHash();
        var inputs = plan.Samples.Inputs;
        _distributions = [.. inputs.Select(i => i.Distribution is null ? InputDistribution.Fixed(double.NaN) : EnsembleInput.ParseDistribution(i.Distribution))];
        _gridValues = [.. inputs.Select(i => (i.Values ?? []).ToArray())];
    }

    /// <summary>Gets the plan.</summary>
    public EnsemblePlan Plan { get; }

    /// <summary>Gets the plan's hash (<see cref="EnsemblePlan.ComputeHash"/>).</summary>
    public string PlanHash { get; }

    /// <summary>Gets the experiment each run evaluates.</summary>
    public SimulationExperiment Experiment { get; }

    /// <summary>Gets the input column names, in input order.</summary>
    public IReadOnlyList<string> InputNames => Experiment.InputNames;

    /// <summary>Gets the read-out names, in output order.</summary>
    public IReadOnlyList<string> OutputNames => Experiment.OutputNames;

    /// <summary>Reads the plan's model file from the plan's folder, checks its hash and compiles it.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planDirectory">The folder holding the plan and its model file.</param>
    /// <returns>The workload.</returns>
    /// <exception cref="FileNotFoundException">The model file is missing.</exception>
    /// <exception cref="InvalidOperationException">The model file's SHA-256 differs from the plan's.</exception>
    public static EnsembleWorkload Load(EnsemblePlan plan, string planDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(planDirectory);
        plan.Validate();
        string path = Path.Combine(planDirectory, plan.ModelFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The plan's model file '{plan.ModelFile}' is not beside the plan (looked for {path}).", path);
        }

        string hash = EnsemblePlan.HashFile(path);
        if (!string.Equals(hash, plan.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Model hash mismatch: {path} has SHA-256 {hash}, the plan expects {plan.ModelSha256}; the model file changed since the plan was made (make a new plan).");
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        var network = extension is ".xml" or ".sbml" ? SbmlReader.ReadFile(path).Network : AntimonyReader.ReadFile(path);
        var model = ModelCompiler.Compile(network);
        var experiment = new SimulationExperiment(
            model,
            [.. plan.Samples.Inputs.Select(i => i.ToModelInput())],
            [.. plan.Protocol.Readouts.Select(EnsembleProtocol.ParseReadout)],
            plan.Protocol.ToSettings());
        return new EnsembleWorkload(plan, experiment);
    }

    /// <summary>Writes run <paramref name="run"/>'s inputs: a pure function of (plan, run).</summary>
    /// <param name="run">The run index.</param>
    /// <param name="inputs">Receives one value per input.</param>
    public void InputsOf(long run, Span<double> inputs) =>
        EnsembleSampleSource.Fill(Plan.Samples, _distributions, _gridValues, Plan.Seed, run, inputs);

    /// <summary>Evaluates the runs first … first + count − 1 in parallel.</summary>
    /// <param name="first">The first run index.</param>
    /// <param name="count">The number of runs.</param>
    /// <param name="execution">Threads and progress, or null for all cores.</param>
    /// <param name="cancellationToken">Stops the range; then <see cref="OperationCanceledException"/> is thrown and nothing is returned.</param>
    /// <returns>The per-run rows, read-outs rounded to the plan's precision.</returns>
    public EnsembleRows Evaluate(long first, int count, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (first + count > Plan.Runs)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Runs {first} to {first + count - 1} go beyond the plan's {Plan.Runs} runs.");
        }

        execution ??= ExecutionOptions.Default;
        int k = InputNames.Count, m = OutputNames.Count;
        var inputs = new double[count * k];
        var outputs = new double[count * m];
        var statuses = new string[count];
        bool single = Plan.IsSinglePrecision;
        var tracker = new ProgressTracker(count, execution.Progress);
        Parallel.For(
            0,
            count,
            execution.ToParallelOptions(cancellationToken),
            () => Experiment.CreateEvaluator(cancellationToken),
            (i, state, evaluator) =>
            {
                var x = inputs.AsSpan(i * k, k);
                var y = outputs.AsSpan(i * m, m);
                InputsOf(first + i, x);
                bool ok = evaluator.TryEvaluate(x, y, out _);
                statuses[i] = ok ? EnsembleRows.Success : (evaluator as IFailureKindSource)?.FailureKind ?? "Failed";
                if (!ok)
                {
                    y.Fill(double.NaN);
                }
                else if (single)
                {
                    for (int o = 0; o < m; o++)
                    {
                        y[o] = (float)y[o];
                    }
                }

                tracker.Completed(1);
                return evaluator;
            },
            _ => { });
        cancellationToken.ThrowIfCancellationRequested();
        tracker.Finish();
        return new EnsembleRows(first, count, InputNames, OutputNames, inputs, outputs, statuses);
    }
}
