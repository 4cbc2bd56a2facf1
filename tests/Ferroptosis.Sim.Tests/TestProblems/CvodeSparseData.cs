using System.IO.Compression;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>Reads the stored reference states of the CVODE sparse harness's problems from <c>tests/data/cvode-sparse</c> (gzip of raw little-endian float64).</summary>
internal static class CvodeSparseData
{
    /// <summary>Gets whether a file is stored.</summary>
    /// <param name="name">The file name, e.g. <c>BRUSS2D_N16.f64.gz</c>.</param>
    /// <returns>True when the folder is found above the binaries and holds the file.</returns>
    public static bool Exists(string name) => Directory() is { } directory && File.Exists(Path.Combine(directory, name));

    /// <summary>Reads a stored state.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="count">The number of values it must hold.</param>
    /// <returns>The values, in the file's order.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder is not found above the binaries' folder.</exception>
    /// <exception cref="InvalidDataException">The file holds another number of values.</exception>
    public static double[] Read(string name, int count)
    {
        string file = Path.Combine(Directory() ?? throw new DirectoryNotFoundException("tests/data/cvode-sparse was not found above the binaries' folder."), name);
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        if (bytes.Length != 8 * count)
        {
            throw new InvalidDataException($"{file} holds {bytes.Length / 8} values, not {count}.");
        }

        var values = new double[count];
        for (int k = 0; k < count; k++)
        {
            values[k] = BitConverter.ToDouble(bytes, 8 * k);
        }

        return values;
    }

    private static string? Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "data", "cvode-sparse");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
