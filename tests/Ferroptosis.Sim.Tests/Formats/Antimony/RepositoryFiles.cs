namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Locates files of the repository from the test assembly's directory.</summary>
internal static class RepositoryFiles
{
    /// <summary>Gets the repository root: the nearest ancestor of the test assembly's directory that holds Ferroptosis.Sim.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the full path of a file given relative to the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ferroptosis.Sim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds Ferroptosis.Sim.sln.");
    }
}
