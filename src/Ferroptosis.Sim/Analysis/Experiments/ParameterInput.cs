namespace Ferroptosis.Sim.Analysis;

/// <summary>Sets a parameter (or constant compartment size, or local parameter <c>reaction.parameter</c>) to the input value.</summary>
/// <param name="Id">The id, as in <see cref="Modeling.Compilation.CompiledModel.ParameterIds"/>.</param>
public sealed record ParameterInput(string Id) : IModelInput
{
    /// <inheritdoc/>
    public string Name => Id;

    /// <inheritdoc/>
    public void Apply(RunSetup setup, double value)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Instance.SetParameter(Id, value);
    }
}
