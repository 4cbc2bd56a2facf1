using System.CommandLine;
using Ferroptosis.Sim.Orleans.Host;

// ferrosim-orleans: ensemble plans on an Orleans cluster. 'silo' hosts a silo; 'run' runs a plan on the cluster as a client.
var root = new RootCommand("Ensemble plans of Ferroptosis.Sim on a Microsoft Orleans cluster (plans come from 'ferrosim ensemble plan').");
root.Subcommands.Add(OrleansCommands.CreateSilo());
root.Subcommands.Add(OrleansCommands.CreateRun());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
