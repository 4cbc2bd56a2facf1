using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>The 20-species, 40-reaction network of <see cref="SyntheticNetworks.Network20By40"/> written by hand in C#: right-hand side and analytic Jacobian, as a programmer would code it without the model layer.</summary>
/// <remarks>Loops over the four reaction groups with the index formulas of the network; the Jacobian is the dense row-major n×n matrix the engine expects. Parameters are held in arrays filled at construction. Immutable.</remarks>
public sealed class HandWrittenNetwork : IOdeSystem
{
    private const int N = SyntheticNetworks.Species20;

    // Parameters live in arrays, as in hand-written model code whose parameters can change between runs.
    private readonly double[] _k = [.. Enumerable.Range(0, 20).Select(Conversion)];
    private readonly double[] _kb = [.. Enumerable.Range(0, 10).Select(Binding)];
    private readonly double[] _v = [.. Enumerable.Range(0, 5).Select(HillMaximum)];
    private readonly double[] _kh = [.. Enumerable.Range(0, 5).Select(HillConstant)];
    private readonly double[] _vm = [.. Enumerable.Range(0, 5).Select(DegradationMaximum)];
    private readonly double[] _km = [.. Enumerable.Range(0, 5).Select(DegradationConstant)];

    /// <inheritdoc/>
    public int Dimension => N;

    /// <inheritdoc/>
    public bool IsAutonomous => true;

    /// <inheritdoc/>
    public bool HasJacobian => true;

    /// <summary>Gets the rate constant of conversion i.</summary>
    /// <param name="i">0…19.</param>
    /// <returns>k_i.</returns>
    public static double Conversion(int i) => 0.5 + (0.1 * (i % 7));

    /// <summary>Gets the rate constant of binding i.</summary>
    /// <param name="i">0…9.</param>
    /// <returns>kb_i.</returns>
    public static double Binding(int i) => 0.2 + (0.05 * i);

    /// <summary>Gets the maximal rate of Hill synthesis i.</summary>
    /// <param name="i">0…4.</param>
    /// <returns>V_i.</returns>
    public static double HillMaximum(int i) => 1.0 + (0.2 * i);

    /// <summary>Gets the half-activation constant of Hill synthesis i.</summary>
    /// <param name="i">0…4.</param>
    /// <returns>K_i.</returns>
    public static double HillConstant(int i) => 0.8 + (0.1 * i);

    /// <summary>Gets the maximal rate of degradation i.</summary>
    /// <param name="i">0…4.</param>
    /// <returns>Vm_i.</returns>
    public static double DegradationMaximum(int i) => 0.6 + (0.1 * i);

    /// <summary>Gets the Michaelis constant of degradation i.</summary>
    /// <param name="i">0…4.</param>
    /// <returns>Km_i.</returns>
    public static double DegradationConstant(int i) => 0.3 + (0.05 * i);

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[..N].Clear();
        for (int i = 0; i < 20; i++)
        {
            double r = _k[i] * y[i];
            dydt[i] -= r;
            dydt[(i + 1) % 20] += r;
        }

        for (int i = 0; i < 10; i++)
        {
            int a = 2 * i, b = a + 1;
            double r = _kb[i] * y[a] * y[b];
            dydt[a] -= r;
            dydt[b] -= r;
            dydt[(a + 5) % 20] += r;
        }

        for (int i = 0; i < 5; i++)
        {
            double x = y[((4 * i) + 7) % 20], k = _kh[i];
            dydt[((4 * i) + 2) % 20] += _v[i] * x * x / ((k * k) + (x * x));
        }

        for (int i = 0; i < 5; i++)
        {
            int s = ((4 * i) + 1) % 20;
            dydt[s] -= _vm[i] * y[s] / (_km[i] + y[s]);
        }
    }

    /// <inheritdoc/>
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[..(N * N)].Clear();
        for (int i = 0; i < 20; i++)
        {
            double k = _k[i];
            jacobian[(i * N) + i] -= k;
            jacobian[(((i + 1) % 20) * N) + i] += k;
        }

        for (int i = 0; i < 10; i++)
        {
            int a = 2 * i, b = a + 1, c = (a + 5) % 20;
            double kb = _kb[i], da = kb * y[b], db = kb * y[a];
            jacobian[(a * N) + a] -= da;
            jacobian[(a * N) + b] -= db;
            jacobian[(b * N) + a] -= da;
            jacobian[(b * N) + b] -= db;
            jacobian[(c * N) + a] += da;
            jacobian[(c * N) + b] += db;
        }

        for (int i = 0; i < 5; i++)
        {
            int activator = ((4 * i) + 7) % 20;
            double x = y[activator], k2 = _kh[i] * _kh[i], d = k2 + (x * x);
            jacobian[((((4 * i) + 2) % 20) * N) + activator] += _v[i] * 2 * x * k2 / (d * d);
        }

        for (int i = 0; i < 5; i++)
        {
            int s = ((4 * i) + 1) % 20;
            double km = _km[i], d = km + y[s];
            jacobian[(s * N) + s] -= _vm[i] * km / (d * d);
        }
    }
}
