using System.Globalization;

namespace Ferroptosis.Sim.Distributed;

/// <summary>The one command line every scheduler runs for a shard, <c>TOOL… ensemble shard --plan P --index I --out DIR --threads N</c>, and the quoting the generated scripts need.</summary>
internal static class ShardCommandLine
{
    /// <summary>The position of the index in <see cref="Arguments"/>.</summary>
    public const int IndexPosition = 5;

    /// <summary>The shard command's arguments after the tool.</summary>
    /// <param name="planPath">The plan file as the task sees it.</param>
    /// <param name="index">The index argument (a number, or a variable the scheduler or shell expands).</param>
    /// <param name="folder">The shard folder as the task sees it.</param>
    /// <param name="threads">Threads per shard.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> Arguments(string planPath, string index, string folder, int threads) =>
        ["ensemble", "shard", "--plan", planPath, "--index", index, "--out", folder, "--threads", threads.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The shard command as one POSIX shell command: the tool and every argument quoted literally, except the index, which is shell text (e.g. <c>"$index"</c>) the shell expands.</summary>
    /// <param name="tool">The command that runs ferrosim, as arguments.</param>
    /// <param name="planPath">The plan file as the task sees it.</param>
    /// <param name="shellIndex">The index as shell text.</param>
    /// <param name="folder">The shard folder as the task sees it.</param>
    /// <param name="threads">Threads per shard.</param>
    /// <returns>The command.</returns>
    public static string Shell(IReadOnlyList<string> tool, string planPath, string shellIndex, string folder, int threads)
    {
        var arguments = Arguments(planPath, shellIndex, folder, threads);
        return string.Join(' ', tool.Select(ShellQuote).Concat(arguments.Select((a, i) => i == IndexPosition ? a : ShellQuote(a))));
    }

    /// <summary>Quotes an argument for a POSIX shell: unchanged when it holds only safe characters, else in single quotes.</summary>
    /// <param name="argument">The argument.</param>
    /// <returns>The quoted argument.</returns>
    public static string ShellQuote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or ',' or '+')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
