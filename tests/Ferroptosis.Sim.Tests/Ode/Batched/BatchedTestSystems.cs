using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Tests.Ode.Batched;

/// <summary>Small systems written twice, lane-wise and scalar, with the same operations in the same order, so a lane must reproduce the scalar integration bit for bit.</summary>
internal static class BatchedTestSystems
{
    /// <summary>y' = −k·y with k = p[0] per lane.</summary>
    public static IBatchedOdeSystem Decay { get; } = new DecaySystem();

    /// <summary>Van der Pol, y0' = y1, y1' = μ(1 − y0²)y1 − y0, with μ = p[0] per lane.</summary>
    public static IBatchedOdeSystem VanDerPol { get; } = new VanDerPolSystem();

    /// <summary>y' = −k·y + sqrt(c − t), k = p[0], c = p[1]: the square root turns NaN once t passes c.</summary>
    public static IBatchedOdeSystem Wall { get; } = new WallSystem();

    public static IOdeSystem ScalarDecay(double k) => OdeSystem.Create(1, (t, y, dy) => dy[0] = -k * y[0]);

    public static IOdeSystem ScalarVanDerPol(double mu) => OdeSystem.Create(2, (t, y, dy) =>
    {
        dy[0] = y[1];
        dy[1] = (mu * ((1.0 - (y[0] * y[0])) * y[1])) - y[0];
    });

    public static IOdeSystem ScalarWall(double k, double c) => OdeSystem.Create(1, (t, y, dy) => dy[0] = (-k * y[0]) + Math.Sqrt(c - t));

    /// <summary>Runs a scalar system in every lane, one lane at a time (no parameters): the lanes reproduce the scalar path by construction, which isolates the batched stepping from the right-hand side.</summary>
    public static IBatchedOdeSystem LaneWise(IOdeSystem system) => new LaneWiseSystem(system);

    private sealed class DecaySystem : IBatchedOdeSystem
    {
        public int Dimension => 1;

        public int ParameterCount => 1;

        public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt) =>
            dydt[0] = -parameters[0] * y[0];
    }

    private sealed class VanDerPolSystem : IBatchedOdeSystem
    {
        public int Dimension => 2;

        public int ParameterCount => 1;

        public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt)
        {
            dydt[0] = y[1];
            dydt[1] = (parameters[0] * ((Vector256.Create(1.0) - (y[0] * y[0])) * y[1])) - y[0];
        }
    }

    private sealed class WallSystem : IBatchedOdeSystem
    {
        public int Dimension => 1;

        public int ParameterCount => 2;

        public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt) =>
            dydt[0] = (-parameters[0] * y[0]) + Vector256.Sqrt(parameters[1] - t);
    }

    private sealed class LaneWiseSystem(IOdeSystem system) : IBatchedOdeSystem
    {
        public int Dimension => system.Dimension;

        public int ParameterCount => 0;

        public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt)
        {
            int n = system.Dimension;
            Span<double> yLane = stackalloc double[n];
            Span<double> fLane = stackalloc double[n];
            var ys = MemoryMarshal.Cast<Vector256<double>, double>(y);
            var fs = MemoryMarshal.Cast<Vector256<double>, double>(dydt);
            int w = Vector256<double>.Count;
            for (int lane = 0; lane < w; lane++)
            {
                for (int i = 0; i < n; i++)
                {
                    yLane[i] = ys[(i * w) + lane];
                }

                system.Evaluate(t.GetElement(lane), yLane, fLane);
                for (int i = 0; i < n; i++)
                {
                    fs[(i * w) + lane] = fLane[i];
                }
            }
        }
    }
}
