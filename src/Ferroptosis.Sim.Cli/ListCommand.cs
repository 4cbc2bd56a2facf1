using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>list</c> command: the built-in models, cell types, perturbations, scenarios, solvers, read-outs and model parameters, with descriptions.</summary>
/// <remarks>Cell types and parameters are those of the model version chosen with <c>--model-version</c> (default 2); the models list shows every version.</remarks>
internal static class ListCommand
{
    private static readonly string[] Topics = ["models", "cells", "perturbations", "scenarios", "solvers", "readouts", "parameters"];

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var topic = new Argument<string?>("WHAT")
        {
            Description = $"Show only one list: {string.Join(", ", Topics)} (default: all but parameters).",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "WHAT",
        };
        topic.AcceptOnlyFromAmong(Topics);
        var modelVersion = CommonOptions.ModelVersion();
        var command = new Command("list", "List built-in models, cell types, perturbations, scenarios, solvers and read-outs.") { topic, modelVersion };
        command.SetAction(parse => context.Guard(() =>
        {
            string? only = parse.GetValue(topic);
            var version = CommonOptions.ResolveModelVersion(parse.GetValue(modelVersion));
            foreach (string name in only is null ? Topics[..^1] : [only])
            {
                context.WriteLine(name switch
                {
                    "models" => "Built-in models (MODEL argument, --model-version; files: .ant/.antimony/.txt Antimony, .xml/.sbml SBML)",
                    "cells" => $"Cell types (--cell) of {version}",
                    "perturbations" => "Perturbations (--perturb NAME=VALUE[@START[..END]]; --param of scan)",
                    "scenarios" => "Disease scenarios (--scenario; in-vitro form, --chronic for half strength)",
                    "solvers" => "Solvers (--solver)",
                    "readouts" => "Read-outs (scan --readout)",
                    _ => $"Parameters of the built-in {version} (expert use: --perturb id=value, scan --param id)",
                });
                context.Write(Table(name, version));
                context.WriteLine();
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Spectre.Console.Table Table(string topic, FerroptosisModel version)
    {
        var c = CultureInfo.InvariantCulture;
        switch (topic)
        {
            case "models":
                var models = CliContext.CreateTable("name", "version", "description");
                foreach (var model in FerroptosisModel.All)
                {
                    string role = model == FerroptosisModel.Default ? "the default" : "kept to reproduce published results";
                    CliContext.AddRow(models, ModelFile.BuiltInName, model.Version, $"Nrf2/HO-1 ferroptosis model of bone cells, {model.Folder} ({role}): {model.Compiled.Dimension} states, {model.Network.Reactions.Count} reactions, time in hours (files: {string.Join(", ", model.Files)})");
                }

                return models;
            case "cells":
                var cells = CliContext.CreateTable("name", "description");
                foreach (var cell in version.CellTypes)
                {
                    CliContext.AddRow(cells, cell.Name, cell.Description);
                }

                CliContext.AddRow(cells, CommonOptions.AllCells, "the three mature cell types (osteoblast, osteoclast, osteocyte)");
                return cells;
            case "perturbations":
                var perturbations = CliContext.CreateTable("name", "also", "value", "what it does");
                foreach (string drug in Perturbation.DrugNames)
                {
                    CliContext.AddRow(perturbations, drug, string.Join(", ", Perturbation.DrugAliases(drug)), "concentration (5uM)", Perturbation.Drug(drug, 1).Description);
                }

                CliContext.AddRow(perturbations, PerturbationTarget.OxidativeStress, "ros", "factor (1.65)", Perturbation.OxidativeStress(2).Description);
                CliContext.AddRow(perturbations, PerturbationTarget.HoInduction, "ho-1-induction, hmox1-induction", "fold (5)", Perturbation.HemeOxygenaseInduction(2).Description);
                CliContext.AddRow(perturbations, "knockdown-GENE", "", "remaining fraction 0–1", $"genetic: GENE one of {string.Join(", ", Enum.GetNames<Gene>().Select(g => g.ToLowerInvariant()))}");
                CliContext.AddRow(perturbations, "overexpression-GENE", "", "fold ≥ 1", "genetic: as above");
                return perturbations;
            case "scenarios":
                var scenarios = CliContext.CreateTable("name", "description", "in-vitro changes");
                foreach (var scenario in DiseaseScenario.All)
                {
                    CliContext.AddRow(scenarios, scenario.Name, scenario.Description, string.Join("; ", scenario.InVitro));
                }

                return scenarios;
            case "solvers":
                var solvers = CliContext.CreateTable("name", "order ", "stiff", "Jacobian");
                foreach (var solver in OdeSolvers.All)
                {
                    CliContext.AddRow(solvers, solver.Name, solver.Order.ToString(c), solver.IsStiff ? "yes" : "no", solver.UsesJacobian ? "yes" : "no");
                }

                return solvers;
            case "readouts":
                var readouts = CliContext.CreateTable("read-out", "meaning");
                foreach (var (form, meaning) in ScanReadout.Forms)
                {
                    CliContext.AddRow(readouts, form, meaning);
                }

                return readouts;
            default:
                var parameters = CliContext.CreateTable("id", "value ");
                var compiled = version.Compiled;
                for (int k = 0; k < compiled.ParameterIds.Count; k++)
                {
                    CliContext.AddRow(parameters, compiled.ParameterIds[k], compiled.DefaultParameters[k].ToString("G6", c));
                }

                return parameters;
        }
    }
}
