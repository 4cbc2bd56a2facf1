namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>One piece of a <see cref="PiecewiseExpr"/>: the value taken when the condition holds (is not 0).</summary>
/// <param name="Value">The value of this piece.</param>
/// <param name="Condition">The condition under which the piece applies.</param>
public readonly record struct PiecewiseCase(Expr Value, Expr Condition);
