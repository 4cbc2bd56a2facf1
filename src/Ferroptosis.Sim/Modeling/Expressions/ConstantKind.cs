namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The named constants of SBML MathML that are kept by name (so that writers can emit them as such).</summary>
public enum ConstantKind
{
    /// <summary>π (<c>pi</c>).</summary>
    Pi,

    /// <summary>Euler's number e (<c>exponentiale</c>).</summary>
    ExponentialE,

    /// <summary>The truth value true (1.0).</summary>
    True,

    /// <summary>The truth value false (0.0).</summary>
    False,
}
