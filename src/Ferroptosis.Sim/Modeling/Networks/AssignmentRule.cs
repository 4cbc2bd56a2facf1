using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A rule <c>variable := expression</c> that holds at every time (SBML <c>assignmentRule</c>).</summary>
/// <param name="Variable">The species, compartment, parameter or species-reference id assigned.</param>
/// <param name="Expression">The expression.</param>
public sealed record AssignmentRule(string Variable, Expr Expression);
