using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>One assignment executed when an event fires (SBML <c>eventAssignment</c>).</summary>
/// <param name="Variable">The species, compartment, parameter or species-reference id assigned.</param>
/// <param name="Expression">The new value.</param>
public sealed record EventAssignment(string Variable, Expr Expression);
