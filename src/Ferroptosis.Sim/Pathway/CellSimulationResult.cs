using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway;

/// <summary>The time course of one simulated cell culture, with the read-outs bone researchers ask for.</summary>
/// <remarks>
/// <para>
/// Times are hours after the start of the exposure (negative during a pre-treatment). Quantities are
/// named as in the model (species such as <c>LIP</c> µM, <c>LPO</c> n.u., <c>GSH</c> mM, <c>GPX4</c>,
/// <c>HO1</c>, <c>mHO1</c>, <c>NRF2</c> n.u.; assigned values such as <c>ROS</c>, the death hazard
/// <c>h</c> (1/h) and <c>LIP_fold</c> = LIP/L0); <see cref="SurvivingFraction"/> is the model's <c>S</c>.
/// Units are listed in the README of the model version (<c>models/ferroptosis/v1/README.md</c>).
/// </para>
/// <para>
/// The result records the model version that produced it (<see cref="Model"/>, <see cref="ModelVersion"/>); its CSV
/// (<see cref="WriteCsv(TextWriter)"/>) starts with the comment line <c># Ferroptosis.Sim ferroptosis model v2 (files 3f9c0a1b2d4e)</c> (<see cref="FerroptosisModel.Fingerprint"/>).
/// </para>
/// <para>
/// Fold changes (<see cref="FoldChange"/>, <see cref="FoldAt"/>) are relative to the resting value of the
/// same cell (its cell type and genetic changes), as the specification's read-outs are. Peaks and first
/// crossings look at the exposure only (t ≥ 0) and are read off the reported time points (spacing
/// <see cref="CellSimulationOptions.OutputIntervalHours"/>), interpolating linearly between them.
/// </para>
/// <para>
/// Time, as everywhere in the pathway API: a time that goes in is a <see cref="TimeSpan"/> (<see cref="SurvivalAt(TimeSpan)"/>,
/// as <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/> takes
/// its duration); a time that is a number carries its unit in its name, going in (<see cref="SurvivalAtHours"/>, for times
/// read off <see cref="TimesHours"/>) and coming out (<see cref="TimesHours"/>, <see cref="TimeTo50PercentDeathHours"/>,
/// <see cref="FirstTimeAboveHours"/>), as in the CSV's <c>time_h</c> column.
/// </para>
/// <para>
/// Cost: a run records only the surviving fraction, which survival, t50 and the summary line read. The first read of any
/// other quantity (<see cref="Quantity"/>, <see cref="ValueAt"/>, the CSV, <see cref="Result"/>'s columns) runs the same
/// simulation again, recording its states, and computes the quantity from them (the same bits as recording it during the
/// run); later reads use those states. A caller that reads several quantities pays one more run, once per result,
/// unless it sets <see cref="CellSimulationOptions.RecordAllQuantities"/>, which records every state during the run.
/// </para>
/// <para>Immutable (thread-safe; the second run happens once, whichever thread reads first).</para>
/// </remarks>
public sealed partial class CellSimulationResult
{
    private readonly IReadOnlyDictionary<string, double> _resting;

    internal CellSimulationResult(FerroptosisModel model, BoneCell cell, DiseaseScenario? scenario, IReadOnlyList<Perturbation> perturbations, SimulationResult result, IReadOnlyDictionary<string, double> resting)
    {
        Model = model;
        Cell = cell;
        Scenario = scenario;
        Perturbations = perturbations;
        Result = result;
        _resting = resting;
        TimeTo50PercentDeathHours = result.Crossings.FirstOrDefault(c => c.Quantity == "S" && c.Time >= 0)?.Time;
    }

    /// <summary>Gets the version of the ferroptosis model that produced this result.</summary>
    public FerroptosisModel Model { get; }

    /// <summary>Gets the version of the ferroptosis model that produced this result, e.g. "2" (<see cref="FerroptosisModel.Version"/>).</summary>
    public string ModelVersion => Model.Version;

    /// <summary>Gets the cell type.</summary>
    public BoneCell Cell { get; }

    /// <summary>Gets the disease scenario, or null.</summary>
    public DiseaseScenario? Scenario { get; }

    /// <summary>Gets the perturbations applied.</summary>
    public IReadOnlyList<Perturbation> Perturbations { get; }

    /// <summary>Gets the parameter values set directly for the run (<see cref="CellSimulationOptions.Parameters"/>, expert use), by id; empty if none. They are part of the condition: a run with <c>ros_x</c> = 1.2 is not untreated.</summary>
    public IReadOnlyDictionary<string, double> ParameterValues { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets the underlying model-level result (all columns, statistics).</summary>
    public SimulationResult Result { get; }

    /// <summary>Gets a value indicating whether the simulation reached its end.</summary>
    public bool IsSuccess => Result.IsSuccess;

    /// <summary>Gets the integration status.</summary>
    public SolverStatus Status => Result.Status;

    /// <summary>Gets the failure description, or null.</summary>
    public string? Message => Result.Message;

    /// <summary>Gets the reported times in hours.</summary>
    public ReadOnlySpan<double> TimesHours => Result.Times;

    /// <summary>Gets the surviving fraction of the culture at each reported time.</summary>
    public double[] SurvivingFraction => Result.GetColumn("S");

    /// <summary>Gets the first time (h, from the start of the exposure) the surviving fraction falls below 0.5, located by root finding; null if it does not within the run.</summary>
    public double? TimeTo50PercentDeathHours { get; }

    /// <summary>Gets the names of the reported quantities.</summary>
    public IReadOnlyList<string> Quantities => Result.Names;

    /// <summary>Gets one quantity over time.</summary>
    /// <param name="name">A model species or assigned quantity (e.g. "LIP", "LPO", "GSH", "ROS", "h"); "surviving_fraction" is S.</param>
    /// <returns>Its values at <see cref="TimesHours"/>.</returns>
    /// <exception cref="ArgumentException">No quantity has that name; the message suggests the closest names (ids are case-sensitive) and lists them all.</exception>
    public double[] Quantity(string name) => Result.GetColumn(Resolve(name));

    /// <summary>Gets the surviving fraction at a time given in hours, linearly interpolated between reported times (exact at reported times), as <see cref="SurvivalAt(TimeSpan)"/>.</summary>
    /// <param name="hours">The time in hours, within the run.</param>
    /// <returns>The surviving fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN or outside the run.</exception>
    public double SurvivalAtHours(double hours) => ValueAtHours("S", hours);

    /// <summary>Gets the surviving fraction at a time after the start of the exposure (the type <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/> takes), linearly interpolated between reported times.</summary>
    /// <param name="time">The time, within the run (negative during a pre-treatment).</param>
    /// <returns>The surviving fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the run.</exception>
    public double SurvivalAt(TimeSpan time) => ValueAtHours("S", time.TotalHours);

    /// <summary>Gets a quantity at a time after the start of the exposure, linearly interpolated between reported times.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="time">The time, within the run.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double ValueAt(string name, TimeSpan time) => ValueAtHours(name, time.TotalHours);

    /// <summary>Gets a quantity at a time given in hours, linearly interpolated between reported times, as <see cref="ValueAt(string, TimeSpan)"/>.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="hours">The time in hours.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN or outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double ValueAtHours(string name, double hours)
    {
        var times = Result.Times;
        if (times.Length == 0 || double.IsNaN(hours) || hours < times[0] || hours > times[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, string.Create(CultureInfo.InvariantCulture, $"The run covers {(times.Length > 0 ? times[0] : 0):G4}–{(times.Length > 0 ? times[^1] : 0):G4} h."));
        }

        int k = times.BinarySearch<double, double>(hours);
        var column = Result.ColumnSpan(Resolve(name));
        if (k >= 0)
        {
            return column[k];
        }

        int hi = ~k;
        int lo = hi - 1;
        double w = (hours - times[lo]) / (times[hi] - times[lo]);
        return ((1 - w) * column[lo]) + (w * column[hi]);
    }

    /// <summary>Writes CSV: the comment line <c># Ferroptosis.Sim ferroptosis model vN (files FINGERPRINT)</c>, then <c>time_h</c>, every quantity named as in the model, and <c>surviving_fraction</c>.</summary>
    /// <param name="writer">The destination.</param>
    /// <remarks>Readers skip the first line as a comment (pandas <c>comment='#'</c>, R <c>comment.char = "#"</c>).</remarks>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteCsvHeader(writer);
        var columns = Result.Names.Select(Result.GetColumn).ToArray();
        var survival = SurvivingFraction;
        var times = Result.Times;
        for (int k = 0; k < times.Length; k++)
        {
            WriteCsvRow(writer, times[k], columns, survival, k);
        }
    }

    /// <summary>Writes the version line and the header line of the CSV.</summary>
    private void WriteCsvHeader(TextWriter writer)
    {
        WriteVersionLine(writer);
        writer.Write("time_h");
        foreach (string name in Result.Names)
        {
            writer.Write(',');
            writer.Write(name);
        }

        writer.WriteLine(",surviving_fraction");
    }

    /// <summary>Writes row <paramref name="k"/> of the CSV.</summary>
    private static void WriteCsvRow(TextWriter writer, double time, double[][] columns, double[] survival, int k)
    {
        var c = CultureInfo.InvariantCulture;
        writer.Write(time.ToString("R", c));
        foreach (var column in columns)
        {
            writer.Write(',');
            writer.Write(column[k].ToString("R", c));
        }

        writer.Write(',');
        writer.WriteLine(survival[k].ToString("R", c));
    }

    /// <summary>Writes the comment line that names the model version and the fingerprint of its files: <c># Ferroptosis.Sim ferroptosis model v2 (files 3f9c0a1b2d4e)</c>.</summary>
    private void WriteVersionLine(TextWriter writer) => writer.WriteLine($"# Ferroptosis.Sim {Model} (files {Model.Fingerprint})");

    /// <summary>Maps a read-out name to its column, or throws with suggestions.</summary>
    private string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "surviving_fraction")
        {
            return "S";
        }

        return Result.HasColumn(name) ? name : throw UnknownQuantity(name);
    }

    /// <summary>The exception for a read-out name that is not a column, with the closest names (a separate method, so that resolving a known name allocates nothing).</summary>
    private ArgumentException UnknownQuantity(string name)
    {
        var close = Result.Names.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToList();
        string hint = NameSuggestions.Hint(close.Count > 0 ? close : NameSuggestions.Closest(name, Result.Names));
        return new ArgumentException($"'{name}' is not a read-out of this simulation{(hint.Length == 0 ? "." : hint)} Read-outs: {string.Join(", ", Result.Names)}, surviving_fraction.", nameof(name));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cell}{(Scenario is null ? "" : " + " + Scenario)}{(Perturbations.Count == 0 ? "" : " + " + string.Join(" + ", Perturbations))}{string.Concat(ParameterValues.Select(p => $" + {p.Key} = {p.Value:G4}"))} (model {Model.Folder}): S(end) = {SurvivingFraction[^1]:F3}{(TimeTo50PercentDeathHours is double t ? $", t50 = {t:F1} h" : "")}");
}
