namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>Finds how many steps a fixed-step method needs to reach a given accuracy: the fair way to time a method without error control against adaptive ones.</summary>
/// <remarks>
/// Doubling from 16 steps until the accuracy (scd, higher is better) reaches the target, then bisection
/// between the last count that missed and the first that reached it, down to a bracket of 1 % (or one
/// step). The result is the smallest count found that reaches the target. This assumes the error falls
/// with the step count, true for a convergent method once the step is inside its stability region (below
/// that, the error is large and the doubling passes it); the count is capped at 2^24 steps.
/// </remarks>
public static class FixedStepCalibration
{
    /// <summary>The largest step count tried.</summary>
    public const int MaximumSteps = 1 << 24;

    /// <summary>Finds the step count.</summary>
    /// <param name="accuracy">The accuracy reached with a given number of steps (scd; NaN or −∞ for a failed or unstable run).</param>
    /// <param name="target">The accuracy to reach.</param>
    /// <returns>The step count and the accuracy it reaches, or null when even <see cref="MaximumSteps"/> do not reach the target.</returns>
    public static (int Steps, double Scd)? StepsFor(Func<int, double> accuracy, double target)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        int low = 0;
        int high = 16;
        double reached = accuracy(high);
        while (!(reached >= target))
        {
            if (high >= MaximumSteps)
            {
                return null;
            }

            low = high;
            high *= 2;
            reached = accuracy(high);
        }

        while (high - low > Math.Max(1, high / 100))
        {
            int middle = low + ((high - low) / 2);
            double scd = accuracy(middle);
            if (scd >= target)
            {
                high = middle;
                reached = scd;
            }
            else
            {
                low = middle;
            }
        }

        return (high, reached);
    }
}
