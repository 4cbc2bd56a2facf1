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
        var globalIds = GlobalIds(network);
        List(w, "listOfReactions", network.Reactions, r => WriteReaction(w, r, globalIds));
        List(w, "listOfEvents", network.Events, e => WriteEvent(w, e));
    }

    /// <summary>The model-wide ids of a network (a renamed local parameter must avoid them).</summary>
    internal static HashSet<string> GlobalIds(ReactionNetwork network)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { network.Id };
        ids.UnionWith(network.Compartments.Select(c => c.Id));
        ids.UnionWith(network.Species.Select(x => x.Id));
        ids.UnionWith(network.Parameters.Select(p => p.Id));
        ids.UnionWith(network.Functions.Select(f => f.Name));
        ids.UnionWith(network.Events.Select(e => e.Id));
        foreach (var r in network.Reactions)
        {
            ids.Add(r.Id);
            ids.UnionWith(r.Reactants.Concat(r.Products).Select(x => x.Id).OfType<string>());
        }

        return ids;
    }

    private static void WriteReaction(XmlWriter w, Reaction r, HashSet<string> globalIds)
    {
        if (r.IsFast)
        {
            throw new NotSupportedException($"Reaction '{r.Id}' is fast; SBML Level 3 Version 2 has no fast reactions, so the network cannot be written without changing its meaning.");
        }

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
        var (law, locals) = LocalParametersForLevel3Version2(r, globalIds);
        w.WriteStartElement("kineticLaw", Ns);
        MathMLWriter.WriteMath(w, law);
        List(w, "listOfLocalParameters", locals, p =>
        {
            w.WriteStartElement("localParameter", Ns);
            w.WriteAttributeString("id", p.Key);
            Number(w, "value", p.Value);
            w.WriteEndElement();
        });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>
    /// The kinetic law and local parameters as written: SBML Level 3 Version 2 forbids a local parameter with the id of
    /// a species the reaction refers to (libSBML rule 21173), which Level 2 and Level 3 Version 1 allowed; such a local
    /// parameter is renamed <c>id_local</c> (or <c>id_local_2</c>, … when taken), and so are its uses in the law.
    /// </summary>
    internal static (Expr Law, List<KeyValuePair<string, double>> Locals) LocalParametersForLevel3Version2(Reaction r, IReadOnlySet<string> globalIds)
    {
        var referenced = new HashSet<string>(r.Modifiers, StringComparer.Ordinal);
        foreach (var x in r.Reactants.Concat(r.Products))
        {
            referenced.Add(x.Species);
            if (x.Id is { } id)
            {
                referenced.Add(id);
            }
        }

        var renamed = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var locals = new List<KeyValuePair<string, double>>(r.LocalParameters.Count);
        foreach (var (name, value) in r.LocalParameters)
        {
            if (!referenced.Contains(name))
            {
                locals.Add(new(name, value));
                continue;
            }

            string fresh = name + "_local";
            for (int n = 2; globalIds.Contains(fresh) || r.LocalParameters.ContainsKey(fresh) || renamed.Values.Any(e => e is SymbolExpr s && s.Name == fresh); n++)
            {
                fresh = name + "_local_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            renamed[name] = Expr.Symbol(fresh);
            locals.Add(new(fresh, value));
        }

        var law = renamed.Count == 0 ? r.KineticLaw : r.KineticLaw.Substitute(renamed);
        return (law, locals);
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
        if (e.Delay is { } delay)
        {
            w.WriteStartElement("delay", Ns);
            MathMLWriter.WriteMath(w, delay);
            w.WriteEndElement();
        }

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
