using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Decides which model quantities become state variables and which live in the parameter vector, and how species are stored.</summary>
/// <remarks>
/// SBML semantics: reactions change amounts, so a species changed by reactions is integrated as its
/// amount and its symbol means amount/size (unless it has only substance units); this keeps amounts
/// right when a compartment changes size. A species with a rate rule is integrated in the quantity its
/// symbol denotes. Species, compartments, parameters and species references that nothing integrates
/// and no assignment rule defines live in the parameter vector, where events may change them; species
/// there are held as amounts. Local parameters live there too, named <c>reaction.parameter</c>.
/// </remarks>
internal sealed class ModelLayout
{
    private readonly Dictionary<string, int> _state = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _plainParameter = new(StringComparer.Ordinal);

    public ModelLayout(ReactionNetwork network)
    {
        Network = network;
        var stateIds = new List<string>();
        var parameterIds = new List<string>();
        var defaults = new List<double>();
        var amountStates = new HashSet<string>(StringComparer.Ordinal);

        foreach (var s in network.Species)
        {
            bool byReactions = !s.IsBoundary && !s.IsConstant && network.ReactionsOf(s.Id).Count > 0;
            bool byRateRule = network.FindRateRule(s.Id) is not null;
            if (byReactions || byRateRule)
            {
                _state[s.Id] = stateIds.Count;
                stateIds.Add(s.Id);
                if (byReactions || s.HasOnlySubstanceUnits)
                {
                    amountStates.Add(s.Id);
                }
            }
            else if (network.FindAssignmentRule(s.Id) is null)
            {
                _parameter[s.Id] = parameterIds.Count;
                parameterIds.Add(s.Id);
                defaults.Add(InitialAmount(network, s));
            }
        }

        foreach (var c in network.Compartments)
        {
            Place(c.Id, c.Size);
        }

        foreach (var p in network.Parameters)
        {
            Place(p.Id, p.Value);
        }

        foreach (var r in network.Reactions)
        {
            foreach (var reference in r.Reactants.Concat(r.Products))
            {
                if (reference.Id is { } id)
                {
                    Place(id, reference.Stoichiometry);
                }
            }

            foreach (var (name, value) in r.LocalParameters)
            {
                _parameter[LocalName(r.Id, name)] = parameterIds.Count;
                parameterIds.Add(LocalName(r.Id, name));
                defaults.Add(value);
            }
        }

        StateIds = stateIds;
        ParameterIds = parameterIds;
        DefaultParameters = [.. defaults];
        AmountStates = amountStates;
        InitialValueSlots = [.. Enumerable.Range(0, parameterIds.Count).Where(m =>
            !parameterIds[m].Contains('.', StringComparison.Ordinal)
            && (network.FindSpecies(parameterIds[m]) is not null || network.FindInitialAssignment(parameterIds[m]) is not null))];
        var initialSlots = new HashSet<int>(InitialValueSlots);
        for (int m = 0; m < parameterIds.Count; m++)
        {
            if (!initialSlots.Contains(m) && !parameterIds[m].Contains('.', StringComparison.Ordinal))
            {
                _plainParameter[parameterIds[m]] = m;
            }
        }

        void Place(string id, double value)
        {
            if (network.FindRateRule(id) is not null)
            {
                _state[id] = stateIds.Count;
                stateIds.Add(id);
            }
            else if (network.FindAssignmentRule(id) is null)
            {
                _parameter[id] = parameterIds.Count;
                parameterIds.Add(id);
                defaults.Add(value);
            }
        }
    }

    public ReactionNetwork Network { get; }

    /// <summary>Gets the ids of the state variables, in y order.</summary>
    public IReadOnlyList<string> StateIds { get; }

    /// <summary>Gets the ids held in the parameter vector, in order.</summary>
    public IReadOnlyList<string> ParameterIds { get; }

    /// <summary>Gets the declared values of the parameter vector (species as amounts), before initial assignments.</summary>
    public double[] DefaultParameters { get; }

    /// <summary>Gets the slots of the parameter vector, ascending, whose value at t0 comes from the network rather than the declared value: species (held as amounts) and ids with an initial assignment; local parameters are not among them.</summary>
    public int[] InitialValueSlots { get; }

    /// <summary>Gets the species integrated as amounts (the others among the states, if species, are concentrations).</summary>
    public IReadOnlySet<string> AmountStates { get; }

    public static string LocalName(string reaction, string parameter) => reaction + "." + parameter;

    public bool TryGetState(string id, out int index) => _state.TryGetValue(id, out index);

    public bool TryGetParameter(string id, out int index) => _parameter.TryGetValue(id, out index);

    /// <summary>Tells whether <paramref name="id"/> is a global parameter-vector entry whose initial value is simply its value in the vector (not a species, no initial assignment, not a local parameter).</summary>
    public bool TryGetPlainParameter(string id, out int index) => _plainParameter.TryGetValue(id, out index);

    /// <summary>The declared initial amount of a species (concentration × declared compartment size when given as a concentration).</summary>
    public static double InitialAmount(ReactionNetwork network, Species s) =>
        s.InitialIsConcentration ? s.InitialValue * (network.FindCompartment(s.Compartment)?.Size ?? 1.0) : s.InitialValue;
}
