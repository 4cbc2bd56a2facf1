using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>ferrosim</c> command tree: simulate, scan, convert, validate, list, remodel, ensemble and sbml-test-suite, with help (<c>-h</c>), version and tab completion from System.CommandLine.</summary>
/// <remarks>
/// Tab completion: install the <c>dotnet-suggest</c> global tool and its shell shim once; System.CommandLine's
/// <c>[suggest]</c> directive then completes commands, options and the names of cell types, drugs, scenarios,
/// solvers and built-in models. Ctrl+C cancels the running command; it stops between simulations and writes
/// nothing unfinished.
/// </remarks>
internal static class CliApplication
{
    /// <summary>Builds the root command.</summary>
    /// <param name="context">Where commands write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("ferrosim: simulate the Nrf2/HO-1 ferroptosis model of bone cells, or any Antimony/SBML model; scan parameters; convert and validate model files.");
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(ConvertCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(RemodelCommand.Create(context));
        root.Subcommands.Add(EnsembleCommand.Create(context));
        root.Subcommands.Add(WaveCommand.Create(context));
        root.Subcommands.Add(SbmlTestSuiteCommand.Create(context.Console.Profile.Out.Writer, context.Error));
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="context">Where commands write.</param>
    /// <param name="cancellationToken">Cancels the command (tests; the real process gets Ctrl+C from System.CommandLine).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments = args;
        var configuration = new InvocationConfiguration
        {
            Output = context.Console.Profile.Out.Writer,
            Error = context.Error,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(5),
        };
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // Parse errors in the tool's own form: one "error: ..." line each, exit code 1, no help screen.
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"error: {CliErrors.OneLine(error.Message)}");
            }

            return Task.FromResult(ExitCodes.InputError);
        }

        if (parse.Action is HelpAction && parse.CommandResult.Command.Subcommands.Count > 0)
        {
            // The standard list of subcommands shows an optional argument as required ("simulate <MODEL>"); mark it as the verb's own usage line does.
            using var help = new StringWriter(CultureInfo.InvariantCulture);
            int code = parse.Invoke(new InvocationConfiguration { Output = help, Error = context.Error });
            configuration.Output.Write(MarkOptionalArguments(help.ToString(), parse.CommandResult.Command));
            return Task.FromResult(code);
        }

        return parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Rewrites the subcommand rows of a help text so that optional arguments are shown in brackets, <c>simulate [&lt;MODEL&gt;]</c>, keeping the columns aligned.</summary>
    /// <param name="help">The help text System.CommandLine wrote.</param>
    /// <param name="command">The command whose help it is.</param>
    /// <returns>The corrected text.</returns>
    internal static string MarkOptionalArguments(string help, Command command)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var arguments = sub.Arguments.Where(a => !a.Hidden).ToList();
            if (!arguments.Any(a => a.Arity.MinimumNumberOfValues == 0))
            {
                continue;
            }

            string shown = string.Join(' ', arguments.Select(a => $"<{a.HelpName ?? a.Name}>").Prepend(sub.Name));
            string marked = string.Join(' ', arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.HelpName ?? a.Name}>]" : $"<{a.HelpName ?? a.Name}>").Prepend(sub.Name));
            int extra = marked.Length - shown.Length;
            help = help.Replace($"  {shown}{new string(' ', extra + 2)}", $"  {marked}  ", StringComparison.Ordinal);
        }

        return help;
    }

    /// <summary>Runs a command line writing to text writers, as the tests do.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Receives results.</param>
    /// <param name="error">Receives errors.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, CliContext.ForWriters(output, error), cancellationToken).GetAwaiter().GetResult();
}
