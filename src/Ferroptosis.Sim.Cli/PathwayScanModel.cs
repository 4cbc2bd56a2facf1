using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The built-in ferroptosis model as an <see cref="IResponseModel"/> for <see cref="ParameterScan"/>: inputs are the cell type (by index) and the scanned drug doses, exposures or parameters; the output is one read-out of the run.</summary>
/// <remarks>
/// Each evaluation is one <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/> from the cached resting state of the cell,
/// with the background perturbations plus the scanned ones. A read-out that is undefined for a successful run
/// (t50 when the culture never falls to 50 %) is NaN but not a failure; a run that fails numerically is.
/// Immutable and thread-safe (the pathway API is).
/// </remarks>
internal sealed class PathwayScanModel : IResponseModel
{
    private readonly IReadOnlyList<BoneCell> _cells;
    private readonly IReadOnlyList<ScanAxisSpec> _axes;
    private readonly PerturbationSpec.BuiltIn _background;
    private readonly ScanReadout _readout;
    private readonly TimeSpan _duration;
    private readonly CellSimulationOptions _options;

    /// <summary>Initialises the model.</summary>
    /// <param name="cells">The cell types, indexed by the first input.</param>
    /// <param name="axes">The scanned inputs, in input order after the cell type.</param>
    /// <param name="background">Perturbations and parameters applied at every point.</param>
    /// <param name="readout">The output.</param>
    /// <param name="duration">The length of each run.</param>
    /// <param name="options">Scenario, solver and tolerances.</param>
    public PathwayScanModel(IReadOnlyList<BoneCell> cells, IReadOnlyList<ScanAxisSpec> axes, PerturbationSpec.BuiltIn background, ScanReadout readout, TimeSpan duration, CellSimulationOptions options)
    {
        _cells = cells;
        _axes = axes;
        _background = background;
        _readout = readout;
        _duration = duration;
        _options = options;
        InputNames = [ScanPlan.CellAxis, .. axes.Select(a => a.Name)];
        OutputNames = [readout.Header];
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputNames { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputNames { get; }

    /// <inheritdoc/>
    public IResponseEvaluator CreateEvaluator(CancellationToken cancellationToken = default) => new Evaluator(this);

    private CellSimulationResult Run(ReadOnlySpan<double> inputs)
    {
        var perturbations = new List<Perturbation>(_background.Perturbations);
        var parameters = new Dictionary<string, double>(_background.Parameters, StringComparer.Ordinal);
        for (int a = 0; a < _axes.Count; a++)
        {
            double value = inputs[a + 1];
            if (_axes[a].Target!.Create(value) is { } perturbation)
            {
                perturbations.Add(perturbation);
            }
            else
            {
                parameters[_axes[a].Name] = value;
            }
        }

        // The read-out's quantity is recorded during the run (no second run to read it).
        return FerroptosisSimulation.Run(_cells[(int)inputs[0]], perturbations, _duration, _options with { Parameters = parameters }, [_readout.Quantity, "S"]);
    }

    private sealed class Evaluator(PathwayScanModel model) : IResponseEvaluator
    {
        public bool TryEvaluate(ReadOnlySpan<double> inputs, Span<double> outputs, out string? failure)
        {
            var result = model.Run(inputs);
            if (!result.IsSuccess)
            {
                outputs[0] = double.NaN;
                failure = $"{result.Status}: {result.Message}";
                return false;
            }

            outputs[0] = model._readout.Evaluate(result);
            failure = null;
            return true;
        }
    }
}
