using System.Collections.Concurrent;
using System.Globalization;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway;

/// <summary>One version of the curated Nrf2/HO-1 ferroptosis model of <c>models/ferroptosis/</c>, embedded in the library: its files, network, compiled form and resting states.</summary>
/// <remarks>
/// <para>
/// Versions live side by side: <see cref="Version1"/> (folder <c>models/ferroptosis/v1/</c>) is kept so that published
/// v1 results can be reproduced; <see cref="Version2"/> (<c>v2/</c>) is the <see cref="Default"/>. Choose one with
/// <see cref="CellSimulationOptions.Model"/>; every <see cref="CellSimulationResult"/> records the version that produced it.
/// </para>
/// <para>
/// The model files ship inside the assembly (resources <c>Ferroptosis.Sim.Models.ferroptosis.v&lt;N&gt;.&lt;file&gt;</c>), so
/// the pathway API works from the NuGet package without the repository. One compiled model per version serves every
/// cell type (cell types, scenarios and drugs are parameter values). Each version has its own caches: the network and
/// compiled model are built on first use, resting states once per cell type and genetic background. Thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var v1 = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TimeSpan.FromHours(48), new CellSimulationOptions { Model = FerroptosisModel.Version1 });
/// Console.WriteLine($"{v1.ModelVersion}: {v1.SurvivalAtHours(24):F2}");
/// </code>
/// </example>
public sealed class FerroptosisModel
{
    /// <summary>The file name of the base model.</summary>
    public const string BaseFile = "ferroptosis.ant";

    /// <summary>The parameter a model version's base file may declare to state its version (checked on loading).</summary>
    internal const string VersionParameter = "model_version";

    private const string ResourceRoot = "Ferroptosis.Sim.Models.ferroptosis.";

    private readonly string _resourcePrefix;
    private readonly Lazy<ReactionNetwork> _network;
    private readonly Lazy<CompiledModel> _compiled;
    private readonly Lazy<IReadOnlyList<string>> _files;
    private readonly Lazy<IReadOnlyList<BoneCell>> _cellTypes;
    private readonly Lazy<string> _fingerprint;
    private readonly Lazy<IReadOnlyList<string>> _kineticConstants;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> _parameterSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double[]> _restingStates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> _restingValues = new(StringComparer.Ordinal);

    private FerroptosisModel(int version)
    {
        Version = version.ToString(CultureInfo.InvariantCulture);
        Folder = "v" + Version;
        _resourcePrefix = ResourceRoot + Folder + ".";
        _files = new(() => [.. typeof(FerroptosisModel).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(_resourcePrefix, StringComparison.Ordinal)).Select(n => n[_resourcePrefix.Length..]).Order(StringComparer.Ordinal)]);
        _cellTypes = new(() => [.. BoneCell.AllWithPrecursor.Where(c => Files.Contains(c.ParameterFile, StringComparer.Ordinal))]);
        _network = new(LoadNetwork);
        _fingerprint = new(ComputeFingerprint);
        _kineticConstants = new(FindKineticConstants);
        _compiled = new(() => ModelCompiler.Compile(Network));
    }

    /// <summary>Gets model version 1 (<c>models/ferroptosis/v1/</c>): osteoblast, osteoclast and osteocyte; kept so that published v1 results can be reproduced.</summary>
    public static FerroptosisModel Version1 { get; } = new(1);

    /// <summary>Gets model version 2 (<c>models/ferroptosis/v2/</c>), the default; it adds the osteoclast precursor (<see cref="BoneCell.OsteoclastPrecursor"/>).</summary>
    public static FerroptosisModel Version2 { get; } = new(2);

    /// <summary>Gets the model used when none is chosen (<see cref="CellSimulationOptions.Model"/> null): <see cref="Version2"/>.</summary>
    public static FerroptosisModel Default => Version2;

    /// <summary>Gets every embedded version, oldest first.</summary>
    public static IReadOnlyList<FerroptosisModel> All { get; } = [Version1, Version2];

    /// <summary>Gets the version, e.g. "2".</summary>
    public string Version { get; }

    /// <summary>Gets the folder of this version under <c>models/ferroptosis/</c>, e.g. "v2".</summary>
    public string Folder { get; }

    /// <summary>Gets the base network (the reference osteoblast).</summary>
    /// <exception cref="InvalidOperationException">The base file declares a <c>model_version</c> other than <see cref="Version"/>.</exception>
    public ReactionNetwork Network => _network.Value;

    /// <summary>Gets the compiled model.</summary>
    public CompiledModel Compiled => _compiled.Value;

    /// <summary>Gets the names of the embedded files of this version, e.g. "ferroptosis.ant", "osteoclast.ant".</summary>
    public IReadOnlyList<string> Files => _files.Value;

    /// <summary>Gets the fingerprint of this version's files: the first 12 hex digits of the SHA-256 of every file's name and text (line ends as LF), in <see cref="Files"/> order, e.g. "3f9c0a1b2d4e".</summary>
    /// <remarks>
    /// The version number names the model's structure; a re-calibration changes parameter values without changing it.
    /// The fingerprint changes with any edit of any file, so a result that quotes both (as the CSV comment line of
    /// <see cref="CellSimulationResult.WriteCsv(TextWriter)"/> does) names the exact model that produced it: the same
    /// version and fingerprint give the same numbers.
    /// </remarks>
    public string Fingerprint => _fingerprint.Value;

    /// <summary>Gets the kinetic constants of the base model, in file order: every positive constant that is not a drug or exposure input, a cell-type or genetic multiplier, a Hill coefficient (<c>n_…</c>), the version number or a value computed from others.</summary>
    /// <remarks>
    /// These are what varies between cells of a virtual population (model v2's population test multiplies each by a
    /// lognormal factor of CV 20 %) or of a heterogeneous tissue (<see cref="Analysis.TissueVariation"/>); the excluded
    /// ones set the experiment (drugs), the cell type and genotype, or the shape of a response.
    /// </remarks>
    public IReadOnlyList<string> KineticConstants => _kineticConstants.Value;

    /// <summary>Gets the cell types this version has a parameter set for (<see cref="BoneCell.AllWithPrecursor"/> without those added by a later version).</summary>
    public IReadOnlyList<BoneCell> CellTypes => _cellTypes.Value;

    /// <summary>Finds a version by name: "1", "v1", "2", "v2" (case-insensitive).</summary>
    /// <param name="version">The version.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No such version; the message lists the embedded ones.</exception>
    public static FerroptosisModel FromVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        string key = version.Trim();
        key = key.StartsWith('v') || key.StartsWith('V') ? key[1..] : key;
        return All.FirstOrDefault(m => m.Version == key)
            ?? throw new ArgumentException($"There is no ferroptosis model version '{version}'. Versions: {string.Join(", ", All.Select(m => m.Version))} (default {Default.Version}).", nameof(version));
    }

    private static readonly HashSet<string> NotKinetic = new(StringComparer.Ordinal)
    {
        "erastin", "rsl3", "ml162", "fer1", "lip1", "vitE", "dfo", "hemin", "znpp", "snpp", "sfn", "tbhq", "dmf", "mel", "ml385", "fac", "ros_x", "HO_OE", "HO_tg", "rankl",
        "c_TfR", "c_NCOA4", "c_ROS", "c_Nsyn", "c_ARE", "c_HO", "A_JUN", "c_Hrel", "c_XCT", "c_GPX4", "TfSat", "PUFA", "c_FT", "c_ALAS", "c_Hexp", "model_version", "DMFT", "cell",
    };

    private IReadOnlyList<string> FindKineticConstants()
    {
        var derived = Network.InitialAssignments.Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);
        return [.. Network.Parameters.Where(p => !NotKinetic.Contains(p.Id) && !derived.Contains(p.Id) && !p.Id.StartsWith("n_", StringComparison.Ordinal) && p.Value > 0).Select(p => p.Id)];
    }

    private string ComputeFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (string file in Files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n" + ReadFile(file).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Reads an embedded file of this version (e.g. "ferroptosis.ant", "osteoclast.ant").</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>Its text.</returns>
    /// <exception cref="ArgumentException">This version has no such file; the message lists its files.</exception>
    public string ReadFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var stream = typeof(FerroptosisModel).Assembly.GetManifestResourceStream(_resourcePrefix + fileName)
            ?? throw new ArgumentException($"The {this} has no embedded file '{fileName}'. Files: {string.Join(", ", Files)}.", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Gets the network of one cell type: the base model with the cell's parameter set of this version applied, with the id <c>ferroptosis_v&lt;N&gt;_&lt;cell&gt;</c> (e.g. <c>ferroptosis_v2_osteoclast</c>, for an SBML export that opens in COPASI or Tellurium).</summary>
    /// <param name="cell">The cell type.</param>
    /// <returns>A validated network; its initial values are the reference vector of specification §9, not the cell's resting state.</returns>
    /// <exception cref="ArgumentException">The cell type does not exist in this version (<see cref="BoneCell.OsteoclastPrecursor"/> in v1).</exception>
    /// <example>
    /// <code>
    /// SbmlWriter.WriteFile(FerroptosisModel.Default.NetworkFor(BoneCell.Osteoclast), "ferroptosis-osteoclast.xml");
    /// </code>
    /// </example>
    public ReactionNetwork NetworkFor(BoneCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var n = Network.WithValues(cell.ParametersIn(this));
        return new ReactionNetwork(
            $"{Network.Id}_{Folder}_{cell.Name.Replace('-', '_')}", n.Compartments, n.Species, n.Parameters, n.Reactions, n.AssignmentRules, n.RateRules, n.InitialAssignments, n.Functions, n.Events, n.ConversionFactor);
    }

    /// <summary>Reads a parameter-set file (assignments only) of this version into a dictionary.</summary>
    /// <param name="fileName">The embedded file name, e.g. "osteoclast.ant".</param>
    /// <returns>The values by parameter id.</returns>
    /// <exception cref="ArgumentException">This version has no such file.</exception>
    public IReadOnlyDictionary<string, double> ReadParameterSet(string fileName) => AntimonyReader.ReadParameterSet(ReadFile(fileName), fileName);

    /// <summary>Computes (or returns the cached) resting state of a cell with the given baseline parameter values: the drug-free model integrated to steady state (specification §9), with the surviving fraction set to 1.</summary>
    /// <param name="baseline">Absolute parameter values of the cell (cell type and genetic changes).</param>
    /// <returns>A copy of the resting state vector, ordered as <see cref="CompiledModel.StateIds"/> of <see cref="Compiled"/>.</returns>
    /// <exception cref="InvalidOperationException">The cell does not come to rest: it has no steady state (in v1 an osteocyte with FTH1 at 55 % or less, or NCOA4 over-expressed 5-fold or more, oscillates), or the integration failed. The message says which rate stays non-zero.</exception>
    public double[] RestingState(IReadOnlyDictionary<string, double> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return (double[])StoredRestingState(baseline).Clone();
    }

    /// <summary>The cached resting state itself (not a copy): the caller must not write to it.</summary>
    internal double[] StoredRestingState(IReadOnlyDictionary<string, double> baseline) =>
        _restingStates.GetOrAdd(Key(baseline), _ => ComputeRestingState(baseline));

    /// <inheritdoc/>
    public override string ToString() => $"ferroptosis model {Folder}";

    /// <summary>Gets every reported quantity (species and assigned values such as ROS, h, LIP_fold) at the resting state of a cell, by name.</summary>
    /// <param name="baseline">Absolute parameter values of the cell (cell type and genetic changes).</param>
    /// <returns>The resting values, cached.</returns>
    internal IReadOnlyDictionary<string, double> RestingQuantities(IReadOnlyDictionary<string, double> baseline) =>
        _restingValues.GetOrAdd(Key(baseline), _ =>
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

    /// <summary>The parameter set of a cell type in this version, read once.</summary>
    /// <exception cref="ArgumentException">The cell type has no parameter set in this version; the message names the first version that has one.</exception>
    internal IReadOnlyDictionary<string, double> ParametersOf(BoneCell cell)
    {
        if (!Files.Contains(cell.ParameterFile, StringComparer.Ordinal))
        {
            var first = All.FirstOrDefault(m => m.Files.Contains(cell.ParameterFile, StringComparer.Ordinal));
            throw new ArgumentException(
                first is null
                    ? $"The cell type '{cell.Name}' has no parameter set ({cell.ParameterFile}) in any embedded ferroptosis model."
                    : $"The cell type '{cell.Name}' exists from model {first.Folder} on; the {this} has no parameter set {cell.ParameterFile}. Run it with model {first.Folder} or later (CellSimulationOptions.Model = FerroptosisModel.Version{first.Version}; the default is {Default.Folder}), or choose a cell type of {Folder}: {string.Join(", ", CellTypes.Select(c => c.Name))}.",
                nameof(cell));
        }

        return _parameterSets.GetOrAdd(cell.ParameterFile, ReadParameterSet);
    }

    private static string Key(IReadOnlyDictionary<string, double> baseline) => baseline.Count == 0 ? string.Empty :
        string.Join(';', baseline.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:R}")));

    private ReactionNetwork LoadNetwork()
    {
        var network = AntimonyReader.Read(ReadFile(BaseFile), BaseFile);
        var declared = network.Parameters.FirstOrDefault(p => p.Id == VersionParameter);
        if (declared is not null && declared.Value.ToString(CultureInfo.InvariantCulture) != Version)
        {
            // A file dropped into the wrong folder would silently give results labelled with the wrong version.
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The embedded {BaseFile} of {this} declares {VersionParameter} = {declared.Value:G}; it belongs in models/ferroptosis/v{declared.Value:G}/."));
        }

        return network;
    }

    private double[] ComputeRestingState(IReadOnlyDictionary<string, double> baseline)
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
                throw new InvalidOperationException($"The resting state could not be computed ({this}): {solution.Message}");
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
            $"The cell ({cell}) does not come to rest in the {this}: after 30,000 h drug-free, d{model.StateIds[worst]}/dt is still {derivative[worst]:G3} (a resting state needs every |dy/dt| < 1e-9). This cell type and genetic background may have no steady state, e.g. a sustained oscillation (Known limitations in the README of models/ferroptosis/{Folder}/)."));
    }
}
