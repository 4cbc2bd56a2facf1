namespace Ferroptosis.Sim.Cli;

/// <summary>The exit codes of <c>ferrosim</c>; docs/cli.md lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line, a name, a value or an input file is wrong, or a file cannot be read or written (also System.CommandLine's code for parse errors).</summary>
    public const int InputError = 1;

    /// <summary>A simulation failed numerically (the solver's status and message are printed); no output was written.</summary>
    public const int SimulationFailed = 2;

    /// <summary>The run is larger than the documented limits (refused before it starts; <c>--force</c> runs it), or it ran out of memory or stack.</summary>
    public const int TooLarge = 3;

    /// <summary>An error the tool did not expect (a defect): the message names the exception type; please report it with the command line.</summary>
    public const int InternalError = 70;

    /// <summary>The run was cancelled (Ctrl+C or SIGTERM); no partial output was written (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
