namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Anti-ferroptotic interventions for the remodelling scenarios, at the concentrations that rescue cells in the model's culture protocols (specification §15).</summary>
/// <remarks>
/// Each acts in the cell model only, by lowering the death hazard: ferrostatin-1 1 µM traps lipid radicals,
/// deferoxamine 100 µM chelates labile iron, sulforaphane 5 µM activates Nrf2. They are applied as constant
/// exposures for the whole run — the model has no pharmacokinetics (§16.5), so read them as "a treatment that
/// keeps bone cells at this effective concentration". Immutable.
/// </remarks>
public static class BoneInterventions
{
    /// <summary>Gets ferrostatin-1 1 µM (radical-trapping antioxidant).</summary>
    public static Perturbation Ferrostatin1 { get; } = Perturbation.Ferrostatin1(1);

    /// <summary>Gets deferoxamine 100 µM (iron chelator).</summary>
    public static Perturbation Deferoxamine { get; } = Perturbation.Deferoxamine(100);

    /// <summary>Gets sulforaphane 5 µM (Nrf2 activator).</summary>
    public static Perturbation Sulforaphane { get; } = Perturbation.Sulforaphane(5);

    /// <summary>Gets the three interventions.</summary>
    public static IReadOnlyList<Perturbation> All { get; } = [Ferrostatin1, Deferoxamine, Sulforaphane];

    /// <summary>Finds an intervention by name at its standard concentration (case-insensitive; also "fer-1", "dfo", "sfn", "nrf2").</summary>
    /// <param name="name">The name.</param>
    /// <returns>The intervention.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static Perturbation FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant() switch
        {
            "FERROSTATIN-1" or "FERROSTATIN" or "FER-1" or "FER1" => Ferrostatin1,
            "DEFEROXAMINE" or "DESFERRIOXAMINE" or "DFO" => Deferoxamine,
            "SULFORAPHANE" or "SFN" or "NRF2" or "NRF2-ACTIVATOR" => Sulforaphane,
            _ => throw new ArgumentException($"Unknown intervention '{name}'. Known interventions: {string.Join(", ", All.Select(p => p.Name))} (or fer-1, dfo, sfn).", nameof(name)),
        };
    }
}
