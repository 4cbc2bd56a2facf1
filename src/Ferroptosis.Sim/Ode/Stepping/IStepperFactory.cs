namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>A solver that can create a bare stepper, so that composite methods (the automatic switcher) can combine solvers.</summary>
internal interface IStepperFactory
{
    /// <summary>Creates a stepper whose work is counted in <paramref name="counters"/>.</summary>
    Stepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters);
}
