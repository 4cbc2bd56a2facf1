using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Ode.StepControl;

/// <summary>The weighted RMS error norm of Hairer–Nørsett–Wanner I, eq. II.4.11.</summary>
internal static class ErrorNorm
{
    /// <summary>The smallest error scale: with atol = 0 a component that is exactly 0 is measured against it (0/0 would be NaN).</summary>
    public const double ScaleFloor = 1e-300;

    /// <summary>sqrt(mean((e_i / (atol_i + rtol·max(|y0_i|, |y1_i|)))²)); NaN when any input is NaN; 0 for an empty state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(ReadOnlySpan<double> error, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> atol, double rtol)
    {
        double sum = 0;
        for (int i = 0; i < error.Length; i++)
        {
            double scale = Math.Max(atol[i] + (rtol * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i]))), ScaleFloor);
            double r = error[i] / scale;
            sum += r * r;
        }

        // A system without state variables (a model of parameters changed only by events) makes no error.
        return error.Length == 0 ? 0 : Math.Sqrt(sum / error.Length);
    }

    /// <summary>The weighted RMS norm of a vector with weights taken from one state (used by the initial-step estimate and BDF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(ReadOnlySpan<double> v, ReadOnlySpan<double> y, ReadOnlySpan<double> atol, double rtol)
    {
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double r = v[i] / Math.Max(atol[i] + (rtol * Math.Abs(y[i])), ScaleFloor);
            sum += r * r;
        }

        return v.Length == 0 ? 0 : Math.Sqrt(sum / v.Length);
    }

    /// <summary>The index of the component with the largest weighted error (NaN counts as largest).</summary>
    public static int WorstComponent(ReadOnlySpan<double> error, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> atol, double rtol)
    {
        int worst = 0;
        double worstValue = -1;
        for (int i = 0; i < error.Length; i++)
        {
            double scale = Math.Max(atol[i] + (rtol * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i]))), ScaleFloor);
            double r = Math.Abs(error[i] / scale);
            if (double.IsNaN(r))
            {
                return i;
            }

            if (r > worstValue)
            {
                worstValue = r;
                worst = i;
            }
        }

        return worst;
    }
}
