using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <content>Compartments, species, parameters, initial assignments and rules.</content>
internal sealed partial class SbmlModelReader
{
    /// <summary>The SBML ids that an initial assignment or an assignment rule defines at t0.</summary>
    private HashSet<string> RuleAndAssignmentTargets(Dictionary<string, XmlElementNode> lists)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Items(lists, "listOfInitialAssignments", "initialAssignment"))
        {
            if (a.Child("math", MathMLReader.Namespace) is not null)
            {
                targets.Add(RequiredSId(a, "symbol"));
            }
        }

        foreach (var rule in Items(lists, "listOfRules", "assignmentRule", "rateRule", "algebraicRule"))
        {
            _hasAlgebraicRules |= rule.Name == "algebraicRule";
            if (rule.Name == "assignmentRule" && rule.Child("math", MathMLReader.Namespace) is not null)
            {
                targets.Add(RequiredSId(rule, "variable"));
            }
        }

        return targets;
    }

    private List<Compartment> ReadCompartments(Dictionary<string, XmlElementNode> lists, HashSet<string> targets)
    {
        var compartments = new List<Compartment>();
        foreach (var c in Items(lists, "listOfCompartments", "compartment"))
        {
            string sbmlId = RequiredId(c);
            double dimensions = OptionalDouble(c, "spatialDimensions") ?? (IsLevel3 ? double.NaN : 3);
            double? size = OptionalDouble(c, "size");
            if (size is null)
            {
                // Level 2 forbids a size for dimensionless compartments; their species are amounts, so 1 changes nothing.
                size = dimensions == 0 ? 1.0
                    : targets.Contains(sbmlId) ? 1.0
                    : _hasAlgebraicRules && _sizeless.TryAdd(_ids.Map(sbmlId), c) ? 1.0
                    : throw SizelessError(sbmlId, c);
            }

            bool constant = Boolean(c, "constant", level2Default: true);
            compartments.Add(new Compartment(_ids.Map(sbmlId), size.Value, constant, double.IsNaN(dimensions) ? 3 : dimensions));
        }

        return compartments;
    }

    private List<Species> ReadSpecies(Dictionary<string, XmlElementNode> lists, Dictionary<string, double> compartmentDimensions)
    {
        var species = new List<Species>();
        foreach (var s in Items(lists, "listOfSpecies", "species"))
        {
            string id = _ids.Map(RequiredId(s));
            string compartment = _ids.Map(RequiredSId(s, "compartment"));
            double? amount = OptionalDouble(s, "initialAmount");
            double? concentration = OptionalDouble(s, "initialConcentration");
            if (amount is not null && concentration is not null)
            {
                throw Error($"Species '{id}' has both an initialAmount and an initialConcentration; give one", s);
            }

            bool onlySubstance = Boolean(s, "hasOnlySubstanceUnits", level2Default: false);

            // SBML Level 2: a species in a dimensionless compartment is always an amount.
            if (!IsLevel3 && compartmentDimensions.TryGetValue(compartment, out double dimensions) && dimensions == 0)
            {
                onlySubstance = true;
            }

            bool boundary = Boolean(s, "boundaryCondition", level2Default: false);
            bool constant = Boolean(s, "constant", level2Default: false);
            string? conversionFactor = IsLevel3 && s.Attribute("conversionFactor") is { } cf ? _ids.Map(ReferenceId(s, "conversionFactor", cf)) : null;
            bool isConcentration = concentration is not null || (amount is null && !onlySubstance);
            double initial = amount ?? concentration ?? double.NaN;
            species.Add(new Species(id, compartment, initial, isConcentration, onlySubstance, boundary, constant, conversionFactor));
        }

        return species;
    }

    private List<Parameter> ReadParameters(Dictionary<string, XmlElementNode> lists)
    {
        var parameters = new List<Parameter>();
        foreach (var p in Items(lists, "listOfParameters", "parameter"))
        {
            string id = _ids.Map(RequiredId(p));
            parameters.Add(new Parameter(id, OptionalDouble(p, "value") ?? double.NaN, Boolean(p, "constant", level2Default: true)));
        }

        return parameters;
    }

    private List<InitialAssignment> ReadInitialAssignments(Dictionary<string, XmlElementNode> lists)
    {
        var assignments = new List<InitialAssignment>();
        foreach (var a in Items(lists, "listOfInitialAssignments", "initialAssignment"))
        {
            string symbol = _ids.Map(RequiredSId(a, "symbol"));

            // Level 3 Version 2 allows an assignment without math; it then assigns nothing.
            if (OptionalMath(a) is { } math)
            {
                assignments.Add(new InitialAssignment(symbol, math));
            }
        }

        return assignments;
    }

    private (List<AssignmentRule> Assignments, List<RateRule> Rates) ReadRules(Dictionary<string, XmlElementNode> lists)
    {
        var assignments = new List<AssignmentRule>();
        var rates = new List<RateRule>();
        foreach (var rule in Items(lists, "listOfRules", "assignmentRule", "rateRule", "algebraicRule"))
        {
            if (rule.Name == "algebraicRule")
            {
                if (OptionalMath(rule) is { } algebraic)
                {
                    _algebraicRules.Add((algebraic, rule));
                }

                continue;
            }

            string variable = _ids.Map(RequiredSId(rule, "variable"));
            if (OptionalMath(rule) is not { } math)
            {
                continue;
            }

            if (rule.Name == "assignmentRule")
            {
                assignments.Add(new AssignmentRule(variable, math));
            }
            else
            {
                rates.Add(new RateRule(variable, math));
            }
        }

        return (assignments, rates);
    }

    /// <summary>The error for a compartment without size that nothing defines (a size only an algebraic rule might give is checked after the rules are solved).</summary>
    private static SbmlFormatException SizelessError(string sbmlId, XmlElementNode c) =>
        Error($"Compartment '{sbmlId}' has no size, and no initial assignment or assignment rule gives it one", c);
}
