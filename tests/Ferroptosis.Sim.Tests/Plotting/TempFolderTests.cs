namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>A base for fixtures whose tests write files: each test gets a fresh folder under the system temp folder, deleted afterwards.</summary>
/// <remarks>One folder per fixture instance: fixtures deriving from this must not run their tests in parallel with each other.</remarks>
public abstract class TempFolderTests
{
    /// <summary>Gets the current test's folder.</summary>
    protected string Folder { get; private set; } = string.Empty;

    /// <summary>Creates the test's folder.</summary>
    [SetUp]
    public void CreateFolder() => Folder = PlotTestKit.NewFolder();

    /// <summary>Deletes the test's folder and what the test wrote into it.</summary>
    [TearDown]
    public void DeleteFolder() => PlotTestKit.DeleteFolder(Folder);
}
