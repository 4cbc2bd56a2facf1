using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <content>Reactions (species references, kinetic laws, local parameters) and events.</content>
internal sealed partial class SbmlModelReader
{
    private IEnumerable<XmlElementNode> SpeciesReferences(XmlElementNode reaction)
    {
        foreach (string list in (string[])["listOfReactants", "listOfProducts"])
        {
            if (reaction.Child(list, _ns) is { } element)
            {
                foreach (var reference in Items(element, "speciesReference"))
                {
                    yield return reference;
                }
            }
        }
    }

    private IEnumerable<XmlElementNode> LocalParameterElements(XmlElementNode law)
    {
        // Level 3 calls them localParameter; Level 2 kinetic laws hold ordinary parameter elements.
        return IsLevel3
            ? law.Child("listOfLocalParameters", _ns) is { } list3 ? Items(list3, "localParameter") : []
            : law.Child("listOfParameters", _ns) is { } list2 ? Items(list2, "parameter") : [];
    }

    private List<Reaction> ReadReactions(Dictionary<string, XmlElementNode> lists)
    {
        var reactions = new List<Reaction>();
        foreach (var r in Items(lists, "listOfReactions", "reaction"))
        {
            string id = _ids.Map(RequiredId(r));
            bool reversible = Boolean(r, "reversible", level2Default: true);
            bool fast = Boolean(r, "fast", level2Default: false, requiredInLevel3: _version == 1);

            var reactants = r.Child("listOfReactants", _ns) is { } reactantList ? ReadReferences(id, reactantList) : [];
            var products = r.Child("listOfProducts", _ns) is { } productList ? ReadReferences(id, productList) : [];
            var modifiers = r.Child("listOfModifiers", _ns) is { } modifierList
                ? Items(modifierList, "modifierSpeciesReference").Select(m => _ids.Map(RequiredSId(m, "species"))).ToList()
                : [];

            var law = r.Child("kineticLaw", _ns) ?? throw Error($"Reaction '{id}' has no kinetic law, so its rate is undefined", r, unsupported: "reaction without kinetic law");
            var locals = new Dictionary<string, string>(StringComparer.Ordinal);
            var localValues = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in LocalParameterElements(law))
            {
                string sbmlId = RequiredId(p);
                string name = _ids.LocalName(sbmlId);
                if (!locals.TryAdd(sbmlId, name))
                {
                    throw Error($"Reaction '{id}' has two local parameters named '{sbmlId}'", p);
                }

                localValues[name] = OptionalDouble(p, "value") ?? double.NaN;
            }

            var rate = OptionalMath(law, locals) ?? throw Error($"The kinetic law of reaction '{id}' has no <math>, so its rate is undefined", law, unsupported: "reaction without kinetic law");
            reactions.Add(new Reaction(id, reactants, products, rate, modifiers, localValues, reversible) { IsFast = fast });
        }

        return reactions;
    }

    private List<SpeciesReference> ReadReferences(string reaction, XmlElementNode list)
    {
        var references = new List<SpeciesReference>();
        foreach (var reference in Items(list, "speciesReference"))
        {
            string species = _ids.Map(RequiredSId(reference, "species"));
            string? id = reference.Attribute("id") is not null ? _ids.Map(RequiredId(reference)) : null;
            if (reference.Child("stoichiometryMath", _ns) is { } stoichiometryMath)
            {
                references.Add(StoichiometryMath(reaction, species, id, reference, stoichiometryMath));
                continue;
            }

            // Level 2 defaults to 1; in Level 3 a missing stoichiometry is undefined unless a rule or assignment sets it.
            double stoichiometry = OptionalDouble(reference, "stoichiometry") ?? (IsLevel3 ? double.NaN : 1.0);
            bool constant = Boolean(reference, "constant", level2Default: true);
            references.Add(new SpeciesReference(species, stoichiometry, id, constant));
        }

        return references;
    }

    /// <summary>
    /// Level 2 <c>stoichiometryMath</c>: the stoichiometry is the value of the math at every moment, which is what a Level 3
    /// species reference whose id is the variable of an assignment rule means. The reference gets its id (or a fresh one,
    /// <c>reaction_species_stoichiometry</c>) and the rule.
    /// </summary>
    private SpeciesReference StoichiometryMath(string reaction, string species, string? id, XmlElementNode reference, XmlElementNode stoichiometryMath)
    {
        if (IsLevel3)
        {
            throw Error($"<stoichiometryMath> of species '{species}' in reaction '{reaction}' is not part of SBML Level 3; give the species reference an id and an assignment rule", stoichiometryMath);
        }

        if (reference.Attribute("stoichiometry") is not null)
        {
            throw Error($"The species reference to '{species}' in reaction '{reaction}' has both a stoichiometry and a <stoichiometryMath>; give one", reference);
        }

        var math = stoichiometryMath.Child("math", MathMLReader.Namespace)
            ?? throw Error($"<stoichiometryMath> of species '{species}' in reaction '{reaction}' has no <math>", stoichiometryMath);
        string variable = id ?? _ids.Generate($"{reaction}_{species}_stoichiometry");
        _stoichiometryRules.Add(new AssignmentRule(variable, _math.ReadMath(math)));
        return new SpeciesReference(species, double.NaN, variable, IsConstant: false);
    }

    private List<ModelEvent> ReadEvents(Dictionary<string, XmlElementNode> lists)
    {
        var events = new List<ModelEvent>();
        int index = 0;
        foreach (var e in Items(lists, "listOfEvents", "event"))
        {
            index++;
            string id = e.Attribute("id") is not null ? _ids.Map(RequiredId(e)) : _ids.Generate("event" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            bool useTriggerTimeValues = Boolean(e, "useValuesFromTriggerTime", level2Default: true);
            var trigger = e.Child("trigger", _ns);
            if (trigger is null && !(IsLevel3 && _version >= 2))
            {
                throw Error($"Event '{id}' has no <trigger>", e);
            }

            // An event without trigger math (allowed in Level 3 Version 2) can never fire.
            var condition = trigger is null ? null : OptionalMath(trigger);
            bool initialValue = trigger is null || Boolean(trigger, "initialValue", level2Default: true);
            bool persistent = trigger is null || Boolean(trigger, "persistent", level2Default: true);
            var priority = IsLevel3 && e.Child("priority", _ns) is { } p ? OptionalMath(p) : null;
            var assignments = new List<EventAssignment>();
            if (e.Child("listOfEventAssignments", _ns) is { } list)
            {
                foreach (var a in Items(list, "eventAssignment"))
                {
                    string variable = _ids.Map(RequiredSId(a, "variable"));
                    if (OptionalMath(a) is { } value)
                    {
                        assignments.Add(new EventAssignment(variable, value));
                    }
                }
            }

            if (condition is not null)
            {
                // A delay without math (allowed in Level 3 Version 2) delays nothing.
                var delay = e.Child("delay", _ns) is { } d ? OptionalMath(d) : null;
                events.Add(new ModelEvent(id, condition, assignments, priority, initialValue, persistent, useTriggerTimeValues) { Delay = delay });
            }
        }

        return events;
    }
}
