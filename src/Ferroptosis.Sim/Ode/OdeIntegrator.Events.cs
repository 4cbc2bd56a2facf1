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

    private bool HandleContinuousEvent(double tEvent)
    {
        var locator = _locator!;
        if (!locator.AnyCandidateActs())
        {
            // Events that only mark a time: record them in time order and keep the step as it is.
            RecordMarkerEvents(locator);
            double t = _stepper.T;
            _recorder.RecordSegment(_stepper, t);
            _recorder.RecordOutputsUpTo(_stepper, t, inclusive: false);
            _recorder.RecordPoint(t, _stepper.Y);
            if (_timeEvents.NextTime <= t)
            {
                return HandleTimeEvents(t);
            }

            _recorder.RecordOutputsAt(t, _stepper.Y);
            return t >= Problem.EndTime ? Finish(SolverStatus.Success, null) : true;
        }

        // Cut the step back to the event: output before it, the state just before it, then the changes.
        _stepper.Interpolate(tEvent, _eventState);
        _recorder.RecordSegment(_stepper, tEvent);
        _recorder.RecordOutputsUpTo(_stepper, tEvent, inclusive: false);
        _recorder.RecordPoint(tEvent, _eventState);
        for (int k = 0; k < locator.Count; k++)
        {
            _fired[k] = locator.FiresAt(k, tEvent, _eventState);
        }

        bool terminal = false;
        for (int k = 0; k < locator.Count; k++)
        {
            if (_fired[k])
            {
                var ev = locator[k];
                ev.Action?.Invoke(tEvent, _eventState);
                _occurrences.Add(new EventOccurrence(ev.Name, tEvent, IsTimeEvent: false));
                terminal |= ev.IsTerminal;
            }
        }

        return RestartAfterEvent(tEvent, terminal, continuousFired: true);
    }

    private void RecordMarkerEvents(EventLocator locator)
    {
        // Few events fire per step; a simple selection by time keeps this allocation-free.
        double after = double.NegativeInfinity;
        while (true)
        {
            int next = -1;
            for (int k = 0; k < locator.Count; k++)
            {
                if (locator.IsCandidate(k) && locator.RootOf(k) > after && (next < 0 || locator.RootOf(k) < locator.RootOf(next)))
                {
                    next = k;
                }
            }

            if (next < 0)
            {
                return;
            }

            double root = locator.RootOf(next);
            for (int k = 0; k < locator.Count; k++)
            {
                if (locator.IsCandidate(k) && locator.RootOf(k) == root)
                {
                    _occurrences.Add(new EventOccurrence(locator[k].Name, root, IsTimeEvent: false));
                }
            }

            after = root;
        }
    }

    private bool RestartAfterEvent(double t, bool terminal, bool continuousFired)
    {
        _recorder.RecordPoint(t, _eventState);
        _recorder.RecordOutputsAt(t, _eventState);
        _stepper.Restart(t, _eventState);
        if (_stepper.FailureStatus != SolverStatus.InProgress)
        {
            return Finish(_stepper.FailureStatus, _stepper.FailureMessage);
        }

        if (_locator is not null)
        {
            if (continuousFired)
            {
                _locator.ResetAfterEvent(t, _stepper.Y, _fired);
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
