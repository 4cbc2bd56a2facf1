using System.Text.RegularExpressions;

namespace Ferroptosis.Sim.Tests.Docs;

/// <summary>The gallery (docs/gallery.md) shows every sample with its figures, each image compressed to at most 300 KB, made by the one script it names.</summary>
public sealed class GalleryTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Page = File.ReadAllText(Path.Combine(Root, "docs", "gallery.md"));

    [Test]
    public void EverySample_HasASection_AndTheCommandThatMakesItsFigures()
    {
        var samples = Directory.GetDirectories(Path.Combine(Root, "samples")).Select(Path.GetFileName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(samples, Is.Not.Empty);
            foreach (string? sample in samples)
            {
                Assert.That(Page, Does.Contain($"## {sample}\n"), sample);
                Assert.That(Page, Does.Contain($"dotnet run -c Release --project samples/{sample} -- output"), sample);
            }

            Assert.That(Page, Does.Contain("docs/gallery/make-gallery.sh"));
            Assert.That(File.Exists(Path.Combine(Root, "docs", "gallery", "make-gallery.sh")), Is.True);
        });
    }

    [Test]
    public void EveryImage_IsShown_Exists_IsAPng_AndAtMost300KB()
    {
        var shown = Regex.Matches(Page, @"!\[[^\]]*\]\(gallery/([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        var files = Directory.GetFiles(Path.Combine(Root, "docs", "gallery"), "*.png").Select(Path.GetFileName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.Not.Empty);
            Assert.That(shown, Is.EquivalentTo(files), "every image in docs/gallery/ is shown, and every image shown is there");
            foreach (string name in shown)
            {
                string path = Path.Combine(Root, "docs", "gallery", name);
                Assert.That(new FileInfo(path).Length, Is.LessThanOrEqualTo(300 * 1024), name);
                Assert.That(File.ReadAllBytes(path)[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), name);
            }
        });
    }

    [Test]
    public void ThePage_NamesNoMachinePath() =>
        Assert.That(Page, Does.Not.Match(@"(/tmp/|/home/|/root/|/work/|[A-Z]:\\)"));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ferroptosis.Sim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ferroptosis.Sim.sln) is not above the test folder.");
    }
}
