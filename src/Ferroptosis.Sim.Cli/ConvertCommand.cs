using System.CommandLine;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>convert</c> command: Antimony ↔ SBML, the formats chosen by the file extensions.</summary>
/// <remarks>The input is read and validated completely before the output is written (atomically), so a bad input never leaves an output file.</remarks>
internal static class ConvertCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("IN") { Description = "The model to read: .ant/.antimony/.txt (Antimony) or .xml/.sbml (SBML)." };
        var output = new Argument<string>("OUT") { Description = "The file to write, format by extension: .ant (Antimony) or .xml (SBML Level 3 Version 2)." };
        var command = new Command("convert", "Convert a model between Antimony and SBML.") { input, output };
        command.SetAction(parse => context.Guard(() =>
        {
            string from = parse.GetValue(input)!, to = parse.GetValue(output)!;
            ModelFile.IsSbml(to);
            if (!File.Exists(from))
            {
                throw new CliException($"{from}: no such file.");
            }

            if (string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"{to}: OUT is the input file; converting would overwrite it (and lose its comments). Give another OUT.");
            }

            var network = ModelFile.Read(from, context.Error);
            ModelFile.Write(network, to);
            context.WriteLine($"Converted {from} ({Format(from)}) to {to} ({Format(to)}): {network.Species.Count} species, {network.Reactions.Count} reactions, {network.Parameters.Count} parameters.");
            context.ReportFiles([to]);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Format(string path) => ModelFile.IsSbml(path) ? "SBML" : "Antimony";
}
