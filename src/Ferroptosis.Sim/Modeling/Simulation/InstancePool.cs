using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>One <see cref="ModelInstance"/> kept per thread for the runs of <see cref="Simulator.Simulate(CompiledModel, SimulationSettings?, CancellationToken)"/>, so that a thread running the same model again and again does not allocate an instance (its parameter and input vectors) per run.</summary>
/// <remarks>
/// <para>
/// Only instances of models without events, delays or fast reactions are kept: for those, <see cref="ModelInstance.Reset"/>
/// restores everything a run can change (the parameter vector and the overrides), and the values derived from the
/// parameters are recomputed whenever the parameter vector differs bit for bit from the one they were computed for, so a
/// kept instance runs exactly as a new one. An instance is taken out of the slot while it is in use: a run started
/// from inside another on the same thread (an observer, say) gets a new instance.
/// </para>
/// <para>Thread-safe: each thread has its own slot.</para>
/// </remarks>
internal static class InstancePool
{
    [ThreadStatic]
    private static ModelInstance? t_kept;

    /// <summary>Gets an instance of <paramref name="model"/> with its declared parameter values and no overrides: the kept one if it belongs to that model, else a new one.</summary>
    /// <param name="model">The compiled model.</param>
    /// <returns>The instance; hand it back with <see cref="Return"/>.</returns>
    public static ModelInstance Rent(CompiledModel model)
    {
        var kept = t_kept;
        if (kept is not null && ReferenceEquals(kept.Model, model))
        {
            t_kept = null;
            return kept;
        }

        return model.CreateInstance();
    }

    /// <summary>Resets an instance and keeps it for the next run on this thread, if its model allows it.</summary>
    /// <param name="instance">An instance from <see cref="Rent"/>, no longer in use.</param>
    public static void Return(ModelInstance instance)
    {
        var model = instance.Model;
        if (model.HasEvents || model.HasDelays || model.Fast is not null)
        {
            return;
        }

        instance.Reset();
        t_kept = instance;
    }
}
