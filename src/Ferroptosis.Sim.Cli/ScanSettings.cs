namespace Ferroptosis.Sim.Cli;

/// <summary>The shared run settings of a scan, as given on the command line.</summary>
/// <param name="Perturb">Fixed perturbations applied at every point.</param>
/// <param name="TEnd">The run length as typed, or null.</param>
/// <param name="Solver">The solver, or null for the default.</param>
/// <param name="RelativeTolerance">The relative tolerance, or null.</param>
/// <param name="AbsoluteTolerance">The absolute tolerance, or null.</param>
internal sealed record ScanSettings(
    IReadOnlyList<string> Perturb,
    string? TEnd,
    Ferroptosis.Sim.Ode.IOdeSolver? Solver,
    double? RelativeTolerance,
    double? AbsoluteTolerance);
