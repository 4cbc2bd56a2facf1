namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>Fast reactions: relaxing the state to their equilibrium at the start and after event executions.</content>
public sealed partial class ModelInstance
{
    private double[]? _massEntries;
    private FastRelaxation? _relaxation;

    /// <summary>Relaxes <paramref name="y"/> to the equilibrium the fast reactions reach from it (nothing when the model has none).</summary>
    internal void RelaxFast(double t, Span<double> y)
    {
        if (Model.Fast is { } fast)
        {
            (_relaxation ??= new FastRelaxation(this, fast)).Run(t, y);
        }
    }
}
