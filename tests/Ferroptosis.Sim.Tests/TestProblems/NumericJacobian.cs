using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>A dense Jacobian by central differences, the independent reference that analytic and sparse Jacobians are checked against.</summary>
internal static class NumericJacobian
{
    /// <summary>Row-major n × n central-difference Jacobian of <paramref name="system"/> at (t, y), step 1e-6 · max(1, |y_j|).</summary>
    public static double[] CentralDifferences(IOdeSystem system, double t, double[] y)
    {
        int n = y.Length;
        var jacobian = new double[n * n];
        var plus = new double[n];
        var minus = new double[n];
        var shifted = (double[])y.Clone();
        for (int j = 0; j < n; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(y[j]));
            shifted[j] = y[j] + h;
            system.Evaluate(t, shifted, plus);
            shifted[j] = y[j] - h;
            system.Evaluate(t, shifted, minus);
            shifted[j] = y[j];
            for (int i = 0; i < n; i++)
            {
                jacobian[(i * n) + j] = (plus[i] - minus[i]) / (2 * h);
            }
        }

        return jacobian;
    }
}
