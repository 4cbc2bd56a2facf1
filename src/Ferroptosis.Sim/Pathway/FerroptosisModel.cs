using System.Collections.Concurrent;
using System.Globalization;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway;

/// <summary>The curated Nrf2/HO-1 ferroptosis model of <c>models/ferroptosis/</c>, embedded in the library: its network, compiled form and resting states.</summary>
/// <remarks>
/// The model files ship inside the assembly, so the pathway API works from the NuGet package without
/// the repository. One compiled model serves every cell type (cell types, scenarios and drugs are
/// parameter values). Resting states are computed once per cell type and genetic background and
/// cached. Thread-safe.
/// </remarks>
public static class FerroptosisModel
{
    /// <summary>The file name of the base model.</summary>
    public const string BaseFile = "ferroptosis.ant";

    private const string ResourcePrefix = "Ferroptosis.Sim.Models.ferroptosis.";
    private static readonly Lazy<ReactionNetwork> LazyNetwork = new(() => AntimonyReader.Read(ReadFile(BaseFile), BaseFile));
    private static readonly Lazy<CompiledModel> LazyCompiled = new(() => ModelCompiler.Compile(Network));
    private static readonly ConcurrentDictionary<string, double[]> RestingStates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> RestingValues = new(StringComparer.Ordinal);

    /// <summary>Gets the base network (the reference osteoblast).</summary>
    public static ReactionNetwork Network => LazyNetwork.Value;

    /// <summary>Gets the compiled model.</summary>
    public static CompiledModel Compiled => LazyCompiled.Value;

    /// <summary>Gets the names of the embedded model files.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. typeof(FerroptosisModel).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Reads an embedded model file (e.g. "ferroptosis.ant", "osteoclast.ant").</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>Its text.</returns>
    /// <exception cref="ArgumentException">No such embedded file.</exception>
    public static string ReadFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var stream = typeof(FerroptosisModel).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"No embedded model file '{fileName}'. Files: {string.Join(", ", Files)}.", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Gets the network of one cell type: the base model with the cell's parameter set applied, with the id <c>ferroptosis_&lt;cell&gt;</c> (e.g. for an SBML export that opens in COPASI or Tellurium).</summary>
    /// <param name="cell">The cell type.</param>
    /// <returns>A validated network; its initial values are the reference vector of specification §9, not the cell's resting state.</returns>
    /// <example>
    /// <code>
    /// SbmlWriter.WriteFile(FerroptosisModel.NetworkFor(BoneCell.Osteoclast), "ferroptosis-osteoclast.xml");
    /// </code>
    /// </example>
    public static ReactionNetwork NetworkFor(BoneCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var n = Network.WithValues(cell.Parameters);
        return new ReactionNetwork(
            $"{Network.Id}_{cell.Name}", n.Compartments, n.Species, n.Parameters, n.Reactions, n.AssignmentRules, n.RateRules, n.InitialAssignments, n.Functions, n.Events, n.ConversionFactor);
    }

    /// <summary>Reads a parameter-set file (assignments only) into a dictionary.</summary>
    /// <param name="fileName">The embedded file name.</param>
    /// <returns>The values by parameter id.</returns>
    public static IReadOnlyDictionary<string, double> ReadParameterSet(string fileName) => AntimonyReader.ReadParameterSet(ReadFile(fileName), fileName);

    /// <summary>Computes (or returns the cached) resting state of a cell with the given baseline parameter values: the drug-free model integrated to steady state (specification §9), with the surviving fraction set to 1.</summary>
    /// <param name="baseline">Absolute parameter values of the cell (cell type and genetic changes).</param>
    /// <returns>A copy of the resting state vector, ordered as <see cref="CompiledModel.StateIds"/>.</returns>
    /// <exception cref="InvalidOperationException">The cell does not come to rest: it has no steady state (an osteocyte with FTH1 at 55 % or less, or NCOA4 over-expressed 5-fold or more, oscillates), or the integration failed. The message says which rate stays non-zero.</exception>
    public static double[] RestingState(IReadOnlyDictionary<string, double> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return (double[])RestingStates.GetOrAdd(Key(baseline), _ => ComputeRestingState(baseline)).Clone();
    }

    /// <summary>Gets every reported quantity (species and assigned values such as ROS, h, LIP_fold) at the resting state of a cell, by name.</summary>
    /// <param name="baseline">Absolute parameter values of the cell (cell type and genetic changes).</param>
    /// <returns>The resting values, cached.</returns>
    internal static IReadOnlyDictionary<string, double> RestingQuantities(IReadOnlyDictionary<string, double> baseline) =>
        RestingValues.GetOrAdd(Key(baseline), _ =>
        {
            var model = Compiled;
            var instance = model.CreateInstance();
            foreach (var (id, value) in baseline)
            {
                instance.SetParameter(id, value);
            }

            var rest = RestingState(baseline);
            for (int k = 0; k < rest.Length; k++)
            {
                instance.SetInitialValue(model.StateIds[k], rest[k]);
            }

            // Initial assignments (the normalisation constants) are evaluated into the instance first.
            var y = instance.ComputeInitialState(0);
            var program = model.Outputs(OutputProgram.DefaultIds(model.Network), amounts: null);
            var row = new double[program.Ids.Count];
            program.Kernel(instance.LoadInputs(0, y), row);
            return program.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => row[x.i], StringComparer.Ordinal);
        });

    private static string Key(IReadOnlyDictionary<string, double> baseline) =>
        string.Join(';', baseline.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:R}")));

    private static double[] ComputeRestingState(IReadOnlyDictionary<string, double> baseline)
    {
        var model = Compiled;
        var instance = model.CreateInstance();
        foreach (var (id, value) in baseline)
        {
            instance.SetParameter(id, value);
        }

        var y = instance.ComputeInitialState(0);
        int survival = model.IndexOfState("S");
        var options = new OdeSolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, OutputTimes = [3000.0] };
        var derivative = new double[y.Length];
        double largest = double.PositiveInfinity;
        int worst = 0;
        for (int round = 0; round < 10; round++)
        {
            // Integrate 3000 h at a time until every rate except the surviving fraction's is below 1e-9.
            var solution = OdeSolvers.Rodas5P.CreateIntegrator(new OdeProblem(instance, 0, 3000, y), options).Solve();
            if (!solution.IsSuccess)
            {
                throw new InvalidOperationException($"The resting state could not be computed: {solution.Message}");
            }

            solution.FinalState.CopyTo(y);
            y[survival] = 1.0;
            for (int k = 0; k < y.Length; k++)
            {
                // A pool that empties (e.g. ferritin after an FTH1 knock-out) ends within the tolerance of 0, on either
                // side; its resting value is 0.
                y[k] = Math.Max(y[k], 0);
            }

            instance.Evaluate(0, y, derivative);
            largest = 0;
            for (int k = 0; k < y.Length; k++)
            {
                if (k != survival && Math.Abs(derivative[k]) > largest)
                {
                    largest = Math.Abs(derivative[k]);
                    worst = k;
                }
            }

            if (largest < 1e-9)
            {
                return y;
            }
        }

        string cell = baseline.Count == 0 ? "the reference osteoblast" : string.Join(", ", baseline.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} = {kv.Value:G4}")));
        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"The cell ({cell}) does not come to rest: after 30,000 h drug-free, d{model.StateIds[worst]}/dt is still {derivative[worst]:G3} (a resting state needs every |dy/dt| < 1e-9). This cell type and genetic background may have no steady state, e.g. a sustained oscillation (models/ferroptosis/README.md, Known limitations)."));
    }
}
