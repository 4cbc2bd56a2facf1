using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A rule <c>d(variable)/dt = expression</c> (SBML <c>rateRule</c>).</summary>
/// <remarks>For a species whose symbol denotes a concentration, the expression is the rate of change of the concentration.</remarks>
/// <param name="Variable">The species, compartment or parameter id.</param>
/// <param name="Expression">The rate of change.</param>
public sealed record RateRule(string Variable, Expr Expression);
