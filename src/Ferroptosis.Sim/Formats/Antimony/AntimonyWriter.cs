using System.Text;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Writes a reaction network as Antimony text that <see cref="AntimonyReader"/> reads back to an identical network.</summary>
/// <remarks>
/// <para>
/// Layout: function definitions before the model (where libAntimony expects them), then <c>model id … end</c> with one
/// statement per line in sections — compartments, species, parameters, initial assignments, assignment rules, rate
/// rules, reactions, events. Every name is declared in its section in the network's order, so the re-read lists keep
/// that order; numbers use the shortest text that round-trips ("R"), formulas the project's expression syntax.
/// </para>
/// <para>
/// Antimony cannot express some parts of a network. Parts with no effect on a simulation are not written: values
/// overridden by an initial assignment or assignment rule, reaction modifiers (the reader derives them from the rate
/// law, as libAntimony does), compartment dimensions; an initial assignment that is a plain number is written as the
/// initial value. Parts that would change a simulation make <see cref="Write"/> throw; <see cref="FindUnsupported"/>
/// lists them beforehand. Thread-safe (stateless).
/// </para>
/// </remarks>
public static partial class AntimonyWriter
{
    /// <summary>Writes a network as Antimony text.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The text, with '\n' line breaks.</returns>
    /// <exception cref="ArgumentException">The network uses something Antimony cannot express; the message lists every such part (see <see cref="FindUnsupported"/>).</exception>
    public static string Write(ReactionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var unsupported = FindUnsupported(network);
        if (unsupported.Count > 0)
        {
            throw new ArgumentException(
                $"Model '{network.Id}' cannot be written as Antimony:\n" + string.Join("\n", unsupported.Select(u => "  - " + u)),
                nameof(network));
        }

        var w = new StringBuilder();
        foreach (var f in network.Functions)
        {
            w.Append("function ").Append(f.Name).Append('(').AppendJoin(", ", f.Parameters).Append(")\n")
                .Append("  ").Append(f.Body).Append('\n')
                .Append("end\n\n");
        }

        w.Append("model ").Append(network.Id).Append('\n');
        var shadowed = new HashSet<string>(network.InitialAssignments.Select(a => a.Symbol).Concat(network.AssignmentRules.Select(r => r.Variable)), StringComparer.Ordinal);
        var numericAssignments = network.InitialAssignments.Where(a => a.Expression is NumberExpr).ToDictionary(a => a.Symbol, a => ((NumberExpr)a.Expression).Value, StringComparer.Ordinal);
        var changed = new HashSet<string>(
            network.AssignmentRules.Select(r => r.Variable).Concat(network.RateRules.Select(r => r.Variable)).Concat(network.Events.SelectMany(e => e.Assignments.Select(a => a.Variable))),
            StringComparer.Ordinal);

        string? Value(string id, double value) =>
            numericAssignments.TryGetValue(id, out double assigned) ? Number(assigned)
            : shadowed.Contains(id) ? null
            : Number(value);

        // 'var' only where the reader would not infer it: constant unless declared var or changed by a rule or event.
        string VarPrefix(string id, bool isConstant) => !isConstant && !changed.Contains(id) ? "var " : string.Empty;

        Section(w, "Compartments", network.Compartments, c =>
            $"{VarPrefix(c.Id, c.IsConstant)}compartment {c.Id}{Assign(Value(c.Id, c.Size))};");
        Section(w, "Species", network.Species, s =>
            $"{(s.HasOnlySubstanceUnits ? "substanceOnly " : string.Empty)}species {(s.IsBoundary ? "$" : string.Empty)}{s.Id} in {s.Compartment}{Assign(Value(s.Id, s.InitialValue))};");
        Section(w, "Parameters", network.Parameters, p => Value(p.Id, p.Value) is { } v
            ? $"{VarPrefix(p.Id, p.IsConstant)}{p.Id} = {v};"
            : $"{(p.IsConstant ? "const" : "var")} {p.Id};");
        Section(w, "Initial assignments", network.InitialAssignments.Where(a => a.Expression is not NumberExpr).ToList(), a => $"{a.Symbol} = {a.Expression};");
        Section(w, "Assignment rules", network.AssignmentRules, r => $"{r.Variable} := {r.Expression};");
        Section(w, "Rate rules", network.RateRules, r => $"{r.Variable}' = {r.Expression};");
        Section(w, "Reactions", network.Reactions, r =>
        {
            string left = Side(r.Reactants);
            string right = Side(r.Products);
            string arrow = r.IsReversible ? "->" : "=>";
            return $"{r.Id}: {left}{(left.Length > 0 ? " " : string.Empty)}{arrow}{(right.Length > 0 ? " " : string.Empty)}{right}; {r.KineticLaw};";
        });
        Section(w, "Events", network.Events, e =>
        {
            var settings = new StringBuilder();
            if (e.Priority is { } priority)
            {
                settings.Append(", priority = ").Append(priority);
            }

            settings.Append(e.TriggerInitialValue ? string.Empty : ", t0 = false")
                .Append(e.IsPersistent ? string.Empty : ", persistent = false")
                .Append(e.UseValuesFromTriggerTime ? string.Empty : ", fromTrigger = false");
            return $"{e.Id}: at {e.Trigger}{settings}: {string.Join(", ", e.Assignments.Select(a => $"{a.Variable} = {a.Expression}"))};";
        });
        w.Append("end\n");
        return w.ToString();
    }

    /// <summary>Writes a network to an Antimony file (UTF-8).</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentException">The network uses something Antimony cannot express.</exception>
    public static void WriteFile(ReactionNetwork network, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, Write(network));
    }

    private static string Number(double value) => ExpressionFormatter.FormatNumber(value);

    private static string Assign(string? value) => value is null ? string.Empty : " = " + value;

    private static string Side(IReadOnlyList<SpeciesReference> side) =>
        string.Join(" + ", side.Select(s => s.Stoichiometry == 1 ? s.Species : $"{Number(s.Stoichiometry)} {s.Species}"));

    private static void Section<T>(StringBuilder w, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.Append("\n  // ").Append(title).Append('\n');
        foreach (var item in items)
        {
            w.Append("  ").Append(line(item)).Append('\n');
        }
    }
}
