using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>Evaluates the dense-output polynomial y(θ) = Σ_j c_j θ^j stored as (degree + 1) consecutive vectors.</summary>
internal static class DensePolynomial
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Evaluate(ReadOnlySpan<double> coefficients, int degree, int n, double theta, Span<double> destination)
    {
        // Horner's rule, one component at a time.
        for (int i = 0; i < n; i++)
        {
            double value = coefficients[(degree * n) + i];
            for (int j = degree - 1; j >= 0; j--)
            {
                value = (value * theta) + coefficients[(j * n) + i];
            }

            destination[i] = value;
        }
    }
}
