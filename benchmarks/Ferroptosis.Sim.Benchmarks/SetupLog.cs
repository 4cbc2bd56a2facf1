namespace Ferroptosis.Sim.Benchmarks;

/// <summary>Prints what a benchmark's setup found (accuracy, work counts, calibrated step counts) on a line that <c>run-all.sh</c> collects from BenchmarkDotNet's log.</summary>
public static class SetupLog
{
    /// <summary>The prefix of every setup line.</summary>
    public const string Prefix = "// [setup] ";

    /// <summary>Writes one line.</summary>
    /// <param name="text">The text.</param>
    public static void Write(string text) => Console.WriteLine(Prefix + text);
}
