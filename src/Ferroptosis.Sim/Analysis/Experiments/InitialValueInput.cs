namespace Ferroptosis.Sim.Analysis;

/// <summary>Sets the initial value of a species (its concentration, or amount with only substance units), compartment or rate-rule parameter.</summary>
/// <param name="Id">The id.</param>
public sealed record InitialValueInput(string Id) : IModelInput
{
    /// <inheritdoc/>
    public string Name => Id + "(0)";

    /// <inheritdoc/>
    public void Apply(RunSetup setup, double value)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Instance.SetInitialValue(Id, value);
    }
}
