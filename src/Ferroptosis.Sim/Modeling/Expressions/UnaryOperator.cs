namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary>Arithmetic negation <c>-x</c>.</summary>
    Negate,

    /// <summary>Logical not <c>!x</c>: 1 when x is 0, else 0 (NaN counts as true, so !NaN is 0).</summary>
    Not,
}
