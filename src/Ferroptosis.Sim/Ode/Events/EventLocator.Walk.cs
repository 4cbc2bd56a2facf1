namespace Ferroptosis.Sim.Ode.Events;

/// <content>The walk of one event function through the samples of a step: sign changes, zero stretches, turning points, and their location.</content>
internal sealed partial class EventLocator
{
    /// <summary>How much deeper than the samples' variation a turn of g may reach before it is no longer searched.</summary>
    private const double TurnDepthLimit = 64;

    private const double GoldenRatio = 0.6180339887498949;

    /// <summary>Moves the event's sign state from the sample (a, ga) to the next sample (b, gb), reporting the crossings in between.</summary>
    private void Advance(double a, double ga, double b, double gb)
    {
        int k = _k;
        int sign = Math.Sign(gb);
        int reference = _referenceSign[k];
        if (reference == 0)
        {
            // No reference yet (g was exactly zero at the start): the first non-zero sign becomes it.
            _referenceSign[k] = sign;
            return;
        }

        if (_atZero[k])
        {
            if (sign != 0)
            {
                // Leaves the zero it had reached: where g first takes the new sign strictly.
                Report(Locate(a, ga, b, gb, sign, arrival: false, out _), 0, sign);
                _referenceSign[k] = sign;
                _atZero[k] = false;
            }

            return;
        }

        if (_pending)
        {
            LeaveOrConfirmZero(a, ga, b, gb, sign);
            return;
        }

        if (sign == reference)
        {
            return;
        }

        if (sign == 0)
        {
            // One zero sample decides nothing yet: the next sample tells a passage from a zero stretch.
            _pending = true;
            _zeroFrom = a;
            _zeroFromValue = ga;
            _zeroFirst = b;
            return;
        }

        // A change of sign; if the search met an exact zero, g may have rested on zero on the way.
        double leave = Locate(a, ga, b, gb, sign, arrival: false, out bool sawZero);
        _referenceSign[k] = sign;
        if (sawZero)
        {
            double arrive = Locate(a, ga, leave, Value(leave), reference, arrival: true, out _);
            if (leave - arrive > 2 * Window(leave))
            {
                Report(arrive, reference, 0);
                Report(leave, 0, sign);
                return;
            }
        }

        Report(leave, reference, sign);
    }

    /// <summary>After a single zero sample at a (g had the reference sign before it): a second zero confirms a zero stretch, a sign decides passage, return or stretch.</summary>
    private void LeaveOrConfirmZero(double a, double ga, double b, double gb, int sign)
    {
        int k = _k;
        int reference = _referenceSign[k];
        if (sign == 0)
        {
            ConfirmZero();
            return;
        }

        _pending = false;
        double leave = Locate(a, ga, b, gb, sign, arrival: false, out _);
        if (double.IsNaN(_zeroFrom))
        {
            // The zero was the last sample of the previous step (a landing at a time event, say): a passage if the sign changed.
            if (sign != reference)
            {
                Report(leave, reference, sign);
                _referenceSign[k] = sign;
            }

            return;
        }

        double arrive = Locate(_zeroFrom, _zeroFromValue, _zeroFirst, 0, reference, arrival: true, out _);
        if (leave - arrive > 2 * Window(leave))
        {
            // Rested on zero: reached it, then left it (back to the old sign or on to the new one).
            Report(arrive, reference, 0);
            Report(leave, 0, sign);
        }
        else if (sign != reference)
        {
            // An isolated zero on the way: one passage.
            Report(leave, reference, sign);
        }

        _referenceSign[k] = sign;
    }

    /// <summary>Reports the arrival on a zero stretch confirmed by a second zero sample (or by a zero just before the step end).</summary>
    private void ConfirmZero()
    {
        int reference = _referenceSign[_k];
        double arrive = double.IsNaN(_zeroFrom)
            ? _zeroFirst
            : Locate(_zeroFrom, _zeroFromValue, _zeroFirst, 0, reference, arrival: true, out _);
        Report(arrive, reference, 0);
        _atZero[_k] = true;
        _pending = false;
    }

    /// <summary>At the end of the step: a zero at the last sample only is confirmed or carried over; a turn towards zero inside the last interval is searched.</summary>
    /// <returns>The value to keep for the sample before the step end (NaN once a turn of the last interval has been searched).</returns>
    private double CheckEnd(double p, double gp, double t, double gt)
    {
        if (_pending && _zeroFirst == t && !double.IsNaN(_zeroFrom))
        {
            double probe = t - (2 * Window(t));
            if (probe > _zeroFrom && Value(probe) == 0)
            {
                _zeroFirst = probe;
                ConfirmZero();
            }
            else
            {
                // An isolated zero at the step end, or a stretch starting within the tolerance of it: decided in the next step.
                _zeroFrom = double.NaN;
            }

            return gp;
        }

        int r = _referenceSign[_k];
        if (r == 0 || _atZero[_k] || _pending || double.IsNaN(gp) || Math.Sign(gp) != r || Math.Sign(gt) != r || !(r * gt < r * gp))
        {
            return gp;
        }

        // g approaches zero at the step end: a turn inside the last interval shows as g closer to zero just before.
        double q = t - Math.Max(1e-3 * (t - p), 2 * Window(t));
        double gq = Value(q);
        if (!(q > p) || double.IsNaN(gq) || !(r * gq < r * gt) || r * gq > TurnDepthLimit * ((r * gp) - (r * gq)))
        {
            return gp;
        }

        if (FindTurn(p, t, out double c, out double gc))
        {
            Advance(p, gp, c, gc);
            Advance(c, gc, t, gt);
        }

        return double.NaN;
    }

    /// <summary>Whether the samples gp, ga, gb have one sign with ga the closest to zero (and not all equal): g may turn back there.</summary>
    private bool TurnsBack(double gp, double ga, double gb)
    {
        int r = _referenceSign[_k];
        if (r == 0 || _atZero[_k] || _pending || double.IsNaN(gp) || double.IsNaN(ga))
        {
            return false;
        }

        if (Math.Sign(gp) != r || Math.Sign(ga) != r || Math.Sign(gb) != r)
        {
            return false;
        }

        double before = r * gp;
        double here = r * ga;
        double after = r * gb;
        if (!(here <= before && here <= after && (here < before || here < after)))
        {
            return false;
        }

        return here <= TurnDepthLimit * Math.Max(before - here, after - here);
    }

    /// <summary>Searches [lo, hi] for a point where g leaves its reference sign, by golden-section minimisation of |g|.</summary>
    private bool FindTurn(double lo, double hi, out double c, out double gc)
    {
        int r = _referenceSign[_k];
        double x1 = hi - (GoldenRatio * (hi - lo));
        double x2 = lo + (GoldenRatio * (hi - lo));
        double g1 = Value(x1);
        double g2 = Value(x2);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            if (!double.IsNaN(g1) && Math.Sign(g1) != r)
            {
                (c, gc) = (x1, g1);
                return true;
            }

            if (!double.IsNaN(g2) && Math.Sign(g2) != r)
            {
                (c, gc) = (x2, g2);
                return true;
            }

            if (hi - lo <= Window(hi))
            {
                break;
            }

            double f1 = double.IsNaN(g1) ? double.PositiveInfinity : r * g1;
            double f2 = double.IsNaN(g2) ? double.PositiveInfinity : r * g2;
            if (f1 < f2)
            {
                hi = x2;
                (x2, g2) = (x1, g1);
                x1 = hi - (GoldenRatio * (hi - lo));
                g1 = Value(x1);
            }
            else
            {
                lo = x1;
                (x1, g1) = (x2, g2);
                x2 = lo + (GoldenRatio * (hi - lo));
                g2 = Value(x2);
            }
        }

        (c, gc) = (double.NaN, double.NaN);
        return false;
    }

    /// <summary>Locates the first point of (a, b] that is new: of the sign <paramref name="sign"/> strictly, or, for an arrival, no longer of the sign <paramref name="sign"/> (zero included).</summary>
    /// <remarks>Invariant: fa is not new, fb is new; a NaN value counts as not new.</remarks>
    private double Locate(double a, double fa, double b, double fb, int sign, bool arrival, out bool sawZero)
    {
        sawZero = false;
        int side = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double width = b - a;
            if (width <= Window(b))
            {
                break;
            }

            double c = ((a * fb) - (b * fa)) / (fb - fa);
            if (!(c > a && c < b))
            {
                c = a + (0.5 * width);
            }

            double fc = Value(c);
            sawZero |= fc == 0;
            bool isNew = !double.IsNaN(fc) && (arrival ? Math.Sign(fc) != sign : Math.Sign(fc) == sign);
            if (double.IsNaN(fc))
            {
                // No information: shrink from the left by bisection.
                fc = 0;
            }

            if (isNew)
            {
                b = c;
                fb = fc;
                if (side == 1)
                {
                    fa *= 0.5;
                }

                side = 1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == -1)
                {
                    fb *= 0.5;
                }

                side = -1;
            }
        }

        return b;
    }

    /// <summary>The width within which a time is located: the time tolerance relative to max(1, |t|), and at least a few ulps of t.</summary>
    private double Window(double t) => Math.Max(_tolerance * Math.Max(1.0, Math.Abs(t)), 4 * (Math.BitIncrement(Math.Abs(t)) - Math.Abs(t)));

    /// <summary>The event function at time t of the step being checked (the step's end state at its end, else the interpolant).</summary>
    private double Value(double t)
    {
        var stepper = _stepper!;
        var condition = _events[_k].Condition;
        if (t == stepper.T)
        {
            return condition(t, stepper.Y);
        }

        stepper.Interpolate(t, _scratch);
        return condition(t, _scratch);
    }
}
