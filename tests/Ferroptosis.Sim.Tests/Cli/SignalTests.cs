using System.Diagnostics;
using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Tests.Plotting;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary>The real <c>ferrosim</c> process, interrupted by a signal while it writes a large CSV: it exits with 130 and leaves neither the file nor its temporary file.</summary>
[Category("Slow")]
[Platform(Include = "Linux,MacOsX")]
public sealed class SignalTests : TempFolderTests
{
    [TestCase("TERM")]
    [TestCase("INT")]
    [CancelAfter(120_000)]
    public void Signal_WhileWriting_RemovesTheTemporaryFile_AndExitsWith130(string signal)
    {
        string model = Path.Combine(Folder, "decay.ant");
        string output = Path.Combine(Folder, "out");
        File.WriteAllText(model, CliTestKit.DecayModel);
        string tool = Path.Combine(AppContext.BaseDirectory, "ferrosim");
        var start = new ProcessStartInfo(tool)
        {
            ArgumentList = { "simulate", model, "--t-end", "1e7", "--interval", "1", "--force", "--plot", "none", "--out", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!CliTestKit.FilesIn(output).Any(f => f.EndsWith(".tmp", StringComparison.Ordinal)) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(20);
        }

        Assume.That(process.HasExited, Is.False, "the run ended before it could be interrupted");
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit();
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Cancelled), stderr.Result + stdout.Result);
            Assert.That(stderr.Result, Does.Contain("cancelled: no output files were written"));
            Assert.That(CliTestKit.FilesIn(output), Is.Empty, "neither the CSV nor its temporary file");
        });
    }
}
