using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Tests.Ode.Batched;

/// <summary>Bitwise comparisons of batched cells with each other and with the scalar integrator.</summary>
internal static class BatchedAssert
{
    /// <summary>Asserts that a batched cell is the scalar solution bit for bit: status, final time and state, every output row, and the work counts (RHS calls, accepted and rejected steps).</summary>
    public static void SameAsScalar(BatchedEnsembleSolution batched, int cell, OdeSolution scalar)
    {
        var n = batched.Dimension;
        Assert.That(batched.GetStatus(cell), Is.EqualTo(scalar.Status), $"cell {cell}: {batched.GetMessage(cell)} / {scalar.Message}");
        Assert.That(Bits(batched.GetFinalTime(cell)), Is.EqualTo(Bits(scalar.FinalTime)), $"cell {cell}: final time");
        Assert.That(Bits(batched.GetFinalState(cell)), Is.EqualTo(Bits(scalar.FinalState)), $"cell {cell}: final state");
        var expected = new double[batched.OutputTimes.Count * n];
        expected.AsSpan().Fill(double.NaN);
        scalar.States.CopyTo(expected);
        Assert.That(Bits(batched.GetStates(cell)), Is.EqualTo(Bits(expected)), $"cell {cell}: states at the output times");
        var a = batched.GetStatistics(cell);
        var b = scalar.Statistics;
        Assert.That(
            (a.RhsEvaluations, a.AcceptedSteps, a.RejectedSteps),
            Is.EqualTo((b.RhsEvaluations, b.AcceptedSteps, b.RejectedSteps)),
            $"cell {cell}: work");
    }

    /// <summary>Asserts that cell <paramref name="cellA"/> of <paramref name="a"/> and cell <paramref name="cellB"/> of <paramref name="b"/> are identical bit for bit.</summary>
    public static void SameCell(BatchedEnsembleSolution a, int cellA, BatchedEnsembleSolution b, int cellB)
    {
        Assert.That(a.GetStatus(cellA), Is.EqualTo(b.GetStatus(cellB)));
        Assert.That(Bits(a.GetFinalTime(cellA)), Is.EqualTo(Bits(b.GetFinalTime(cellB))));
        Assert.That(Bits(a.GetFinalState(cellA)), Is.EqualTo(Bits(b.GetFinalState(cellB))));
        Assert.That(Bits(a.GetStates(cellA)), Is.EqualTo(Bits(b.GetStates(cellB))));
        Assert.That(a.GetStatistics(cellA), Is.EqualTo(b.GetStatistics(cellB)));
    }

    public static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        return bits;
    }

    public static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
