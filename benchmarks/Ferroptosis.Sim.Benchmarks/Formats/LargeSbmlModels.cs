using System.Globalization;
using System.Text;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>Generated SBML text of large models, for the compile-scaling measurements.</summary>
public static class LargeSbmlModels
{
    /// <summary>Generates an SBML Level 3 Version 2 model with <paramref name="size"/> species, parameters and mass-action reactions S_a → S_b (a, b drawn with seed 1).</summary>
    /// <param name="size">The number of species, parameters and reactions.</param>
    /// <returns>The SBML text (about 570 bytes per reaction).</returns>
    public static string MassAction(int size)
    {
        var random = new Random(1);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n<model id=\"m\">\n");
        sb.Append("<listOfCompartments><compartment id=\"c\" size=\"1\" constant=\"true\" spatialDimensions=\"3\"/></listOfCompartments>\n<listOfSpecies>\n");
        for (int i = 0; i < size; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<species id=\"S{i}\" compartment=\"c\" initialConcentration=\"1\" hasOnlySubstanceUnits=\"false\" boundaryCondition=\"false\" constant=\"false\"/>\n");
        }

        sb.Append("</listOfSpecies>\n<listOfParameters>\n");
        for (int i = 0; i < size; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<parameter id=\"k{i}\" value=\"0.1\" constant=\"true\"/>\n");
        }

        sb.Append("</listOfParameters>\n<listOfReactions>\n");
        for (int j = 0; j < size; j++)
        {
            int a = random.Next(size), b = random.Next(size);
            sb.Append(CultureInfo.InvariantCulture, $"<reaction id=\"R{j}\" reversible=\"false\"><listOfReactants><speciesReference species=\"S{a}\" stoichiometry=\"1\" constant=\"true\"/></listOfReactants>");
            sb.Append(CultureInfo.InvariantCulture, $"<listOfProducts><speciesReference species=\"S{b}\" stoichiometry=\"1\" constant=\"true\"/></listOfProducts>");
            sb.Append(CultureInfo.InvariantCulture, $"<kineticLaw><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><times/><ci>k{j}</ci><ci>S{a}</ci></apply></math></kineticLaw></reaction>\n");
        }

        sb.Append("</listOfReactions>\n</model>\n</sbml>\n");
        return sb.ToString();
    }
}
