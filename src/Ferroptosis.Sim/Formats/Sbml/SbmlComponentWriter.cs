using System.Xml;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Writes the lists of an SBML Level 3 Version 2 model: functions, compartments, species, parameters, initial assignments, rules, reactions and events.</summary>
internal static class SbmlComponentWriter
{
    private const string Ns = SbmlWriter.Namespace;

    public static void WriteComponents(XmlWriter w, ReactionNetwork network)
    {
        List(w, "listOfFunctionDefinitions", network.Functions, f =>
        {
            w.WriteStartElement("functionDefinition", Ns);
            w.WriteAttributeString("id", f.Name);
            MathMLWriter.WriteLambda(w, f);
            w.WriteEndElement();
        });
        List(w, "listOfCompartments", network.Compartments, c =>
        {
            w.WriteStartElement("compartment", Ns);
            w.WriteAttributeString("id", c.Id);
            w.WriteAttributeString("spatialDimensions", SbmlValues.FormatDouble(c.SpatialDimensions));
            w.WriteAttributeString("size", SbmlValues.FormatDouble(c.Size));
            w.WriteAttributeString("constant", SbmlValues.FormatBoolean(c.IsConstant));
            w.WriteEndElement();
        });
        List(w, "listOfSpecies", network.Species, s =>
        {
            w.WriteStartElement("species", Ns);
            w.WriteAttributeString("id", s.Id);
            w.WriteAttributeString("compartment", s.Compartment);
            Number(w, s.InitialIsConcentration ? "initialConcentration" : "initialAmount", s.InitialValue);
            w.WriteAttributeString("hasOnlySubstanceUnits", SbmlValues.FormatBoolean(s.HasOnlySubstanceUnits));
            w.WriteAttributeString("boundaryCondition", SbmlValues.FormatBoolean(s.IsBoundary));
            w.WriteAttributeString("constant", SbmlValues.FormatBoolean(s.IsConstant));
            if (s.ConversionFactor is { } cf)
            {
                w.WriteAttributeString("conversionFactor", cf);
            }

            w.WriteEndElement();
        });
        List(w, "listOfParameters", network.Parameters, p =>
        {
            w.WriteStartElement("parameter", Ns);
            w.WriteAttributeString("id", p.Id);
            Number(w, "value", p.Value);
            w.WriteAttributeString("constant", SbmlValues.FormatBoolean(p.IsConstant));
            w.WriteEndElement();
        });
        List(w, "listOfInitialAssignments", network.InitialAssignments, a => WithMath(w, "initialAssignment", "symbol", a.Symbol, a.Expression));
        List(w, "listOfRules", [.. network.AssignmentRules.Select(r => ("assignmentRule", r.Variable, r.Expression)), .. network.RateRules.Select(r => ("rateRule", r.Variable, r.Expression))], r =>
            WithMath(w, r.Item1, "variable", r.Variable, r.Expression));
        List(w, "listOfReactions", network.Reactions, r => WriteReaction(w, r));
        List(w, "listOfEvents", network.Events, e => WriteEvent(w, e));
    }

    private static void WriteReaction(XmlWriter w, Reaction r)
    {
        w.WriteStartElement("reaction", Ns);
        w.WriteAttributeString("id", r.Id);
        w.WriteAttributeString("reversible", SbmlValues.FormatBoolean(r.IsReversible));
        foreach (var (list, references) in new[] { ("listOfReactants", r.Reactants), ("listOfProducts", r.Products) })
        {
            List(w, list, references, x =>
            {
                w.WriteStartElement("speciesReference", Ns);
                if (x.Id is { } id)
                {
                    w.WriteAttributeString("id", id);
                }

                w.WriteAttributeString("species", x.Species);
                Number(w, "stoichiometry", x.Stoichiometry);
                w.WriteAttributeString("constant", SbmlValues.FormatBoolean(x.IsConstant));
                w.WriteEndElement();
            });
        }

        List(w, "listOfModifiers", r.Modifiers, m =>
        {
            w.WriteStartElement("modifierSpeciesReference", Ns);
            w.WriteAttributeString("species", m);
            w.WriteEndElement();
        });
        w.WriteStartElement("kineticLaw", Ns);
        MathMLWriter.WriteMath(w, r.KineticLaw);
        List(w, "listOfLocalParameters", [.. r.LocalParameters], p =>
        {
            w.WriteStartElement("localParameter", Ns);
            w.WriteAttributeString("id", p.Key);
            Number(w, "value", p.Value);
            w.WriteEndElement();
        });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteEvent(XmlWriter w, ModelEvent e)
    {
        w.WriteStartElement("event", Ns);
        w.WriteAttributeString("id", e.Id);
        w.WriteAttributeString("useValuesFromTriggerTime", SbmlValues.FormatBoolean(e.UseValuesFromTriggerTime));
        w.WriteStartElement("trigger", Ns);
        w.WriteAttributeString("initialValue", SbmlValues.FormatBoolean(e.TriggerInitialValue));
        w.WriteAttributeString("persistent", SbmlValues.FormatBoolean(e.IsPersistent));
        MathMLWriter.WriteMath(w, e.Trigger);
        w.WriteEndElement();
        if (e.Priority is { } priority)
        {
            w.WriteStartElement("priority", Ns);
            MathMLWriter.WriteMath(w, priority);
            w.WriteEndElement();
        }

        List(w, "listOfEventAssignments", e.Assignments, a => WithMath(w, "eventAssignment", "variable", a.Variable, a.Expression));
        w.WriteEndElement();
    }

    private static void WithMath(XmlWriter w, string element, string attribute, string id, Expr expression)
    {
        w.WriteStartElement(element, Ns);
        w.WriteAttributeString(attribute, id);
        MathMLWriter.WriteMath(w, expression);
        w.WriteEndElement();
    }

    /// <summary>Writes a numeric attribute, or nothing for NaN (an undefined value in SBML).</summary>
    private static void Number(XmlWriter w, string name, double value)
    {
        if (!double.IsNaN(value))
        {
            w.WriteAttributeString(name, SbmlValues.FormatDouble(value));
        }
    }

    private static void List<T>(XmlWriter w, string name, IReadOnlyList<T> items, Action<T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.WriteStartElement(name, Ns);
        foreach (var item in items)
        {
            write(item);
        }

        w.WriteEndElement();
    }
}
