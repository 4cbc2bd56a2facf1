using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>A model written in Antimony and the same ODEs written by hand give the same trajectories.</summary>
/// <remarks>
/// The model exercises the semantics the reader must get right: species values are concentrations in compartments of
/// size ≠ 1 while reactions change amounts (SBML), a substanceOnly species is an amount, a boundary species stays
/// constant, a function, an assignment rule, a rate rule, an initial assignment and an event.
/// </remarks>
public sealed class HandWrittenSystemTests
{
    private const string Model = """
        function mm(S, V, K)
          V*S/(K + S)
        end

        model handwritten
          compartment cyt = 2, nuc = 0.5
          species A in cyt = 1.5, B in cyt = 0
          species C in nuc = 0.2
          substanceOnly species D in nuc = 3
          species $X in cyt = 0.8
          k1 = 0.7; Vm = 1.2; Km = 0.4; kt = 0.3; kd = 0.25
          k2 = 2*kd
          total := A + B
          g = 1
          g' = -0.1*g
          J1: X + A -> B; k1*X*A*cyt
          J2: B => C; mm(B, Vm, Km)*cyt
          J3: C => 2 D; kt*C*nuc*g
          J4: D => ; k2*D
          slow: at time >= 5: k1 = 0.1
        end
        """;

    private const double Cyt = 2, Nuc = 0.5, X = 0.8, Vm = 1.2, Km = 0.4, Kt = 0.3, K2 = 0.5;

    [Test]
    public void Antimony_model_and_hand_written_odes_give_the_same_trajectory()
    {
        double[] before = [0, 0.5, 1, 2.5, 4, 5];
        double[] after = [5, 6, 8, 10];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13 };

        // Hand-written: y = [A, B, C (concentrations), D (amount), g]; reaction rates are amounts per time.
        // The Antimony event 'at time >= 5' is the restart of the hand-written system at t = 5 with k1 = 0.1.
        IOdeSystem Odes(double k1) => OdeSystem.Create(5, (t, y, dy) =>
        {
            double v1 = k1 * X * y[0] * Cyt;
            double v2 = Vm * y[1] / (Km + y[1]) * Cyt;
            double v3 = Kt * y[2] * Nuc * y[4];
            double v4 = K2 * y[3];
            dy[0] = -v1 / Cyt;
            dy[1] = (v1 - v2) / Cyt;
            dy[2] = (v2 - v3) / Nuc;
            dy[3] = (2 * v3) - v4;
            dy[4] = -0.1 * y[4];
        });
        var first = Sim.Ode.Ode.Solve(new OdeProblem(Odes(0.7), 0, 5, [1.5, 0, 0.2, 3, 1]), OdeSolvers.DormandPrince5, options with { OutputTimes = before });
        var second = Sim.Ode.Ode.Solve(new OdeProblem(Odes(0.1), 5, 10, first.FinalState.ToArray()), OdeSolvers.DormandPrince5, options with { OutputTimes = after });

        double[] times = [.. before[..^1], .. after[1..]];
        var result = Simulator.Simulate(
            ModelCompiler.Compile(AntimonyReader.Read(Model)),
            new SimulationSettings
            {
                EndTime = 10,
                OutputTimes = times,
                Outputs = ["A", "B", "C", "D", "g", "total", "X"],
                OutputAmounts = new HashSet<string> { "D" },
                Solver = OdeSolvers.DormandPrince5,
                RelativeTolerance = 1e-11,
                AbsoluteTolerance = 1e-13,
            });

        Assert.That(result.IsSuccess, Is.True, result.Message);
        string[] names = ["A", "B", "C", "D", "g"];
        for (int i = 0; i < names.Length; i++)
        {
            double[] expected = [.. first.GetComponent(i)[..^1], .. second.GetComponent(i)[1..]];
            Assert.That(result.GetColumn(names[i]), Is.EqualTo(expected).Within(1e-9), names[i]);
        }

        double[] total = [.. first.GetComponent(0)[..^1].Zip(first.GetComponent(1)[..^1], (a, b) => a + b), .. second.GetComponent(0)[1..].Zip(second.GetComponent(1)[1..], (a, b) => a + b)];
        Assert.That(result.GetColumn("total"), Is.EqualTo(total).Within(1e-9));
        Assert.That(result.GetColumn("X"), Is.All.EqualTo(X), "a boundary species does not change");
    }
}
