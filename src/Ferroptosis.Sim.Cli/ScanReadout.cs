using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Cli;

/// <summary>What a scan reads from each run: <c>survival@24h</c>, <c>t50</c>, <c>LPO@12h</c>, <c>HO1:max</c>, <c>GSH:min</c>.</summary>
/// <remarks>
/// Times carry units for the built-in model (hours) and are plain numbers in the model's time unit for files.
/// <c>survival</c> is the surviving fraction, the quantity <c>S</c>; <c>t50</c> is the first time S falls below
/// 0.5 (located by root finding), NaN if it does not within the run. For the built-in model values between
/// reported times are interpolated linearly (the grid holds every whole quarter hour); for files they come
/// from the solver's dense output. Immutable.
/// </remarks>
internal sealed record ScanReadout
{
    private ScanReadout(string text, ReadoutKind kind, string quantity, double time, string timeUnit)
    {
        Text = text;
        Kind = kind;
        Quantity = quantity;
        Time = time;
        TimeUnit = timeUnit;
    }

    /// <summary>The kinds of read-out.</summary>
    public enum ReadoutKind
    {
        /// <summary>A quantity at a time.</summary>
        At,

        /// <summary>The time to 50 % death.</summary>
        HalfSurvivalTime,

        /// <summary>The largest value over the run.</summary>
        Maximum,

        /// <summary>The smallest value over the run.</summary>
        Minimum,
    }

    /// <summary>Gets the accepted forms with their meaning, for help and <c>list readouts</c>.</summary>
    public static IReadOnlyList<(string Form, string Meaning)> Forms { get; } =
    [
        ("survival@T", "surviving fraction at time T, e.g. survival@24h"),
        ("t50", "time to 50 % death (h); NaN if survival stays above 0.5"),
        ("NAME@T", "a model quantity at time T, e.g. LPO@12h, GSH@8h, LIP@24h"),
        ("NAME:max", "the largest value of a quantity over the run, e.g. HO1:max"),
        ("NAME:min", "the smallest value of a quantity over the run, e.g. GSH:min"),
    ];

    /// <summary>Gets the read-out as typed.</summary>
    public string Text { get; }

    /// <summary>Gets the kind.</summary>
    public ReadoutKind Kind { get; }

    /// <summary>Gets the model quantity read ("S" for survival and t50).</summary>
    public string Quantity { get; }

    /// <summary>Gets the time of an <see cref="ReadoutKind.At"/> read-out (hours for the built-in model), else NaN.</summary>
    public double Time { get; }

    /// <summary>Gets the unit of <see cref="Time"/>: "h" for the built-in model, empty for files (the model's own unit).</summary>
    public string TimeUnit { get; }

    /// <summary>Gets the CSV column name, e.g. "survival_at_24h", "t50_h", "HO1_max".</summary>
    public string Header => Kind switch
    {
        ReadoutKind.At => string.Create(CultureInfo.InvariantCulture, $"{(Quantity == "S" ? "survival" : Quantity)}_at_{Time:G6}{TimeUnit}"),
        ReadoutKind.HalfSurvivalTime => "t50",
        ReadoutKind.Maximum => $"{Quantity}_max",
        _ => $"{Quantity}_min",
    };

    /// <summary>Gets the axis or colour-bar title with unit, for figures.</summary>
    public AxisSpec Axis
    {
        get
        {
            if (Kind == ReadoutKind.HalfSurvivalTime)
            {
                return new AxisSpec("Time to 50 % death", TimeUnit.Length == 0 ? null : TimeUnit);
            }

            var quantity = PathwayQuantity.Describe(Quantity);
            string when = Kind switch
            {
                ReadoutKind.At => string.Create(CultureInfo.InvariantCulture, $" at {Time:G4}{(TimeUnit.Length == 0 ? "" : " " + TimeUnit)}"),
                ReadoutKind.Maximum => ", maximum",
                _ => ", minimum",
            };
            return new AxisSpec(quantity.Label + when, quantity.Unit);
        }
    }

    /// <summary>Parses a read-out.</summary>
    /// <param name="text">The text.</param>
    /// <param name="quantities">The model's reportable quantities (to check the name).</param>
    /// <param name="timesHaveUnits">True for the built-in model (times like 24h), false for files (plain numbers).</param>
    /// <returns>The read-out.</returns>
    /// <exception cref="CliException">Malformed, or names a quantity the model does not have.</exception>
    public static ScanReadout Parse(string text, IReadOnlyCollection<string> quantities, bool timesHaveUnits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quantities);
        string trimmed = text.Trim();
        string unit = timesHaveUnits ? "h" : string.Empty;
        if (string.Equals(trimmed, "t50", StringComparison.OrdinalIgnoreCase))
        {
            return new ScanReadout(trimmed, ReadoutKind.HalfSurvivalTime, Check("S", quantities, text), double.NaN, unit);
        }

        int at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            string when = trimmed[(at + 1)..];
            double time = timesHaveUnits ? Units.ParseHours(when, $"--readout '{text}'") : Units.ParseNumber(when, $"--readout '{text}'");
            return new ScanReadout(trimmed, ReadoutKind.At, Check(trimmed[..at], quantities, text), time, unit);
        }

        int colon = trimmed.LastIndexOf(':');
        if (colon > 0)
        {
            string which = trimmed[(colon + 1)..].ToLowerInvariant();
            var kind = which switch
            {
                "max" => ReadoutKind.Maximum,
                "min" => ReadoutKind.Minimum,
                _ => throw new CliException($"--readout '{text}': after ':' write max or min."),
            };
            return new ScanReadout(trimmed, kind, Check(trimmed[..colon], quantities, text), double.NaN, unit);
        }

        throw new CliException($"--readout '{text}': use one of {string.Join(", ", Forms.Select(f => f.Form))}.");
    }

    /// <summary>Reads the value from a run of the built-in model.</summary>
    /// <param name="result">The run.</param>
    /// <returns>The value.</returns>
    public double Evaluate(CellSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Kind switch
        {
            ReadoutKind.HalfSurvivalTime => result.TimeTo50PercentDeathHours ?? double.NaN,
            ReadoutKind.At => result.ValueAtHours(Quantity, Time),
            ReadoutKind.Maximum => result.Quantity(Quantity).Max(),
            _ => result.Quantity(Quantity).Min(),
        };
    }

    /// <summary>Gets the read-out for the analysis toolkit (model files): computed from the solver's dense output, t50 by event root finding.</summary>
    /// <returns>The read-out, labelled with <see cref="Header"/>.</returns>
    public Readout ToAnalysisReadout() => Kind switch
    {
        ReadoutKind.At => Readout.ValueAt(Quantity, Time) with { Label = Header },
        ReadoutKind.HalfSurvivalTime => Readout.TimeToThreshold(Quantity, 0.5, EventDirection.Falling) with { Label = Header },
        ReadoutKind.Maximum => Readout.Maximum(Quantity) with { Label = Header },
        _ => Readout.Minimum(Quantity) with { Label = Header },
    };

    private static string Check(string name, IReadOnlyCollection<string> quantities, string text)
    {
        string id = string.Equals(name, "survival", StringComparison.OrdinalIgnoreCase) ? "S" : name.Trim();
        if (quantities.Contains(id))
        {
            return id;
        }

        string hint = NameSuggestions.Hint(NameSuggestions.Closest(id, quantities));
        throw new CliException($"--readout '{text}': the model reports no quantity '{id}'{(hint.Length == 0 ? "." : hint)} Quantities: {string.Join(", ", quantities)}.");
    }
}
