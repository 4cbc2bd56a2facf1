namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>A remodelling trajectory with its uncertainty band: the central run and the envelope of bone mass and osteoclast number over the members of a <see cref="RemodellingUncertainty"/>.</summary>
public sealed class RemodellingBand
{
    internal RemodellingBand(RemodellingResult central, RemodellingUncertainty uncertainty, double[] lower, double[] upper, double[] osteoclastsLower, double[] osteoclastsUpper, int members, string? message = null)
    {
        Message = message;
        Central = central;
        Uncertainty = uncertainty;
        BoneMassLower = lower;
        BoneMassUpper = upper;
        OsteoclastsLower = osteoclastsLower;
        OsteoclastsUpper = osteoclastsUpper;
        Members = members;
    }

    /// <summary>Gets the central run (the options' κ and the cell model's death rates).</summary>
    public RemodellingResult Central { get; }

    /// <summary>Gets the ranges the band spans.</summary>
    public RemodellingUncertainty Uncertainty { get; }

    /// <summary>Gets the lowest bone mass (%) of any member at each output time of <see cref="Central"/>.</summary>
    public IReadOnlyList<double> BoneMassLower { get; }

    /// <summary>Gets the highest bone mass (%) of any member at each output time of <see cref="Central"/>.</summary>
    public IReadOnlyList<double> BoneMassUpper { get; }

    /// <summary>Gets the fewest osteoclasts (cells per BMU) of any member at each output time.</summary>
    public IReadOnlyList<double> OsteoclastsLower { get; }

    /// <summary>Gets the most osteoclasts (cells per BMU) of any member at each output time.</summary>
    public IReadOnlyList<double> OsteoclastsUpper { get; }

    /// <summary>Gets how many runs the envelope covers (the members and the central run), all successful.</summary>
    public int Members { get; }

    /// <summary>Gets whether the central run and every member succeeded (a band is only made when they did).</summary>
    public bool IsSuccess => Message is null && Central.IsSuccess && BoneMassLower.Count == Central.TimesDays.Length;

    /// <summary>Gets why no band was made (a member run failed: its status and message), or null.</summary>
    public string? Message { get; }
}
