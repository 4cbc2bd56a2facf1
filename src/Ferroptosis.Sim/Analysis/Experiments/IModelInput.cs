namespace Ferroptosis.Sim.Analysis;

/// <summary>One input of a <see cref="SimulationExperiment"/>: how a number is put into a run (a parameter value, an initial value, a fold change, a dose…).</summary>
/// <remarks>
/// Implementations are small immutable records. <see cref="ParameterInput"/>, <see cref="ParameterFoldChangeInput"/>
/// and <see cref="InitialValueInput"/> cover the model layer; other layers add their own (for example
/// a drug dose that changes several parameters and schedules a wash-out) without changing the analyses.
/// </remarks>
public interface IModelInput
{
    /// <summary>Gets the input's name, used as the scan axis or factor name.</summary>
    string Name { get; }

    /// <summary>Applies a value to a run that is being set up (before its initial state is computed).</summary>
    /// <param name="setup">The run being set up.</param>
    /// <param name="value">The value.</param>
    void Apply(RunSetup setup, double value);
}
