using Ferroptosis.Sim.Ode.StepControl;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>The scalar state of one lane of a batched integrator: the cell it holds, its time, step size, controller and counters.</summary>
/// <remarks>These are exactly the scalars an <see cref="ExplicitRungeKutta.ExplicitRungeKuttaStepper"/> keeps for one problem, so a lane takes the decisions the scalar stepper takes.</remarks>
internal struct LaneState
{
    /// <summary>The cell in this lane, or −1 when the lane is idle.</summary>
    public int Cell;

    public double T;
    public double TPrevious;

    /// <summary>The step size to try next.</summary>
    public double NextStep;

    /// <summary>The step size being tried and the time it ends at.</summary>
    public double Step;
    public double TNew;

    public PiController Controller;
    public bool PreviousRejected;

    /// <summary>True at the start of an accepted step (the scalar integrator checks MaxSteps only there).</summary>
    public bool AtAcceptedPoint;

    public long Rhs;
    public long Accepted;
    public long Rejected;

    /// <summary>The index of the next output time to record.</summary>
    public int NextOutput;

    /// <summary>‖f0‖ and the smallest first step, kept between the two halves of the initial-step estimate.</summary>
    public double ProbeNorm;
    public double ProbeLowest;

    /// <summary>Whether evaluations of f are checked for NaN/Inf (from the first rejection with a non-finite error on).</summary>
    public bool Watch;
    public double NonFiniteTime;
    public int NonFiniteComponent;
    public double NonFiniteValue;
}
