namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>Receives every accepted step with its interpolant, as the integrator takes it, for right-hand sides that read the solution's past (delay equations).</summary>
internal interface IStepHistory
{
    /// <summary>Records the last accepted step of <paramref name="stepper"/>, valid on [TPrevious, <paramref name="validUntil"/>].</summary>
    /// <param name="stepper">The stepper; its dense output describes the step.</param>
    /// <param name="validUntil">The end of the part of the step that stands (the step's end, or an event time within it).</param>
    void Add(Stepper stepper, double validUntil);
}
