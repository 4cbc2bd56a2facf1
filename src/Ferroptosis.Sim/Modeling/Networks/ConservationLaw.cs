using System.Globalization;
using System.Text;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A linear combination of species amounts that no reaction changes: Σ c_i · n_i = constant (a row of the left null space of N).</summary>
/// <param name="Coefficients">The coefficient of each species that appears in the law, by id.</param>
public sealed record ConservationLaw(IReadOnlyDictionary<string, double> Coefficients)
{
    /// <summary>Formats the law, e.g. <c>A + B + 2 C = const</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (species, c) in Coefficients)
        {
            if (text.Length > 0)
            {
                text.Append(c < 0 ? " - " : " + ");
            }
            else if (c < 0)
            {
                text.Append('-');
            }

            double a = Math.Abs(c);
            if (a != 1)
            {
                text.Append(a.ToString("G6", CultureInfo.InvariantCulture)).Append(' ');
            }

            text.Append(species);
        }

        return text.Append(" = const").ToString();
    }
}
