namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Per-thread scratch storage: the registers of interpreted kernels (<see cref="InterpretedKernel"/>).</summary>
/// <remarks>A kernel fills and reads the buffer within one call and never calls another kernel, so one buffer per thread is enough; it grows once to the largest kernel's need and is then reused without allocating.</remarks>
internal static class KernelScratch
{
    [ThreadStatic]
    private static double[]? t_buffer;

    /// <summary>Gets this thread's buffer with room for at least <paramref name="length"/> values.</summary>
    public static double[] Rent(int length)
    {
        var buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[length];
            t_buffer = buffer;
        }

        return buffer;
    }
}
