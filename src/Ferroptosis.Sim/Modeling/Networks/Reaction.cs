using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A reaction: reactants → products at the rate given by its kinetic law (SBML <c>reaction</c>).</summary>
/// <remarks>
/// The kinetic law is the rate in amount per time (for a compartment of size 1 this is also
/// concentration per time). Local parameters are visible only in this reaction's kinetic law and
/// shadow global symbols of the same name. Immutable.
/// </remarks>
public sealed record Reaction
{
    /// <summary>Initialises a reaction.</summary>
    /// <param name="id">The identifier; the rate can be read in expressions under this id.</param>
    /// <param name="reactants">The consumed species.</param>
    /// <param name="products">The produced species.</param>
    /// <param name="kineticLaw">The rate expression.</param>
    /// <param name="modifiers">Species that appear in the rate but are not changed (enzymes, inhibitors).</param>
    /// <param name="localParameters">Parameters local to the kinetic law.</param>
    /// <param name="isReversible">Whether the rate may be negative (informational; the law decides).</param>
    public Reaction(
        string id,
        IEnumerable<SpeciesReference> reactants,
        IEnumerable<SpeciesReference> products,
        Expr kineticLaw,
        IEnumerable<string>? modifiers = null,
        IReadOnlyDictionary<string, double>? localParameters = null,
        bool isReversible = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(reactants);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(kineticLaw);
        Id = id;
        Reactants = [.. reactants];
        Products = [.. products];
        KineticLaw = kineticLaw;
        Modifiers = modifiers is null ? [] : [.. modifiers];
        LocalParameters = localParameters is null
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : new Dictionary<string, double>(localParameters, StringComparer.Ordinal);
        IsReversible = isReversible;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the consumed species.</summary>
    public IReadOnlyList<SpeciesReference> Reactants { get; }

    /// <summary>Gets the produced species.</summary>
    public IReadOnlyList<SpeciesReference> Products { get; }

    /// <summary>Gets the species that modify the rate without being changed.</summary>
    public IReadOnlyList<string> Modifiers { get; }

    /// <summary>Gets the rate expression (amount per time).</summary>
    public Expr KineticLaw { get; }

    /// <summary>Gets the parameters local to the kinetic law.</summary>
    public IReadOnlyDictionary<string, double> LocalParameters { get; }

    /// <summary>Gets a value indicating whether the reaction is declared reversible.</summary>
    public bool IsReversible { get; }

    /// <summary>Gets a value indicating whether the reaction is fast (SBML Level 2 and Level 3 Version 1): it is taken to be at equilibrium at all times, its rate law held at zero while the slower dynamics move the quantities it conserves.</summary>
    /// <remarks>A model with fast reactions compiles to a differential–algebraic system (see <see cref="Compilation.ModelCompiler"/>).</remarks>
    public bool IsFast { get; init; }

    /// <summary>Gets the net stoichiometric coefficient of a species (products minus reactants).</summary>
    /// <param name="species">The species id.</param>
    /// <returns>The net coefficient, 0 if the species does not take part.</returns>
    public double NetStoichiometry(string species)
    {
        double net = 0;
        foreach (var p in Products)
        {
            if (p.Species == species)
            {
                net += p.Stoichiometry;
            }
        }

        foreach (var r in Reactants)
        {
            if (r.Species == species)
            {
                net -= r.Stoichiometry;
            }
        }

        return net;
    }

    /// <inheritdoc/>
    public bool Equals(Reaction? other) =>
        other is not null
        && Id == other.Id
        && KineticLaw.Equals(other.KineticLaw)
        && IsReversible == other.IsReversible
        && IsFast == other.IsFast
        && Reactants.SequenceEqual(other.Reactants)
        && Products.SequenceEqual(other.Products)
        && Modifiers.SequenceEqual(other.Modifiers)
        && LocalParameters.Count == other.LocalParameters.Count
        && LocalParameters.All(kv => other.LocalParameters.TryGetValue(kv.Key, out double v) && v.Equals(kv.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, KineticLaw, Reactants.Count, Products.Count);
}
