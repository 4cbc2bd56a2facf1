using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <content>Algebraic rules that are linear in the one variable they determine become assignment rules.</content>
internal sealed partial class SbmlModelReader
{
    /// <summary>
    /// Solves each algebraic rule 0 = f for the variable it determines, when that is exact: the variable is the one
    /// quantity in f that nothing else determines (not constant, no rate or assignment rule, not changed by reactions,
    /// SBML Level 3 Version 2 §4.11.4), and f is linear in it, f = a·x + b with a free of x, so x = −b/a holds at
    /// every time (an assignment rule). When several such quantities appear, those changed by event assignments are
    /// passed over (an event could not change a quantity that a rule fixes at every instant), so the one left is the
    /// rule's. A <c>rateOf</c> in the rule is first replaced by the rate it denotes, unless its argument is itself one
    /// of the undetermined quantities. Anything else (a nonlinear rule, several candidates, coupled algebraic rules, an
    /// initial or event assignment to the variable) is a differential–algebraic system and is refused by name.
    /// </summary>
    private List<AssignmentRule> SolveAlgebraicRules(AlgebraicContext context)
    {
        var solved = new List<AssignmentRule>();
        if (_algebraicRules.Count == 0)
        {
            return solved;
        }

        var (compartments, species, parameters, reactions, assignmentRules, rateRules, functions, eventTargets, _) = context;
        var free = FreeVariables(compartments, species, parameters, reactions, assignmentRules, rateRules);
        var undetermined = new HashSet<string>(free, StringComparer.Ordinal);
        var pending = _algebraicRules.ToList();
        while (pending.Count > 0)
        {
            bool strict = true;
            int index = pending.FindIndex(r => r.Math.Symbols.Count(free.Contains) == 1);
            if (index < 0)
            {
                strict = false;
                index = pending.FindIndex(r => r.Math.Symbols.Count(x => free.Contains(x) && !eventTargets.Contains(x)) == 1);
            }

            if (index < 0)
            {
                var (_, element) = pending[0];
                throw Error("Algebraic rules are not supported unless each determines exactly one variable that nothing else determines, in which it is linear (this model is a differential-algebraic system)", element, unsupported: "algebraic rule");
            }

            var (math, at) = pending[index];
            pending.RemoveAt(index);
            string x = math.Symbols.First(s => free.Contains(s) && (strict || !eventTargets.Contains(s)));
            if (RateOfExpander.Contains(math))
            {
                math = ExpandRateOf(math, context, undetermined, at);
            }

            free.Remove(x);
            // Function calls are expanded first, so that the rule can be differentiated.
            var expanded = functions.Count > 0 ? ExprRewriter.Inline(math, new FunctionLibrary(functions)) : math;
            solved.Add(new AssignmentRule(x, SolveLinear(expanded, x, at)));
        }

        var solvedIds = new HashSet<string>(solved.Select(r => r.Variable), StringComparer.Ordinal);
        foreach (var rule in solved)
        {
            if (rule.Expression.Symbols.Any(solvedIds.Contains))
            {
                throw Error($"The algebraic rules determining '{rule.Variable}' and others are coupled; coupled algebraic rules are not supported", _algebraicRules[0].Element, unsupported: "algebraic rule");
            }
        }

        foreach (var (id, element) in _sizeless)
        {
            if (!solvedIds.Contains(id))
            {
                throw SizelessError(id, element);
            }
        }

        return solved;
    }

    /// <summary>Replaces the <c>rateOf</c> calls of an algebraic rule by the rates they denote; refused when one is the rate of a quantity no rule determines yet (its rate would depend on the rule's solution) or in a model with fast reactions.</summary>
    private static Expr ExpandRateOf(Expr math, AlgebraicContext context, HashSet<string> undetermined, XmlElementNode at)
    {
        var arguments = new List<string>();
        ExprQueries.PreOrder(math, e =>
        {
            if (e is CallExpr { Arguments: [SymbolExpr argument] } call && RateOfExpander.Contains(call))
            {
                arguments.Add(argument.Name);
            }
        });
        if (arguments.Any(undetermined.Contains) || context.Reactions.Any(r => r.IsFast))
        {
            throw Error("An algebraic rule using the csymbol 'rateOf' of a quantity that an algebraic rule determines (or in a model with fast reactions) is not supported", at, unsupported: "algebraic rule");
        }

        var expander = new RateOfExpander(context.Compartments, context.Species, context.Parameters, context.Reactions, context.AssignmentRules, context.RateRules, context.ConversionFactor);
        return expander.Expand(math);
    }

    /// <summary>What the algebraic rules are solved against: the model's parts read so far.</summary>
    private sealed record AlgebraicContext(
        List<Compartment> Compartments,
        List<Species> Species,
        List<Parameter> Parameters,
        List<Reaction> Reactions,
        List<AssignmentRule> AssignmentRules,
        List<RateRule> RateRules,
        List<FunctionDefinition> Functions,
        HashSet<string> EventTargets,
        string? ConversionFactor);

    /// <summary>x = −f(x = 0) / (∂f/∂x), refused when ∂f/∂x depends on x or is zero.</summary>
    private static Expr SolveLinear(Expr f, string x, XmlElementNode at)
    {
        Expr slope;
        try
        {
            slope = f.Differentiate(x).Simplify();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw Error($"The algebraic rule for '{x}' cannot be solved for it ({e.Message}); algebraic rules that are not linear in their variable are not supported", at, unsupported: "algebraic rule");
        }

        if (slope.ContainsSymbol(x) || slope is NumberExpr { Value: 0 })
        {
            throw Error($"The algebraic rule for '{x}' is not linear in it; only algebraic rules linear in the variable they determine are supported", at, unsupported: "algebraic rule");
        }

        var atZero = f.Substitute(name => name == x ? NumberExpr.Zero : null);
        return Expr.Divide(Expr.Multiply(new NumberExpr(-1), atZero), slope).Simplify();
    }

    /// <summary>The ids of the quantities that nothing but an algebraic rule can determine.</summary>
    private static HashSet<string> FreeVariables(
        List<Compartment> compartments,
        List<Species> species,
        List<Parameter> parameters,
        List<Reaction> reactions,
        List<AssignmentRule> assignmentRules,
        List<RateRule> rateRules)
    {
        var free = new HashSet<string>(StringComparer.Ordinal);
        free.UnionWith(compartments.Where(c => !c.IsConstant).Select(c => c.Id));
        free.UnionWith(parameters.Where(p => !p.IsConstant).Select(p => p.Id));
        var changedByReactions = reactions.SelectMany(r => r.Reactants.Concat(r.Products)).Select(x => x.Species).ToHashSet(StringComparer.Ordinal);
        free.UnionWith(species.Where(s => !s.IsConstant && (s.IsBoundary || !changedByReactions.Contains(s.Id))).Select(s => s.Id));
        free.UnionWith(reactions.SelectMany(r => r.Reactants.Concat(r.Products)).Where(x => !x.IsConstant && x.Id is not null).Select(x => x.Id!));
        free.ExceptWith(assignmentRules.Select(r => r.Variable));
        free.ExceptWith(rateRules.Select(r => r.Variable));
        return free;
    }
}
