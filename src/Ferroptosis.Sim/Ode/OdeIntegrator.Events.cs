using System.Globalization;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Ode;

/// <summary>Start, events and the end of an integration.</summary>
public sealed partial class OdeIntegrator
{
    private void Start()
    {
        double t0 = Problem.StartTime;
        _stepper.Restart(t0, Problem.InitialState);
        _finalTime = t0;
        _recorder.RecordPoint(t0, _stepper.Y);
        if (_stepper.FailureStatus != SolverStatus.InProgress)
        {
            Finish(_stepper.FailureStatus, _stepper.FailureMessage);
            return;
        }

        _locator?.Reset(t0, _stepper.Y);
        if (_timeEvents.NextTime <= t0)
        {
            // A time event at t0 (a dose at time zero) fires before the first step.
            HandleTimeEvents(t0);
        }
        else
        {
            _recorder.RecordOutputsAt(t0, _stepper.Y);
        }
    }

    private bool HandleTimeEvents(double t)
    {
        _stepper.Y.CopyTo(_eventState, 0);
        bool terminal = false;
        while (_timeEvents.TryTakeDue(t, out int index))
        {
            var timeEvent = Options.TimeEvents[index];
            timeEvent.Action(t, _eventState);
            _occurrences.Add(new EventOccurrence(timeEvent.Name, t, IsTimeEvent: true));
            terminal |= timeEvent.IsTerminal;
        }

        return RestartAfterEvent(t, terminal, continuousFired: false);
    }

    /// <summary>Records the crossings of the last step in time order; cuts the step back to the first one that changes the state or stops.</summary>
    /// <returns>True when the step was cut back (the caller must not process the step end).</returns>
    private bool HandleContinuousEvents(EventLocator locator)
    {
        int acting = -1;
        for (int r = 0; r < locator.RootCount; r++)
        {
            var ev = locator[locator.RootEvent(r)];
            if (ev.Action is not null || ev.IsTerminal)
            {
                acting = r;
                break;
            }
        }

        if (acting < 0)
        {
            // Events that only mark a time: record them and keep the step as it is.
            for (int r = 0; r < locator.RootCount; r++)
            {
                _occurrences.Add(new EventOccurrence(locator[locator.RootEvent(r)].Name, locator.RootTime(r), IsTimeEvent: false));
            }

            return false;
        }

        // Cut the step back to the event: output before it, the state just before it, then the changes
        // of every event that crosses at that time, in the order the events are listed.
        double tEvent = locator.RootTime(acting);
        _stepper.Interpolate(tEvent, _eventState);
        _recorder.RecordSegment(_stepper, tEvent);
        Options.StepHistory?.Add(_stepper, tEvent);
        _recorder.RecordOutputsUpTo(_stepper, tEvent, inclusive: false);
        _recorder.RecordPoint(tEvent, _eventState);
        Array.Clear(_fired);
        bool terminal = false;
        for (int r = 0; r < locator.RootCount && locator.RootTime(r) <= tEvent; r++)
        {
            int k = locator.RootEvent(r);
            var ev = locator[k];
            _occurrences.Add(new EventOccurrence(ev.Name, locator.RootTime(r), IsTimeEvent: false));
            if (locator.RootTime(r) == tEvent)
            {
                _fired[k] = true;
                _postCrossingSign[k] = locator.PostCrossingSign(r);
                ev.Action?.Invoke(tEvent, _eventState);
                terminal |= ev.IsTerminal;
            }
        }

        RestartAfterEvent(tEvent, terminal, continuousFired: true);
        return true;
    }

    private bool RestartAfterEvent(double t, bool terminal, bool continuousFired)
    {
        // The stepper may change the state as it restarts (a differential–algebraic system re-solves its algebraic
        // equations), so the point after the event is recorded as the stepper holds it.
        _stepper.Restart(t, _eventState);
        _recorder.RecordPoint(t, _stepper.Y);
        _recorder.RecordOutputsAt(t, _stepper.Y);
        if (_stepper.FailureStatus != SolverStatus.InProgress)
        {
            return Finish(_stepper.FailureStatus, _stepper.FailureMessage);
        }

        if (_locator is not null)
        {
            if (continuousFired)
            {
                _locator.ResetAfterEvent(t, _stepper.Y, _fired, _postCrossingSign);
            }
            else
            {
                _locator.Reset(t, _stepper.Y);
            }
        }

        if (terminal)
        {
            return Finish(SolverStatus.TerminatedByEvent, null);
        }

        return t >= Problem.EndTime ? Finish(SolverStatus.Success, null) : true;
    }

    private bool Finish(SolverStatus status, string? message)
    {
        Status = status;
        Message = message ?? (status is SolverStatus.Success or SolverStatus.TerminatedByEvent
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{status} at t = {Time:G10}."));
        _finalTime = _stepper.T;
        return false;
    }
}
