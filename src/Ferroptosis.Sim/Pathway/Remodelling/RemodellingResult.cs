using System.Globalization;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>A bone-remodelling trajectory: osteoclasts, osteoblasts, bone mass (% of baseline) and viable osteocytes over time, with the extra death rates that drove it.</summary>
/// <remarks>
/// Times are days after the condition starts (a <see cref="TimeSpan"/> going in, <see cref="TimesDays"/> and the <c>…Days</c> members as numbers of days); the run starts at the healthy steady state (x̄1 = 1.0607, x̄2 = 212.13
/// cells per BMU, z = 100 %, V = 1). Bone mass is the coupled model's z, which is the percentage of the baseline
/// bone mass; it is not bounded below (the balanced bone equation is linear), so very large death rates over years
/// can drive it past 0 — read such runs as "all bone lost". Immutable.
/// </remarks>
public sealed class RemodellingResult
{
    private readonly SimulationResult? _result;

    internal RemodellingResult(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, RemodellingOptions options, double osteoclastRecruitment, IReadOnlyList<DeathRateInterval> schedule, SimulationResult? result, SolverStatus status, string? message)
    {
        Scenario = scenario;
        Interventions = interventions;
        Options = options;
        OsteoclastRecruitment = osteoclastRecruitment;
        DeathRateSchedule = schedule;
        _result = result;
        Status = status;
        Message = message;
        DeathRates = TimeAverage(schedule);
    }

    /// <summary>Gets the disease scenario, or null for healthy bone (or for rates given directly).</summary>
    public DiseaseScenario? Scenario { get; }

    /// <summary>Gets the interventions (acting in the cell model).</summary>
    public IReadOnlyList<Perturbation> Interventions { get; }

    /// <summary>Gets the options used.</summary>
    public RemodellingOptions Options { get; }

    /// <summary>Gets the version of the ferroptosis model whose hazards set the death rates (<see cref="CellSimulationOptions.Model"/> of <see cref="RemodellingOptions.CellOptions"/>, or the default).</summary>
    public FerroptosisModel CellModel => Options.CellOptions.Model ?? FerroptosisModel.Default;

    /// <summary>Gets the factor fα1 on osteoclast recruitment used.</summary>
    public double OsteoclastRecruitment { get; }

    /// <summary>Gets the extra death rates: constant for a quasi-steady run, the time-weighted mean of <see cref="DeathRateSchedule"/> for a multi-rate run; with the mean hazards they came from.</summary>
    public DeathRates DeathRates { get; }

    /// <summary>Gets the extra death rates in force over each interval of the run (one interval for a quasi-steady run).</summary>
    public IReadOnlyList<DeathRateInterval> DeathRateSchedule { get; }

    /// <summary>Gets the underlying population-model result (columns x1, x2, z, V and the model's other quantities), or null if the cell model failed.</summary>
    public SimulationResult? Result => _result;

    /// <summary>Gets the integration status (of the cell model if it failed, else of the population model).</summary>
    public SolverStatus Status { get; }

    /// <summary>Gets a value indicating whether the run reached its end.</summary>
    public bool IsSuccess => Status is SolverStatus.Success or SolverStatus.TerminatedByEvent;

    /// <summary>Gets the failure description, or null.</summary>
    public string? Message { get; }

    /// <summary>Gets the reported times in days.</summary>
    public ReadOnlySpan<double> TimesDays => _result is null ? [] : _result.Times;

    /// <summary>Gets the osteoclasts per BMU (x1) at each reported time.</summary>
    public double[] Osteoclasts => Column("x1");

    /// <summary>Gets the osteoblasts per BMU (x2) at each reported time.</summary>
    public double[] Osteoblasts => Column("x2");

    /// <summary>Gets the bone mass in % of baseline (z) at each reported time.</summary>
    public double[] BoneMass => Column("z");

    /// <summary>Gets the viable osteocyte fraction (V) at each reported time.</summary>
    public double[] ViableOsteocytes => Column("V");

    /// <summary>Gets the bone mass (% of baseline) at a time after the condition starts, linearly interpolated between reported times.</summary>
    /// <param name="time">The time, within the run.</param>
    /// <returns>The bone mass.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the run.</exception>
    public double BoneMassAt(TimeSpan time) => BoneMassAtDays(time.TotalDays);

    /// <summary>Gets the bone mass (% of baseline) at a time given in days, as <see cref="BoneMassAt(TimeSpan)"/> (for times read off <see cref="TimesDays"/>).</summary>
    /// <param name="days">The time in days, within the run.</param>
    /// <returns>The bone mass.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN or outside the run.</exception>
    public double BoneMassAtDays(double days) => ValueAtDays("z", days);

    /// <summary>Gets a quantity of the population model (x1, x2, z, V) at a time after the condition starts, linearly interpolated between reported times.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="time">The time, within the run.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double ValueAt(string name, TimeSpan time) => ValueAtDays(name, time.TotalDays);

    /// <summary>Gets a quantity of the population model (x1, x2, z, V) at a time given in days, as <see cref="ValueAt(string, TimeSpan)"/>.</summary>
    /// <param name="name">The quantity.</param>
    /// <param name="days">The time in days, within the run.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN or outside the run.</exception>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public double ValueAtDays(string name, double days)
    {
        var times = TimesDays;
        if (times.Length == 0 || double.IsNaN(days) || days < times[0] || days > times[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, string.Create(CultureInfo.InvariantCulture, $"The run covers {(times.Length > 0 ? times[0] : 0):G4}–{(times.Length > 0 ? times[^1] : 0):G4} days."));
        }

        var column = Column(name);
        int k = times.BinarySearch(days);
        if (k >= 0)
        {
            return column[k];
        }

        int hi = ~k, lo = hi - 1;
        double w = (days - times[lo]) / (times[hi] - times[lo]);
        return ((1 - w) * column[lo]) + (w * column[hi]);
    }

    /// <summary>Gets the extra death rates in force at a time after the condition starts.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The rates of the interval holding it (the last interval for its end point).</returns>
    public DeathRates DeathRatesAt(TimeSpan time) => DeathRatesAtDays(time.TotalDays);

    /// <summary>Gets the extra death rates in force at a time given in days, as <see cref="DeathRatesAt(TimeSpan)"/>.</summary>
    /// <param name="days">The time in days.</param>
    /// <returns>The rates of the interval holding it (the last interval for its end point).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is NaN.</exception>
    public DeathRates DeathRatesAtDays(double days)
    {
        if (double.IsNaN(days))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The time is NaN.");
        }

        foreach (var interval in DeathRateSchedule)
        {
            if (days < interval.EndDays)
            {
                return interval.Rates;
            }
        }

        return DeathRateSchedule.Count > 0 ? DeathRateSchedule[^1].Rates : DeathRates.None;
    }

    /// <summary>Writes CSV: <c>time_d, osteoclasts, osteoblasts, bone_mass_percent, viable_osteocytes, delta_OB_per_d, delta_OC_per_d, delta_OCY_per_d</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine("time_d,osteoclasts,osteoblasts,bone_mass_percent,viable_osteocytes,delta_OB_per_d,delta_OC_per_d,delta_OCY_per_d");
        var times = TimesDays;
        double[] x1 = Osteoclasts, x2 = Osteoblasts, z = BoneMass, v = ViableOsteocytes;
        for (int k = 0; k < times.Length; k++)
        {
            var rates = DeathRatesAtDays(times[k]);
            writer.WriteLine(string.Join(',', new[] { times[k], x1[k], x2[k], z[k], v[k], rates.Osteoblast, rates.Osteoclast, rates.Osteocyte }.Select(x => x.ToString("R", c))));
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string condition = (Scenario?.Name ?? "healthy") + (Interventions.Count == 0 ? "" : " + " + string.Join(" + ", Interventions));
        var times = TimesDays;
        return IsSuccess && times.Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{condition}: bone mass {BoneMass[^1]:F1} % of baseline at {times[^1]:G4} d ({DeathRates})")
            : $"{condition}: {Status} ({Message})";
    }

    private double[] Column(string name) => _result is null ? [] : _result.GetColumn(name);

    private static DeathRates TimeAverage(IReadOnlyList<DeathRateInterval> schedule)
    {
        if (schedule.Count == 1)
        {
            return schedule[0].Rates;
        }

        double total = schedule.Sum(i => i.EndDays - i.StartDays);
        if (!(total > 0))
        {
            return DeathRates.None;
        }

        double Mean(Func<DeathRates, double> value) => schedule.Sum(i => (i.EndDays - i.StartDays) * value(i.Rates)) / total;
        var first = schedule[0].Rates.Hazards;
        var hazards = first.Select((h, k) => h with { Condition = schedule.Sum(i => (i.EndDays - i.StartDays) * i.Rates.Hazards[k].Condition) / total }).ToList();
        return new DeathRates(Mean(r => r.Osteoblast), Mean(r => r.Osteoclast), Mean(r => r.Osteocyte)) { Hazards = hazards };
    }
}
