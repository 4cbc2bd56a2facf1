using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>An assignment that sets a value at t0 only (SBML <c>initialAssignment</c>).</summary>
/// <param name="Symbol">The species, compartment, parameter or species-reference id.</param>
/// <param name="Expression">The expression, evaluated at t0.</param>
public sealed record InitialAssignment(string Symbol, Expr Expression);
