namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A species taking part in a reaction, with its stoichiometric coefficient (SBML <c>speciesReference</c>).</summary>
/// <param name="Species">The species identifier.</param>
/// <param name="Stoichiometry">The stoichiometric coefficient (positive).</param>
/// <param name="Id">An optional identifier under which expressions can read the coefficient (SBML Level 3).</param>
/// <param name="IsConstant">False when an initial assignment, rule or event may set the coefficient (it must then have an <paramref name="Id"/>).</param>
public sealed record SpeciesReference(string Species, double Stoichiometry = 1.0, string? Id = null, bool IsConstant = true);
