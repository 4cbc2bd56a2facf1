using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>Initial values: declared values, overrides, initial assignments and assignment rules at t0.</content>
public sealed partial class ModelInstance
{
    /// <summary>Computes the state at t0 and updates the parameter vector for initial assignments, following SBML: initial assignments and assignment rules are evaluated together in dependency order, species given as concentrations are converted with their compartment's initial size.</summary>
    /// <param name="t0">The initial time.</param>
    /// <returns>The state vector at t0.</returns>
    /// <remarks>Runs the interpreter once per quantity; call it once per run, not in a loop.</remarks>
    public double[] ComputeInitialState(double t0 = 0)
    {
        var network = Model.Network;

        // Only values that take more than a look-up are cached (Direct answers the others again at no cost). The cache,
        // the set and the stack are created when first needed and kept by the instance (an instance reused for many runs
        // allocates them once); the delegate the interpreter calls back is created once per call.
        var values = _initialValues;
        var evaluating = _evaluating;
        var stack = _initialStack;
        values?.Clear();
        evaluating?.Clear();
        stack?.Clear();
        Func<string, double>? valueOf = null;

        // Parameter-vector entries that initial assignments or initial values define are updated first,
        // so that later evaluations (and the run) see them.
        var parameterIds = Model.ParameterIds;
        foreach (int m in InitialValueSlots())
        {
            string id = parameterIds[m];
            if (IsParameterOverridden(id) || id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (network.FindSpecies(id) is { } species)
            {
                Parameters[m] = Amount(species);
            }
            else if (network.FindInitialAssignment(id) is not null || _initialOverrides.ContainsKey(id))
            {
                Parameters[m] = Value(id);
            }
        }

        var y0 = new double[_n];
        for (int k = 0; k < _n; k++)
        {
            string id = Model.StateIds[k];
            y0[k] = network.FindSpecies(id) is { } species && Model.Layout.AmountStates.Contains(id) ? Amount(species) : Value(id);
        }

        // Fast reactions are at equilibrium from the start: the one their own dynamics reach from the given values.
        RelaxFast(t0, y0);
        return y0;

        double Amount(Species s) => s.HasOnlySubstanceUnits ? Value(s.Id) : Value(s.Id) * Value(s.Compartment);

        double Value(string id)
        {
            if (Direct(id, out double direct))
            {
                return direct;
            }

            values ??= _initialValues = new Dictionary<string, double>(StringComparer.Ordinal);
            if (values.TryGetValue(id, out double known))
            {
                return known;
            }

            // What id depends on is computed first, deepest first, from an explicit stack: a chain of thousands of
            // rules needs no deep recursion (Compute then finds every value it asks for).
            evaluating ??= _evaluating = new HashSet<string>(StringComparer.Ordinal);
            stack ??= _initialStack = new Stack<(string Id, IReadOnlyList<string> Dependencies, int Next)>();
            evaluating.Add(id);
            stack.Push((id, Dependencies(id), 0));
            while (stack.Count > 0)
            {
                var (current, dependencies, next) = stack.Pop();
                if (next < dependencies.Count)
                {
                    stack.Push((current, dependencies, next + 1));
                    string dependency = dependencies[next];
                    if (values.ContainsKey(dependency) || Direct(dependency, out _))
                    {
                        continue;
                    }

                    if (!evaluating.Add(dependency))
                    {
                        throw new ModelValidationException($"The initial value of '{dependency}' depends on itself.");
                    }

                    stack.Push((dependency, Dependencies(dependency), 0));
                    continue;
                }

                values[current] = Compute(current);
                evaluating.Remove(current);
            }

            return values[id];
        }

        // Two common cases answered as Compute would answer them, without building dependencies (they have none): an
        // initial value given for this run, and a parameter that is simply its value in the parameter vector.
        bool Direct(string id, out double value)
        {
            if (_initialOverrides.TryGetValue(id, out value))
            {
                return id != ReactionNetwork.TimeSymbol;
            }

            if (Model.Layout.TryGetPlainParameter(id, out int slot))
            {
                value = Parameters[slot];
                return true;
            }

            return false;
        }

        // The ids Compute(id) asks Value for, in the branch Compute takes.
        IReadOnlyList<string> Dependencies(string id)
        {
            if (id == ReactionNetwork.TimeSymbol || _initialOverrides.ContainsKey(id))
            {
                return NoDependencies;
            }

            int slot = Model.IndexOfParameter(id);
            if (slot >= 0 && IsParameterOverridden(id))
            {
                return network.FindSpecies(id) is { HasOnlySubstanceUnits: false } s ? [s.Compartment] : [];
            }

            if (network.FindInitialAssignment(id) is { } assignment)
            {
                return assignment.Expression.Symbols;
            }

            if (network.FindAssignmentRule(id) is { } rule)
            {
                return rule.Expression.Symbols;
            }

            if (network.FindSpecies(id) is { } species)
            {
                return [species.Compartment];
            }

            return network.FindReaction(id) is { } reaction ? GlobalSymbols(reaction) : [];
        }

        double Compute(string id)
        {
            if (id == ReactionNetwork.TimeSymbol)
            {
                return t0;
            }

            if (_initialOverrides.TryGetValue(id, out double overridden))
            {
                return overridden;
            }

            int slot = Model.IndexOfParameter(id);
            if (slot >= 0 && IsParameterOverridden(id))
            {
                return network.FindSpecies(id) is { HasOnlySubstanceUnits: false } s ? Parameters[slot] / Value(s.Compartment) : Parameters[slot];
            }

            if (network.FindInitialAssignment(id) is { } assignment)
            {
                return assignment.Expression.Evaluate(valueOf ??= Value, network.FunctionLibrary);
            }

            if (network.FindAssignmentRule(id) is { } rule)
            {
                return rule.Expression.Evaluate(valueOf ??= Value, network.FunctionLibrary);
            }

            if (network.FindSpecies(id) is { } species)
            {
                double size = Value(species.Compartment);
                double amount = species.InitialIsConcentration ? species.InitialValue * size : species.InitialValue;
                return species.HasOnlySubstanceUnits ? amount : amount / size;
            }

            if (network.FindReaction(id) is { } reaction)
            {
                return Rate(reaction, valueOf ??= Value);
            }

            if (slot >= 0)
            {
                return Parameters[slot];
            }

            // A rate-rule compartment, parameter or species reference: its declared value.
            return network.FindCompartment(id)?.Size ?? network.FindParameter(id)?.Value ?? ReferenceStoichiometry(network, id) ?? throw new ModelValidationException($"'{id}' has no initial value.");
        }
    }

    /// <summary>The symbols of a reaction's rate law that are not its local parameters (in a method of their own, so that the closure over the reaction is created only for reactions).</summary>
    private static string[] GlobalSymbols(Reaction reaction) => [.. reaction.KineticLaw.Symbols.Where(name => !reaction.LocalParameters.ContainsKey(name))];

    /// <summary>A reaction's rate at t0: its local parameters from the parameter vector, other symbols from <paramref name="value"/>.</summary>
    private double Rate(Reaction reaction, Func<string, double> value) =>
        reaction.KineticLaw.Evaluate(
            name => Model.IndexOfParameter(ModelLayout.LocalName(reaction.Id, name)) is int local and >= 0 && reaction.LocalParameters.ContainsKey(name)
                ? Parameters[local]
                : value(name),
            Model.Network.FunctionLibrary);

    /// <summary>The declared stoichiometry of the species reference with this id, or null.</summary>
    private static double? ReferenceStoichiometry(ReactionNetwork network, string id)
    {
        foreach (var reaction in network.Reactions)
        {
            foreach (var reference in reaction.Reactants.Concat(reaction.Products))
            {
                if (reference.Id == id)
                {
                    return reference.Stoichiometry;
                }
            }
        }

        return null;
    }

    /// <summary>An empty dependency list, shared (never modified).</summary>
    private static readonly string[] NoDependencies = [];

    /// <summary>The slots of the parameter vector that <see cref="ComputeInitialState"/> may set, ascending: species, ids with an initial assignment (<see cref="ModelLayout.InitialValueSlots"/>) and ids with an initial-value override; every other slot keeps its value.</summary>
    private IEnumerable<int> InitialValueSlots()
    {
        var slots = Model.Layout.InitialValueSlots;
        SortedSet<int>? all = null;
        foreach (string id in _initialOverrides.Keys)
        {
            if (Model.IndexOfParameter(id) is int m and >= 0)
            {
                (all ??= new SortedSet<int>(slots)).Add(m);
            }
        }

        return all ?? (IEnumerable<int>)slots;
    }
}
