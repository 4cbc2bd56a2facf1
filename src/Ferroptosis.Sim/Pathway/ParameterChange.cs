using System.Globalization;

namespace Ferroptosis.Sim.Pathway;

/// <summary>One change of one parameter of the ferroptosis model.</summary>
/// <param name="Parameter">The model parameter id (see the README of the model version, e.g. <c>models/ferroptosis/v1/README.md</c>).</param>
/// <param name="Kind">Set, multiply or add.</param>
/// <param name="Value">The value, in the parameter's own unit.</param>
public sealed record ParameterChange(string Parameter, ChangeKind Kind, double Value)
{
    /// <summary>Applies the change to a current value.</summary>
    /// <param name="current">The value before the change.</param>
    /// <returns>The value after it.</returns>
    public double Apply(double current) => Kind switch
    {
        ChangeKind.Set => Value,
        ChangeKind.Multiply => current * Value,
        _ => current + Value,
    };

    /// <summary>Returns the change with its deviation from "no change" scaled by <paramref name="factor"/> (e.g. 0.5 for the half-strength chronic form of a scenario).</summary>
    /// <param name="factor">The factor applied to the deviation.</param>
    /// <param name="neutral">The value of a <see cref="ChangeKind.Set"/> change that means "no change" (e.g. 1 for ros_x, 0 for a drug).</param>
    /// <returns>The scaled change.</returns>
    public ParameterChange Scale(double factor, double neutral = 0) => Kind switch
    {
        ChangeKind.Multiply => this with { Value = 1 + (factor * (Value - 1)) },
        ChangeKind.Add => this with { Value = factor * Value },
        _ => this with { Value = neutral + (factor * (Value - neutral)) },
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ChangeKind.Set => string.Create(CultureInfo.InvariantCulture, $"{Parameter} = {Value:G4}"),
        ChangeKind.Multiply => string.Create(CultureInfo.InvariantCulture, $"{Parameter} ×{Value:G4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Parameter} {(Value >= 0 ? "+" : "−")}{Math.Abs(Value):G4}"),
    };
}
