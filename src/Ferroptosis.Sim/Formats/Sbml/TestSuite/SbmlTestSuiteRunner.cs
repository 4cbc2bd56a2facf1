using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>Runs cases of the SBML Test Suite (semantic, time-course) and checks them with the suite's pass rule.</summary>
/// <remarks>
/// <para>
/// A case folder <c>NNNNN/</c> holds <c>NNNNN-sbml-l3v2.xml</c> (and/or other levels), <c>NNNNN-settings.txt</c> and
/// <c>NNNNN-results.csv</c>. A run reads the model, simulates it from t = 0 to start + duration, reports the
/// settings' variables at start + k·duration/steps (species as amounts or concentrations as the settings say, other
/// ids by value) and compares every value with the expected one: |expected − actual| ≤ absolute + relative·|expected|,
/// NaN matching only NaN and an infinity only the same infinity. The case's tolerances are never loosened; the solver
/// runs at rtol = min(1e-8, relative/100) and atol = min(1e-12, absolute/100), so that integration error stays far
/// below them, with steps no longer than the output interval.
/// </para>
/// <para>Thread-safe: cases share nothing, and <see cref="RunSuite"/> runs them in parallel.</para>
/// </remarks>
public sealed class SbmlTestSuiteRunner
{
    /// <summary>Initialises a runner.</summary>
    /// <param name="solver">The solver, or null for <see cref="DefaultSolver"/>.</param>
    public SbmlTestSuiteRunner(IOdeSolver? solver = null)
    {
        Solver = solver ?? DefaultSolver;
    }

    /// <summary>Gets the best solver in the catalogue for the suite: the automatic solver when there is one, else Dormand–Prince 5(4).</summary>
    public static IOdeSolver DefaultSolver =>
        OdeSolvers.All.FirstOrDefault(s => s.Name == "Auto") ?? OdeSolvers.DormandPrince5;

    /// <summary>Gets the solver used for every case.</summary>
    public IOdeSolver Solver { get; }

    /// <summary>Gets the solver tolerances for a case: rtol = min(1e-8, relative/100), atol = min(1e-12, absolute/100).</summary>
    /// <param name="settings">The case's settings.</param>
    /// <returns>The relative and absolute tolerance.</returns>
    public static (double Relative, double Absolute) SolverTolerances(SbmlTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (Math.Max(1e-14, Math.Min(1e-8, settings.Relative / 100)), Math.Min(1e-12, settings.Absolute / 100));
    }

    /// <summary>Lists the case folders (five-digit names) of a suite folder: <paramref name="folder"/>/cases when it exists, else <paramref name="folder"/> itself.</summary>
    /// <param name="folder">The suite folder.</param>
    /// <returns>The case folders, in case order.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> FindCaseFolders(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string cases = Path.Combine(folder, "cases");
        string root = Directory.Exists(cases) ? cases : folder;
        return [.. Directory.GetDirectories(root)
            .Where(d => Path.GetFileName(d) is { Length: 5 } name && name.All(char.IsAsciiDigit))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Finds the SBML file of a case at a level, or null.</summary>
    /// <param name="caseFolder">The case folder.</param>
    /// <param name="level">The level.</param>
    /// <returns>The path, or null when the case has no file at that level.</returns>
    public static string? ModelFile(string caseFolder, SbmlTestLevel level)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseFolder);
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(caseFolder));
        string File(string suffix) => Path.Combine(caseFolder, $"{id}-sbml-{suffix}.xml");
        string[] candidates = level switch
        {
            SbmlTestLevel.L3V2 => [File("l3v2"), File("l3v1")],
            SbmlTestLevel.L3V1 => [File("l3v1")],
            SbmlTestLevel.Any => [File("l3v2"), File("l3v1"), File("l2v4")],
            _ => [File("l2v4")],
        };
        return candidates.FirstOrDefault(System.IO.File.Exists);
    }

    /// <summary>Counts passes, skips and cases per stage (from the suite's catalogue); every result counts, a skipped case (no model file at the level) as not passed.</summary>
    /// <param name="results">The results.</param>
    /// <param name="catalog">The catalogue (<see cref="SbmlTestCaseInfo.ReadCatalog"/>); cases not in it count under "?".</param>
    /// <returns>Stage, passed, skipped and total counts, in stage order.</returns>
    public static IReadOnlyList<(string Stage, int Passed, int Skipped, int Total)> CountByStage(IEnumerable<SbmlTestCaseResult> results, IReadOnlyDictionary<string, SbmlTestCaseInfo> catalog)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. results
            .GroupBy(r => catalog.TryGetValue(r.CaseId, out var info) ? info.Stage : "?")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(r => r.Passed), g.Count(r => r.Outcome == SbmlTestOutcome.NoModelFile), g.Count()))];
    }

    /// <summary>Runs every case of a suite folder, in parallel.</summary>
    /// <param name="folder">The suite folder (see <see cref="FindCaseFolders"/>).</param>
    /// <param name="level">Which SBML file of each case to run.</param>
    /// <param name="maxParallelism">The number of cases run at once (default: the processor count).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One result per case folder, in case order; a case without a file at the level has outcome <see cref="SbmlTestOutcome.NoModelFile"/> and a message naming the files it has.</returns>
    public IReadOnlyList<SbmlTestCaseResult> RunSuite(string folder, SbmlTestLevel level = SbmlTestLevel.L3V2, int maxParallelism = 0, CancellationToken cancellationToken = default)
    {
        var folders = FindCaseFolders(folder);
        var results = new SbmlTestCaseResult[folders.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, folders.Count, options, i => results[i] = RunCase(folders[i], level, cancellationToken));
        return results;
    }

    /// <summary>Runs one case.</summary>
    /// <param name="caseFolder">The case folder <c>…/NNNNN</c>.</param>
    /// <param name="level">Which SBML file to run.</param>
    /// <param name="cancellationToken">Cancels the simulation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="IOException">The case's files cannot be read.</exception>
    public SbmlTestCaseResult RunCase(string caseFolder, SbmlTestLevel level = SbmlTestLevel.L3V2, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseFolder);
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(caseFolder));
        string? file = ModelFile(caseFolder, level);
        if (file is null)
        {
            return new SbmlTestCaseResult(id, SbmlTestOutcome.NoModelFile, Message: MissingFileReason(caseFolder, id, level));
        }

        string fileName = Path.GetFileName(file);
        SbmlDocument document;
        try
        {
            document = SbmlReader.ReadFile(file);
        }
        catch (SbmlFormatException e) when (e.IsUnsupportedFeature)
        {
            return new SbmlTestCaseResult(id, SbmlTestOutcome.Refused, fileName, RefusalReason(e.UnsupportedFeature, e.Message));
        }
        catch (SbmlFormatException e)
        {
            return new SbmlTestCaseResult(id, SbmlTestOutcome.LoadError, fileName, e.Message);
        }

        return RunDocument(caseFolder, document, fileName, cancellationToken);
    }

    /// <summary>Runs a case with a model read elsewhere (e.g. a written and re-read copy of the case's model).</summary>
    /// <param name="caseFolder">The case folder with the settings and expected results.</param>
    /// <param name="document">The model.</param>
    /// <param name="modelFile">The name to report as the model file, or null.</param>
    /// <param name="cancellationToken">Cancels the simulation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="IOException">The case's files cannot be read.</exception>
    public SbmlTestCaseResult RunDocument(string caseFolder, SbmlDocument document, string? modelFile = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseFolder);
        ArgumentNullException.ThrowIfNull(document);
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(caseFolder));
        string? fileName = modelFile;
        try
        {
            var settings = SbmlTestSettings.ReadFile(Path.Combine(caseFolder, $"{id}-settings.txt"));
            var expected = SbmlTestResultsTable.ReadFile(Path.Combine(caseFolder, $"{id}-results.csv"));
            var simulated = Simulate(document, settings, cancellationToken);
            if (!simulated.IsSuccess && DegenerateFastEquilibrium(document, simulated) is { } reason)
            {
                return new SbmlTestCaseResult(id, SbmlTestOutcome.Refused, fileName, RefusalReason("fast reaction", reason));
            }

            return simulated.IsSuccess
                ? Compare(id, fileName, document, settings, expected, simulated)
                : new SbmlTestCaseResult(id, SbmlTestOutcome.SimulationError, fileName, $"{simulated.Status}: {simulated.Message}");
        }
        catch (NotSupportedException e)
        {
            // The model layer refuses semantics it cannot simulate exactly (e.g. rateOf of a rule-defined variable).
            return new SbmlTestCaseResult(id, SbmlTestOutcome.Refused, fileName, RefusalReason(null, e.Message));
        }
        catch (Exception e) when (e is ModelValidationException or ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return new SbmlTestCaseResult(id, SbmlTestOutcome.SimulationError, fileName, e.Message);
        }
    }

    /// <summary>Simulates a document as a case's settings ask.</summary>
    /// <param name="document">The model.</param>
    /// <param name="settings">The case settings.</param>
    /// <param name="cancellationToken">Cancels the simulation.</param>
    /// <returns>The result, one column per variable (named by network id).</returns>
    public SimulationResult Simulate(SbmlDocument document, SbmlTestSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var network = document.Network;
        var model = ModelCompiler.Compile(network);
        var (rtol, atol) = SolverTolerances(settings);
        var outputs = settings.Variables.Select(document.NetworkId).ToList();
        var amounts = settings.Amount
            .Select(document.NetworkId)
            .Where(v => network.KindOf(v) == SymbolKind.Species)
            .ToHashSet(StringComparer.Ordinal);
        var times = settings.OutputTimes();

        // SBML models start at t = 0; the output interval may start later.
        return Simulator.Simulate(
            model,
            new SimulationSettings
            {
                StartTime = Math.Min(0, times[0]),
                EndTime = times[^1],
                OutputTimes = times,
                Solver = Solver,
                RelativeTolerance = rtol,
                AbsoluteTolerance = atol,
                // Steps no longer than the output interval, so that event functions of models with few or no states
                // (whose error estimate allows huge steps) are sampled finely enough to see every sign change.
                MaxStep = settings.Duration / settings.Steps,
                Outputs = outputs,
                OutputAmounts = amounts,
            },
            cancellationToken);
    }

    /// <summary>Says which files a level looks for and which SBML files the case has instead.</summary>
    private static string MissingFileReason(string caseFolder, string id, SbmlTestLevel level)
    {
        string wanted = level switch
        {
            SbmlTestLevel.L3V2 => "no l3v2 or l3v1 file",
            SbmlTestLevel.L3V1 => "no l3v1 file",
            SbmlTestLevel.Any => "no l3v2, l3v1 or l2v4 file",
            _ => "no l2v4 file",
        };
        var present = Directory.Exists(caseFolder)
            ? Directory.GetFiles(caseFolder, id + "-sbml-*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return present.Count == 0 ? $"{wanted}; the case has no SBML file" : $"{wanted}; the case has {string.Join(", ", present)}";
    }

    /// <summary>
    /// Why a model with fast reactions could not be run, when the reason is that its equilibrium is not determined: the
    /// rapid-equilibrium system is solved as an index-1 differential–algebraic system, which needs the fast rates to
    /// fix the state they hold at zero. A singular equilibrium at the start or after an event (a rate identically zero,
    /// or several equilibria meeting at the given state), or one that degenerates on the way (step size collapse), is
    /// outside that subset; the case is refused with the solver's message rather than answered. Null otherwise.
    /// </summary>
    private static string? DegenerateFastEquilibrium(SbmlDocument document, SimulationResult simulated)
    {
        if (!document.Network.Reactions.Any(r => r.IsFast))
        {
            return null;
        }

        bool singularStart = simulated.Status == SolverStatus.ConvergenceFailure && simulated.Message?.StartsWith("No consistent initial values", StringComparison.Ordinal) == true;
        return singularStart || simulated.Status == SolverStatus.StepSizeTooSmall
            ? $"the fast reactions do not determine a unique equilibrium (supported: fast subsystems whose equilibrium is isolated and non-singular throughout); {simulated.Status}: {simulated.Message}"
            : null;
    }

    /// <summary>The message of a refused case: <c>unsupported: FEATURE: why</c>.</summary>
    private static string RefusalReason(string? feature, string message) =>
        feature is null ? $"unsupported: {message}" : $"unsupported: {feature}: {message}";

    private static SbmlTestCaseResult Compare(string id, string? file, SbmlDocument document, SbmlTestSettings settings, SbmlTestResultsTable expected, SimulationResult simulated)
    {
        var times = settings.OutputTimes();
        if (expected.Rows.Length != times.Count || simulated.Count != times.Count)
        {
            return new SbmlTestCaseResult(id, SbmlTestOutcome.SimulationError, file, $"Expected {times.Count} output rows; the results file has {expected.Rows.Length} and the simulation {simulated.Count}.");
        }

        var columns = expected.Columns.Select(c => simulated.GetColumn(document.NetworkId(c))).ToArray();
        for (int k = 0; k < times.Count; k++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                double want = expected.Rows[k][c + 1];
                double got = columns[c][k];
                if (!SbmlTestResultsTable.Matches(want, got, settings.Absolute, settings.Relative))
                {
                    return new SbmlTestCaseResult(id, SbmlTestOutcome.Failed, file, null, expected.Columns[c], times[k], want, got);
                }
            }
        }

        return new SbmlTestCaseResult(id, SbmlTestOutcome.Passed, file);
    }
}
