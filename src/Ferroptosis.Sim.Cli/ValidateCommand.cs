using System.CommandLine;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>validate</c> command: reads a model file, checks it and compiles it, and prints what it contains; problems are reported as <c>path:line:column: message</c>.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The model file: .ant/.antimony/.txt (Antimony) or .xml/.sbml (SBML)." };
        var command = new Command("validate", "Check that a model file reads, validates and compiles; print its contents.") { file };
        command.SetAction(parse => context.Guard(() =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file.");
            }

            var network = ModelFile.Read(path, context.Error);
            CompiledModel compiled;
            try
            {
                compiled = ModelCompiler.Compile(network);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or Modeling.ModelValidationException)
            {
                throw new CliException($"{path}: the model reads but does not compile: {ex.Message}", ex);
            }

            var table = CliContext.CreateTable("part", "count ", "ids");
            CliContext.AddRow(table, "compartments", Count(network.Compartments.Count), Ids(network.Compartments.Select(c => c.Id)));
            CliContext.AddRow(table, "species", Count(network.Species.Count), Ids(network.Species.Select(s => s.Id)));
            CliContext.AddRow(table, "reactions", Count(network.Reactions.Count), Ids(network.Reactions.Select(r => r.Id)));
            CliContext.AddRow(table, "parameters", Count(network.Parameters.Count), Ids(network.Parameters.Select(p => p.Id)));
            CliContext.AddRow(table, "assignment rules", Count(network.AssignmentRules.Count), Ids(network.AssignmentRules.Select(r => r.Variable)));
            CliContext.AddRow(table, "rate rules", Count(network.RateRules.Count), Ids(network.RateRules.Select(r => r.Variable)));
            CliContext.AddRow(table, "events", Count(network.Events.Count), Ids(network.Events.Select(e => e.Id)));
            if (network.Species.Count == 0 && network.RateRules.Count == 0 && network.AssignmentRules.Count == 0 && network.Events.Count == 0)
            {
                // Valid, but simulate and scan refuse it: say so here already.
                context.Error.WriteLine($"warning: {path}: the model has no species, rules or events (is the file empty?); simulate and scan refuse it.");
            }

            context.WriteLine($"{path}: valid model '{network.Id}' with {compiled.Dimension} state variables.");
            context.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Ids(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count <= 12 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(12))}, … (+{list.Count - 12})";
    }
}
