using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>What a run needs to hold a model's fast reactions at equilibrium: the mass matrix, the rows that hold the fast rates, the directions the fast reactions move the state in, and the relations that switch a fast rate's branch.</summary>
/// <remarks>
/// Every part that can depend on parameter values (stoichiometries set through species-reference ids, conversion
/// factors) is a kernel over the model inputs, evaluated with the parameter values in force: the mass matrix is
/// re-read by the solver at the start and after every event. Immutable.
/// </remarks>
internal sealed class FastSubsystem
{
    public FastSubsystem(int dimension, int[] pivots, int[] massPositions, ExpressionKernel massKernel, int[] directionStates, int[] directionReactions, ExpressionKernel directionKernel, ExpressionKernel? switchKernel, BinaryOperator[] switchOperators)
    {
        Dimension = dimension;
        Pivots = pivots;
        MassPositions = massPositions;
        MassKernel = massKernel;
        DirectionStates = directionStates;
        DirectionReactions = directionReactions;
        DirectionKernel = directionKernel;
        SwitchKernel = switchKernel;
        SwitchOperators = switchOperators;
    }

    /// <summary>Gets the number of states n.</summary>
    public int Dimension { get; }

    /// <summary>Gets, per independent fast reaction i, the state row whose equation is its rate v_i = 0.</summary>
    public int[] Pivots { get; }

    /// <summary>Gets the positions (row·n + column) of the mass-matrix entries <see cref="MassKernel"/> computes; the others are zero.</summary>
    public int[] MassPositions { get; }

    /// <summary>Gets the kernel of the mass-matrix entries, over the model inputs.</summary>
    public ExpressionKernel MassKernel { get; }

    /// <summary>Gets the state of each non-zero entry of the direction matrix D (n × q): column i is how the state moves per unit of extent of fast reaction i (conversion factor × stoichiometry).</summary>
    public int[] DirectionStates { get; }

    /// <summary>Gets the fast reaction (0 … q − 1) of each non-zero entry of D.</summary>
    public int[] DirectionReactions { get; }

    /// <summary>Gets the kernel of the entries of D, over the model inputs.</summary>
    public ExpressionKernel DirectionKernel { get; }

    /// <summary>Gets the kernel of the functions g = a − b of the relations a ⋈ b of time or the state inside the fast rates, or null when there are none; the rates read each relation's value locked at the last restart.</summary>
    public ExpressionKernel? SwitchKernel { get; }

    /// <summary>Gets the operator ⋈ of each relation (its value is g ⋈ 0).</summary>
    public BinaryOperator[] SwitchOperators { get; }

    /// <summary>Gets the number of locked relations.</summary>
    public int SwitchCount => SwitchOperators.Length;

    /// <summary>Gets the value of a relation from its function's value g.</summary>
    public static bool Holds(BinaryOperator op, double g) => op switch
    {
        BinaryOperator.Less => g < 0,
        BinaryOperator.LessOrEqual => g <= 0,
        BinaryOperator.Greater => g > 0,
        BinaryOperator.GreaterOrEqual => g >= 0,
        BinaryOperator.Equal => g == 0,
        _ => g != 0,
    };

    /// <summary>Gets the ids of the fast reactions left out as linearly dependent on the others (empty when none is).</summary>
    public string[] DependentIds { get; init; } = [];

    /// <summary>Gets the kernel of their rates, then of the non-zero entries of their gradients by the state, or null when there are none.</summary>
    public ExpressionKernel? DependentKernel { get; init; }

    /// <summary>Gets the dependent reaction of each gradient entry.</summary>
    public int[] DependentGradientRows { get; init; } = [];

    /// <summary>Gets the state of each gradient entry.</summary>
    public int[] DependentGradientColumns { get; init; } = [];

    /// <summary>Gets the number of independent fast reactions q.</summary>
    public int Count => Pivots.Length;

    /// <summary>Writes the mass matrix for the parameter values in <paramref name="inputs"/> into <paramref name="destination"/> (n × n, row-major).</summary>
    public double[] FillMass(double[] inputs, double[] destination, double[] entries)
    {
        MassKernel(inputs, entries);
        Array.Clear(destination);
        for (int e = 0; e < MassPositions.Length; e++)
        {
            destination[MassPositions[e]] = entries[e];
        }

        return destination;
    }
}
