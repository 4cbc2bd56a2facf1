namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>The stoichiometry matrix N of a network: N[i, j] = net coefficient of species i in reaction j (products minus reactants).</summary>
/// <remarks>Rows are the species that reactions change (not boundary, not constant); columns are all reactions. Immutable.</remarks>
public sealed class StoichiometryMatrix
{
    private readonly double[,] _values;

    internal StoichiometryMatrix(IReadOnlyList<string> species, IReadOnlyList<string> reactions, double[,] values)
    {
        SpeciesIds = species;
        ReactionIds = reactions;
        _values = values;
    }

    /// <summary>Gets the row labels.</summary>
    public IReadOnlyList<string> SpeciesIds { get; }

    /// <summary>Gets the column labels.</summary>
    public IReadOnlyList<string> ReactionIds { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Rows => SpeciesIds.Count;

    /// <summary>Gets the number of columns.</summary>
    public int Columns => ReactionIds.Count;

    /// <summary>Gets one coefficient.</summary>
    /// <param name="row">The species row.</param>
    /// <param name="column">The reaction column.</param>
    public double this[int row, int column] => _values[row, column];

    /// <summary>Copies the matrix into a new array.</summary>
    /// <returns>A rows × columns array.</returns>
    public double[,] ToArray() => (double[,])_values.Clone();
}
