using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Mutated model texts end in a valid network or a <see cref="ModelParseException"/> / <see cref="ModelValidationException"/> with a message: never another exception, a hang or a crash.</summary>
public sealed partial class FuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "model", "end", "function", "species", "compartment", "var", "const", "substanceOnly", "formula", "unit", "at", "after",
        "in", "is", "has", "import", "DNA", "delete", "->", "=>", "-|", "--", ":=", "'", "=", ":", ";", ",", "$", "(", ")",
        "\n", "+", "*", "/", "^", "time", "pi", "2", "0", "1e-3", "x", "S", "\"name\"", "#", "//", "/*", "*/", "\\\n", ".", "@",
        "priority", "t0", "persistent", "fromTrigger", "true", "false", "default_compartment", "__main", "exp", "&&", "<",
    ];

    private static readonly Lazy<string[]> Corpus = new(() =>
    [
        RoundTripTests.EveryConstruct,
        "J1: A + 2 B -> C; k1*A*B\nk1 = 1; A = 1; B = 2\n",
        "model m()\n  species S in c = 1; compartment c = 2\n  S' = -k*S; k = 0.1\n  at (S < 0.5), t0 = false: k = 0\nend\n",
        "function f(x) x^2 end\nmodel *m\n  J0: $X => Y; f(X)*k\n  k = 3 mM\n  Y is \"why\"\nend\n",
        .. Windows(File.ReadAllLines(RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant")), 24),
    ]);

    [Test]
    public void Mutated_model_texts_read_or_fail_with_a_positioned_message()
    {
        var random = new Random(20260315);
        int valid = 0, parseErrors = 0, validationErrors = 0;
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Run(() =>
        {
            for (int i = 0; i < 3000; i++)
            {
                var corpus = Corpus.Value;
                string text = Mutate(corpus[random.Next(corpus.Length)], random);
                switch (Outcome(text))
                {
                    case 0:
                        valid++;
                        break;
                    case 1:
                        parseErrors++;
                        break;
                    default:
                        validationErrors++;
                        break;
                }
            }
        });

        Assert.That(run.Wait(TimeSpan.FromSeconds(60)), Is.True, "the fuzz loop must end (a hang would not)");
        TestContext.Out.WriteLine($"{valid} valid, {parseErrors} parse errors, {validationErrors} validation errors in {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(valid, Is.GreaterThan(200), "the mutations keep some texts valid");
        Assert.That(parseErrors, Is.GreaterThan(1000), "the mutations break some texts");
    }

    [Test]
    public void Random_bytes_and_characters_fail_with_a_positioned_message()
    {
        var random = new Random(77);
        const string alphabet = "abcSk_0123456789.e+-*/^()=:;,'$\"#@{}<>!&| \t\n\r\\";
        var run = Task.Run(() =>
        {
            for (int i = 0; i < 3000; i++)
            {
                string text;
                if (i % 2 == 0)
                {
                    var bytes = new byte[random.Next(0, 60)];
                    random.NextBytes(bytes);
                    text = random.Next(2) == 0 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
                }
                else
                {
                    text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
                }

                Outcome(text);
            }
        });

        Assert.That(run.Wait(TimeSpan.FromSeconds(60)), Is.True);
    }

    [Test]
    public void Mutated_parameter_sets_apply_or_fail_with_a_positioned_message()
    {
        var network = AntimonyReader.ReadFile(RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant"));
        string[] sets = [.. new[] { "osteoclast", "osteocyte" }.Select(c => File.ReadAllText(RepositoryFiles.PathOf($"models/ferroptosis/v1/{c}.ant"))), "erastin = 5; rsl3 = 0.1 uM\ncell = 2\nNRF2 = 1.5\n"];
        var random = new Random(11);
        int applied = 0;
        var run = Task.Run(() =>
        {
            for (int i = 0; i < 1500; i++)
            {
                string text = Mutate(sets[random.Next(sets.Length)], random);
                try
                {
                    AntimonyReader.ApplyParameterSet(network, text);
                    applied++;
                }
                catch (ModelParseException ex)
                {
                    Assert.That(ex.Message, Does.Contain($"at {ex.Line}:{ex.Column}"), text);
                }
                catch (ModelValidationException ex)
                {
                    Assert.That(ex.Message, Is.Not.Empty, text);
                }
            }
        });

        Assert.That(run.Wait(TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(applied, Is.GreaterThan(100));
    }

    [TestCase(100_000)]
    public void Deep_nesting_and_long_inputs_fail_cleanly(int size)
    {
        Assert.That(Outcome("k = " + new string('(', size) + "1" + new string(')', size)), Is.EqualTo(1));
        Assert.That(Outcome("k = " + string.Join(" + ", Enumerable.Repeat("x", size))), Is.EqualTo(1));
        Assert.That(Outcome(string.Concat(Enumerable.Repeat("model m\n", 10))), Is.EqualTo(1));
        Assert.That(Outcome(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"k{i} = {i}\n"))), Is.EqualTo(0));
        Assert.That(Outcome("J1: " + string.Join(" + ", Enumerable.Range(0, 5_000).Select(i => $"S{i}")) + " -> P; 1"), Is.EqualTo(0));
    }

    /// <summary>Reads a text: 0 when it gives a network (which must then round-trip through the writer), 1 for a parse error, 2 for a validation error.</summary>
    private static int Outcome(string text)
    {
        try
        {
            var network = AntimonyReader.Read(text);
            string written = AntimonyWriter.Write(network);
            NetworkComparer.AssertIdentical(network, AntimonyReader.Read(written), $"input:\n{text}\nwritten:\n{written}");
            return 0;
        }
        catch (ModelParseException ex)
        {
            Assert.That(ex.Line, Is.GreaterThanOrEqualTo(1), text);
            Assert.That(ex.Column, Is.GreaterThanOrEqualTo(1), text);
            Assert.That(ex.Message, Does.Contain($"at {ex.Line}:{ex.Column}"), text);
            return 1;
        }
        catch (ModelValidationException ex)
        {
            Assert.That(ex.Message, Is.Not.Empty, text);
            return 2;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var pieces = Piece().Matches(text).Select(m => m.Value).ToList();
        for (int m = random.Next(1, 4); m > 0 && pieces.Count > 0; m--)
        {
            int i = random.Next(pieces.Count);
            switch (random.Next(7))
            {
                case 0:
                    pieces.RemoveAt(i);
                    break;
                case 1:
                    pieces.Insert(i, pieces[i]);
                    break;
                case 2:
                    int j = random.Next(pieces.Count);
                    (pieces[i], pieces[j]) = (pieces[j], pieces[i]);
                    break;
                case 3:
                    pieces.Insert(i, Vocabulary[random.Next(Vocabulary.Length)] + " ");
                    break;
                case 4:
                    pieces[i] = Vocabulary[random.Next(Vocabulary.Length)] + " ";
                    break;
                case 5:
                    string joined = string.Concat(pieces);
                    pieces = [joined[..random.Next(joined.Length + 1)]];
                    break;
                default:
                    pieces.Insert(i, ((char)random.Next(0, 0x3000)).ToString());
                    break;
            }
        }

        return string.Concat(pieces);
    }

    private static IEnumerable<string> Windows(string[] lines, int size)
    {
        for (int start = 0; start + size <= lines.Length; start += size / 2)
        {
            yield return string.Join("\n", lines.Skip(start).Take(size));
        }
    }

    /// <summary>A token with the blanks after it: a name or number, a two-character operator, or any other character.</summary>
    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*|\d+(\.\d*)?([eE][+-]?\d+)?|->|=>|:=|<=|>=|==|&&|\|\||//|/\*|\*/|.|\n)[ \t]*", RegexOptions.Singleline)]
    private static partial Regex Piece();
}
