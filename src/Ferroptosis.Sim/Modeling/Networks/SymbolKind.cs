namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>What an identifier of a reaction network names.</summary>
public enum SymbolKind
{
    /// <summary>Not defined in the network.</summary>
    Undefined = 0,

    /// <summary>A compartment (its size).</summary>
    Compartment,

    /// <summary>A species (its concentration, or its amount when it has only substance units).</summary>
    Species,

    /// <summary>A global parameter.</summary>
    Parameter,

    /// <summary>A reaction (its rate).</summary>
    Reaction,

    /// <summary>A species reference with an id (its stoichiometric coefficient).</summary>
    SpeciesReference,

    /// <summary>A function definition.</summary>
    Function,

    /// <summary>An event.</summary>
    Event,

    /// <summary>The simulation time, <c>time</c>.</summary>
    Time,
}
