namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The ranges of the coupling constants that are not identifiable from data, for <see cref="BoneRemodelling.RunWithBand(DiseaseScenario?, IEnumerable{Perturbation}, TimeSpan, RemodellingOptions?, RemodellingUncertainty?, CancellationToken)"/>: κ as a range around its calibrated value and each cell type's death rate as a range of multipliers.</summary>
/// <remarks>
/// The extra death rates are proportional to κ, so a κ range and per-cell-type multipliers both scale the rates the cell model gives;
/// the band is the envelope (minimum and maximum at each time) of the bone model run at every combination of the ends of the ranges
/// (2 × 2 × 2 × 2 = 16 members with the defaults) plus the central run. The cell models run once.
/// </remarks>
public sealed record RemodellingUncertainty
{
    /// <summary>Gets the default ranges: κ from half to twice its value (the factor-of-2.5 range of the first release's κ, 0.02–0.05, widened to be symmetric), each cell type's death rate from 2/3 to 1.5 times the cell model's (how strongly a cell type's in-vivo hazard may depart from the shared κ; estimated).</summary>
    public static RemodellingUncertainty Default { get; } = new();

    /// <summary>Gets the low end of κ as a multiple of <see cref="RemodellingOptions.Kappa"/> (default 0.5).</summary>
    public double KappaLow { get; init; } = 0.5;

    /// <summary>Gets the high end of κ as a multiple of <see cref="RemodellingOptions.Kappa"/> (default 2).</summary>
    public double KappaHigh { get; init; } = 2;

    /// <summary>Gets the low end of each cell type's death-rate multiplier (default 2/3).</summary>
    public double CellTypeLow { get; init; } = 2.0 / 3.0;

    /// <summary>Gets the high end of each cell type's death-rate multiplier (default 1.5).</summary>
    public double CellTypeHigh { get; init; } = 1.5;

    /// <summary>Gets the combinations of multipliers (κ, osteoblast, osteoclast, osteocyte) the band is made of.</summary>
    /// <returns>The members, each a multiplier per cell type (κ folded in).</returns>
    internal IEnumerable<(double Osteoblast, double Osteoclast, double Osteocyte)> Members()
    {
        foreach (double kappa in new[] { KappaLow, KappaHigh })
        {
            foreach (double ob in new[] { CellTypeLow, CellTypeHigh })
            {
                foreach (double oc in new[] { CellTypeLow, CellTypeHigh })
                {
                    foreach (double ocy in new[] { CellTypeLow, CellTypeHigh })
                    {
                        yield return (kappa * ob, kappa * oc, kappa * ocy);
                    }
                }
            }
        }
    }

    internal void Validate()
    {
        static void Range(double low, double high, string name)
        {
            if (!(low > 0) || !double.IsFinite(low) || !double.IsFinite(high) || high < low)
            {
                throw new ArgumentOutOfRangeException(name, $"A range needs 0 < low ≤ high, both finite (got {low}–{high}).");
            }
        }

        Range(KappaLow, KappaHigh, nameof(KappaLow));
        Range(CellTypeLow, CellTypeHigh, nameof(CellTypeLow));
    }
}
