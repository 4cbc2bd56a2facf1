using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>A standard initial value problem with a published reference solution at its end time.</summary>
/// <param name="Name">The test-set name (ROBER, HIRES, OREGO, VDPOL, AREN).</param>
/// <param name="System">The right-hand side (with the analytic Jacobian of the test set where it has one).</param>
/// <param name="EndTime">The end of the interval; all problems start at t = 0.</param>
/// <param name="InitialState">y(0).</param>
/// <param name="Reference">The reference solution at <paramref name="EndTime"/>.</param>
/// <param name="IsStiff">Whether the problem is stiff.</param>
public sealed record ReferenceProblem(string Name, IOdeSystem System, double EndTime, double[] InitialState, double[] Reference, bool IsStiff)
{
    /// <summary>Gets the problem as an <see cref="OdeProblem"/>.</summary>
    public OdeProblem ToProblem() => new(System, 0.0, EndTime, InitialState);

    /// <summary>
    /// The mixed significant correct digits of the Test Set for IVP Solvers (deTestSet <c>mescd</c>):
    /// −log10 max_i |y_i − ref_i| / (atol/rtol + |ref_i|) with atol/rtol = 1e-3. An exact match gives 99.
    /// </summary>
    public double Scd(ReadOnlySpan<double> y)
    {
        double worst = 0;
        for (int i = 0; i < Reference.Length; i++)
        {
            double e = Math.Abs(y[i] - Reference[i]) / (1e-3 + Math.Abs(Reference[i]));
            if (double.IsNaN(e))
            {
                return double.NegativeInfinity;
            }

            worst = Math.Max(worst, e);
        }

        return worst == 0 ? 99 : -Math.Log10(worst);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
