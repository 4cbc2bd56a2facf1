namespace Ferroptosis.Sim.Analysis;

/// <summary>Multiplies a parameter's value in the run (its declared value, or the one the base settings give) by the input value — the natural input for cell-to-cell variability (a lognormal factor of median 1) and for relative scans.</summary>
/// <param name="Id">The parameter id.</param>
public sealed record ParameterFoldChangeInput(string Id) : IModelInput
{
    /// <inheritdoc/>
    public string Name => Id + "*";

    /// <inheritdoc/>
    public void Apply(RunSetup setup, double value)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Instance.SetParameter(Id, setup.Instance.GetParameter(Id) * value);
    }
}
