using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Small models with closed-form solutions, shared by the analysis tests.</summary>
internal static class AnalysisModels
{
    /// <summary>Gets y' = −k y, y(0) = 1 (k = 1): y(t) = e^{−kt}.</summary>
    public static CompiledModel Decay { get; } = ModelCompiler.Compile(new ReactionNetworkBuilder("decay")
        .Compartment("cell", 1)
        .Species("y", 1.0)
        .Parameter("k", 1.0)
        .Reaction("R", "y =>", "k*y")
        .Build());

    /// <summary>Gets A → B → C (k1 = 1, k2 = 0.5), A(0) = 1: B(t) = k1/(k2 − k1)·(e^{−k1 t} − e^{−k2 t}).</summary>
    public static CompiledModel Chain { get; } = ModelCompiler.Compile(new ReactionNetworkBuilder("chain")
        .Compartment("cell", 1)
        .Species("A", 1.0).Species("B", 0).Species("C", 0)
        .Parameter("k1", 1.0).Parameter("k2", 0.5)
        .Reaction("R1", "A => B", "k1*A")
        .Reaction("R2", "B => C", "k2*B")
        .Build());

    /// <summary>Gets y' = −k y with an event that refills y to 1 whenever it falls below 1/4 (a saw-tooth of period ln 4 / k).</summary>
    public static CompiledModel Refill { get; } = ModelCompiler.Compile(new ReactionNetworkBuilder("refill")
        .Compartment("cell", 1)
        .Species("y", 1.0)
        .Parameter("k", 1.0)
        .Reaction("R", "y =>", "k*y")
        .Event("refill", "y < 0.25", ("y", "1"))
        .Build());

    /// <summary>Settings with tight tolerances (rtol 1e-10, atol 1e-12) and Dormand–Prince 5.</summary>
    public static SimulationSettings Tight(double endTime) => new()
    {
        EndTime = endTime,
        RelativeTolerance = 1e-10,
        AbsoluteTolerance = 1e-12,
        Solver = OdeSolvers.DormandPrince5,
    };

    /// <summary>B(t) of <see cref="Chain"/>.</summary>
    public static double ChainB(double t, double k1 = 1, double k2 = 0.5) => k1 / (k2 - k1) * (Math.Exp(-k1 * t) - Math.Exp(-k2 * t));
}
