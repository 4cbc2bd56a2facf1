using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ferroptosis.Sim.Tests.Docs;

/// <summary>Every C# snippet of the README, the docs and the model READMEs compiles against the current library and runs without throwing.</summary>
/// <remarks>
/// Snippets run in this process, one at a time, with the console captured and the current directory set to a
/// scratch folder that links the repository's top-level folders: relative paths such as
/// <c>models/ferroptosis/v1/ferroptosis.ant</c> resolve as from the repository root, while files a snippet
/// writes land in the scratch folder, not in the repository.
/// </remarks>
[NonParallelizable]
[Category("Slow")]
public sealed class DocumentationTests
{
    private const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static IEnumerable<TestCaseData> Snippets()
    {
        string root = RepositoryRoot();
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "models"), "README.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            foreach (var snippet in DocumentationSnippet.Read(root, file))
            {
                yield return new TestCaseData(snippet).SetArgDisplayNames(snippet.ToString().Replace('\\', '/'));
            }
        }
    }

    [TestCaseSource(nameof(Snippets))]
    public void Snippet_CompilesAndRuns(DocumentationSnippet snippet)
    {
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(GlobalUsings), CSharpSyntaxTree.ParseText(snippet.Code, path: snippet.File)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.That(errors, Is.Empty, $"{snippet} does not compile:{Environment.NewLine}{snippet.Code}");
        if (!snippet.Run)
        {
            return;
        }

        var context = new AssemblyLoadContext(snippet.ToString(), isCollectible: true);
        var output = new StringWriter();
        var console = Console.Out;
        string directory = Environment.CurrentDirectory;
        string scratch = ScratchFolder();
        try
        {
            image.Position = 0;
            var entry = context.LoadFromStream(image).EntryPoint!;
            Environment.CurrentDirectory = scratch;
            Console.SetOut(output);
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        catch (TargetInvocationException ex)
        {
            Assert.Fail($"{snippet} threw {ex.InnerException}{Environment.NewLine}Output:{Environment.NewLine}{output}");
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = directory;
            context.Unload();
            Directory.Delete(scratch, recursive: true);
        }

        TestContext.Out.WriteLine(output.ToString());
    }

    private static string ScratchFolder()
    {
        string root = RepositoryRoot();
        string scratch = Directory.CreateTempSubdirectory("ferrosim-docs-").FullName;
        foreach (string folder in new[] { "models", "docs", "samples", "tests", "benchmarks" })
        {
            Directory.CreateSymbolicLink(Path.Combine(scratch, folder), Path.Combine(root, folder));
        }

        return scratch;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ferroptosis.Sim.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (with Ferroptosis.Sim.sln) was not found above the test directory.");
    }
}
