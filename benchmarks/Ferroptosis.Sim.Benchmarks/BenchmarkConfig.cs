using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Ferroptosis.Sim.Benchmarks;

/// <summary>The shared BenchmarkDotNet configuration: the default jobs plus the memory diagnoser, always.</summary>
/// <remarks>For quick runs pass BenchmarkDotNet's own <c>--job short</c>.</remarks>
public static class BenchmarkConfig
{
    /// <summary>Creates the configuration.</summary>
    /// <returns>A configuration with <see cref="MemoryDiagnoser"/> on.</returns>
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance).AddDiagnoser(MemoryDiagnoser.Default);
}
