namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>The stepper for a system without state variables: time advances, events and output still happen, nothing is integrated.</summary>
/// <remarks>
/// Models whose quantities are all parameters, boundary species or assignments (common among SBML
/// models) compile to systems of dimension 0. Every method would only divide 0 by 0 on them, so the
/// integrator uses this stepper whatever the solver: each step goes to the next stop (end, time event)
/// or the largest allowed step.
/// </remarks>
internal sealed class ZeroDimensionStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters)
    : Stepper(system, options, counters, denseDegree: 0)
{
    protected override void OnRestart() => NextStep = MaxStep;

    protected override bool AdvanceCore(double tLimit)
    {
        double h = ClampStep(NextStep, tLimit, out bool hitsLimit);
        Accept(hitsLimit ? tLimit : T + h, Y);
        return true;
    }

    protected override void BuildDense()
    {
    }
}
