using System.CommandLine;
using Ferroptosis.Sim.Cli;

// ferrosim: Ferroptosis.Sim on the command line. Each command lives in its own class; the work is done by the library.
var root = new RootCommand("ferrosim: simulate and check Ferroptosis.Sim models.");
root.Subcommands.Add(SbmlTestSuiteCommand.Create(Console.Out));
root.Subcommands.Add(RemodelCommand.Create(Console.Out));
return root.Parse(args).Invoke();
