using System.Text;
using System.Text.RegularExpressions;

namespace Ferroptosis.Sim.Tests.Docs;

/// <summary>A C# program made of one or more fenced <c>csharp</c> blocks of a Markdown file.</summary>
/// <remarks>
/// Conventions for the documentation: every <c>```csharp</c> block is a complete top-level program that
/// compiles and runs from the repository root. A file containing <c>&lt;!-- snippets: one program --&gt;</c>
/// forms one program from all its blocks, in order. A block preceded by <c>&lt;!-- snippet: compile-only --&gt;</c>
/// is compiled but not run (e.g. it needs a file the reader supplies).
/// </remarks>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The line of the (first) block.</param>
/// <param name="Code">The program text.</param>
/// <param name="Run">Whether the program is run after compiling.</param>
public sealed partial record DocumentationSnippet(string File, int Line, string Code, bool Run)
{
    private const string OneProgram = "<!-- snippets: one program -->";
    private const string CompileOnly = "<!-- snippet: compile-only -->";

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";

    /// <summary>Reads the programs of one Markdown file.</summary>
    public static IEnumerable<DocumentationSnippet> Read(string root, string relativePath)
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(root, relativePath));
        bool together = lines.Any(l => l.Trim() == OneProgram);
        var blocks = new List<(int Line, string Code, bool Run)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            bool run = !(i > 0 && lines[i - 1].Trim() == CompileOnly) && !(i > 1 && lines[i - 1].Trim().Length == 0 && lines[i - 2].Trim() == CompileOnly);
            var code = new StringBuilder();
            int start = i + 1;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.AppendLine(lines[i]);
            }

            blocks.Add((start, code.ToString(), run));
        }

        if (together && blocks.Count > 0)
        {
            yield return new DocumentationSnippet(relativePath, blocks[0].Line, Hoist(string.Join(Environment.NewLine, blocks.Select(b => b.Code))), blocks.All(b => b.Run));
            yield break;
        }

        foreach (var (line, code, run) in blocks)
        {
            yield return new DocumentationSnippet(relativePath, line, Hoist(code), run);
        }
    }

    /// <summary>Moves using directives to the top (a program joined from several blocks has them spread out).</summary>
    private static string Hoist(string code)
    {
        var usings = new List<string>();
        var body = new StringBuilder();
        foreach (string line in code.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            if (UsingDirective().IsMatch(trimmed))
            {
                if (!usings.Contains(trimmed.Trim()))
                {
                    usings.Add(trimmed.Trim());
                }
            }
            else
            {
                body.AppendLine(trimmed);
            }
        }

        return string.Join(Environment.NewLine, usings) + Environment.NewLine + body;
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
