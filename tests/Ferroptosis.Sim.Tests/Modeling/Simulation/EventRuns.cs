using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>Runs a network for the event tests: tight tolerances and an explicit method, so that event semantics, not integration error, decide the values.</summary>
internal static class EventRuns
{
    /// <summary>Simulates <paramref name="network"/> with output at <paramref name="times"/> and asserts success.</summary>
    public static SimulationResult Simulate(ReactionNetwork network, double[] times, params string[] outputs)
    {
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings
        {
            EndTime = times[^1],
            OutputTimes = times,
            Outputs = outputs,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            Solver = OdeSolvers.DormandPrince5,
        });
        Assert.That(result.IsSuccess, result.Message);
        return result;
    }
}
