using Ferroptosis.Sim.Cli;

// ferrosim: Ferroptosis.Sim on the command line. Each command lives in its own class; the work is done by the library.
return await CliApplication.RunAsync(args, CliContext.ForTerminal()).ConfigureAwait(false);
