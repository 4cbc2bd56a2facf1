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
    private EnsembleWorkload(EnsemblePlan plan, SimulationExperiment experiment)
    {
        Plan = plan;
        Experiment = experiment;
        PlanHash = plan.ComputeHash();
        Design = PlanDesign.FromPlan(plan);
    }

    /// <summary>Gets the plan.</summary>
    public EnsemblePlan Plan { get; }

    /// <summary>Gets the plan's hash (<see cref="EnsemblePlan.ComputeHash"/>).</summary>
    public string PlanHash { get; }

    /// <summary>Gets the experiment each run evaluates.</summary>
    public SimulationExperiment Experiment { get; }

    /// <summary>Gets the distribution of every input, parsed from the plan (<c>Fixed(NaN)</c> for grid inputs): with <see cref="Experiment"/>, what the in-process analyses take.</summary>
    public IReadOnlyList<InputDistribution> Distributions => Design.Distributions;

    /// <summary>Gets the plan's sample source bound to its distributions.</summary>
    internal PlanDesign Design { get; }

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
    public void InputsOf(long run, Span<double> inputs) => Design.Fill(run, inputs);

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
        var tracker = new ProgressTracker(count, execution.Progress);
        var rows = Design.Evaluate(Experiment, first, count, execution, tracker, null, cancellationToken);
        tracker.Finish();
        return rows;
    }
}
