namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A chemical species in a compartment (SBML <c>species</c>).</summary>
/// <remarks>
/// <para>
/// SBML semantics: reactions change the species' amount, so in a compartment of size V,
/// d[S]/dt = (Σ stoichiometry · rate)/V. In expressions the species' symbol means its concentration
/// amount/V, unless <see cref="HasOnlySubstanceUnits"/> is true, when it means the amount.
/// </para>
/// <para>Immutable.</para>
/// </remarks>
/// <param name="Id">The identifier used in expressions.</param>
/// <param name="Compartment">The identifier of the compartment.</param>
/// <param name="InitialValue">The initial amount or concentration (see <paramref name="InitialIsConcentration"/>), unless an initial assignment or rule sets it.</param>
/// <param name="InitialIsConcentration">True when <paramref name="InitialValue"/> is a concentration, false when it is an amount.</param>
/// <param name="HasOnlySubstanceUnits">True when the symbol denotes the amount rather than the concentration.</param>
/// <param name="IsBoundary">True when reactions do not change the species (SBML boundaryCondition); rules and events still may.</param>
/// <param name="IsConstant">True when nothing changes the species.</param>
/// <param name="ConversionFactor">An optional parameter id multiplying every reaction's contribution (SBML Level 3).</param>
public sealed record Species(
    string Id,
    string Compartment,
    double InitialValue = 0.0,
    bool InitialIsConcentration = true,
    bool HasOnlySubstanceUnits = false,
    bool IsBoundary = false,
    bool IsConstant = false,
    string? ConversionFactor = null);
