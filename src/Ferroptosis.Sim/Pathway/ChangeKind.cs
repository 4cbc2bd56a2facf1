namespace Ferroptosis.Sim.Pathway;

/// <summary>How a <see cref="ParameterChange"/> acts on a model parameter.</summary>
public enum ChangeKind
{
    /// <summary>The parameter takes the value (drug inputs, oxidative challenge).</summary>
    Set,

    /// <summary>The parameter is multiplied by the value (expression multipliers, knock-downs).</summary>
    Multiply,

    /// <summary>The value is added to the parameter (additive gains such as NCOA4 ferritinophagy).</summary>
    Add,
}
