using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ferroptosis.Sim.Formats.Sbml;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Hostile and damaged input ends in <see cref="SbmlFormatException"/> with a message: never another exception, a hang, a file read or a network access.</summary>
public sealed partial class SbmlRobustnessTests
{
    [Test]
    [CancelAfter(10_000)]
    public void EntityExpansion_BillionLaughs_IsRefused()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE sbml [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++)
        {
            xml.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n");
        }

        xml.Append("]>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\"><model id=\"&lol9;\"/></sbml>");
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml.ToString()));
        Assert.That(e!.Message, Does.StartWith("The file contains a DTD (<!DOCTYPE …>), which is refused"));
        Assert.That(e.Message, Does.EndWith("it follows the node that starts at line 1, position 3"), "the XML declaration");
    }

    [Test]
    public void ExternalEntity_ToALocalFile_IsNeverRead()
    {
        string secret = Path.Combine(Path.GetTempPath(), $"sbml-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            string xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE sbml [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m" name="&xxe;"/></sbml>
                """;
            var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
            Assert.That(e!.Message, Does.Not.Contain("TOP-SECRET"));
            Assert.That(e.Message, Does.Contain("DTD"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void ExternalEntity_AndExternalDtd_OverTheNetwork_AreNeverFetched()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            string[] documents =
            [
                $"<?xml version=\"1.0\"?><!DOCTYPE sbml SYSTEM \"http://127.0.0.1:{port}/sbml.dtd\"><sbml/>",
                $"<?xml version=\"1.0\"?><!DOCTYPE sbml [<!ENTITY e SYSTEM \"http://127.0.0.1:{port}/e\">]><sbml>&e;</sbml>",
                $"<?xml version=\"1.0\"?><!DOCTYPE sbml [<!ENTITY % p SYSTEM \"http://127.0.0.1:{port}/p\"> %p;]><sbml/>",
            ];
            foreach (string xml in documents)
            {
                Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
            }

            Thread.Sleep(100);
            Assert.That(listener.Pending(), Is.False, "the reader opened a connection");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Test]
    public void PredefinedEntitiesAndCharacterReferences_AreNotCountedAsEntityExpansion()
    {
        // Notes and names full of &amp; and &#65; are ordinary; the expansion limit is for DTD entities only.
        string many = string.Concat(Enumerable.Repeat("&amp;&lt;&#65;", 5000));
        string xml = SbmlText.L3($"""<notes><p xmlns="http://www.w3.org/1999/xhtml">{many}</p></notes><listOfParameters><parameter id="p" name="{many}" value="1" constant="true"/></listOfParameters>""");
        Assert.That(SbmlReader.Parse(xml).Network.Parameters, Has.Count.EqualTo(1));
    }

    [Test]
    public void UndeclaredEntityReference_IsAnError_WithItsPlace()
    {
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse("<sbml>\n  <model id=\"&undeclared;\"/></sbml>"));
        Assert.That(e!.Line, Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(10_000)]
    public void DeepNesting_IsRefusedBeforeItCanOverflowTheStack()
    {
        const int depth = 100_000;
        var xml = new StringBuilder(SbmlText.InitialAssignment("DEEP"));
        string deep = string.Concat(Enumerable.Repeat("<apply><minus/>", depth)) + "<cn>1</cn>" + string.Concat(Enumerable.Repeat("</apply>", depth));
        xml.Replace("DEEP", deep);
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml.ToString()));
        Assert.That(e!.Message, Does.Contain("nested more than"));
    }

    [Test]
    [CancelAfter(30_000)]
    public void WideSums_DeeperThanTheExpressionLimit_AreRefused()
    {
        string terms = string.Concat(Enumerable.Repeat("<cn>1</cn>", 5000));
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(SbmlText.InitialAssignment($"<apply><plus/>{terms}</apply>")));
        Assert.That(e!.Message, Does.Contain("operations deep"));
    }

    [TestCase("")]
    [TestCase("not xml at all")]
    [TestCase("<html><body/></html>")]
    [TestCase("<sbml level=\"3\" version=\"2\"><model id=\"m\"/></sbml>")]
    [TestCase("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"three\" version=\"2\"/>")]
    [TestCase("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\"/>")]
    [TestCase("\uFEFF\uFEFF<sbml/>")]
    public void NotSbml_IsAFormatError(string text)
    {
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(text));
        Assert.That(e!.Message, Is.Not.Empty);
    }

    [Test]
    public void InvalidUtf8_IsAFormatError()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sbml id=\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"/>")];
        using var stream = new MemoryStream(bytes);
        Assert.Throws<SbmlFormatException>(() => SbmlReader.Read(stream));
    }

    /// <summary>Every 7th test-suite file, damaged in ten seeded ways: each read either succeeds (harmless damage) or throws <see cref="SbmlFormatException"/>.</summary>
    [Test]
    [CancelAfter(120_000)]
    public void MutatedTestSuiteFiles_ReadOrFailWithTheDocumentedException()
    {
        var files = Directory.GetFiles(Path.Combine(TestData.SbmlTestSuite, "cases"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Where((_, i) => i % 7 == 0).ToList();
        var random = new Random(20240223);
        int rejected = 0, total = 0;
        var unexpected = new List<string>();
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            for (int m = 0; m < 10; m++)
            {
                var (kind, mutated) = Mutate(text, m, random);
                total++;
                try
                {
                    SbmlReader.Parse(mutated);
                }
                catch (SbmlFormatException e) when (e.Message.Length > 0)
                {
                    rejected++;
                }
                catch (Exception e)
                {
                    unexpected.Add($"{Path.GetFileName(file)} after '{kind}': {e.GetType().Name}: {e.Message}");
                }
            }
        }

        TestContext.Progress.WriteLine($"Mutated SBML files: {total} read, {rejected} rejected with SbmlFormatException.");
        Assert.That(unexpected, Is.Empty);
        Assert.That(rejected, Is.GreaterThan(total / 4), "most damage must be noticed");
    }

    private static (string Kind, string Text) Mutate(string text, int kind, Random random)
    {
        switch (kind)
        {
            case 0:
                return ("truncate", text[..random.Next(text.Length)]);
            case 1:
                return ("drop attribute", RemoveRandom(text, Attribute(), random, _ => string.Empty));
            case 2:
                return ("wrong id", RemoveRandom(text, Reference(), random, match => $"{match.Groups[1].Value}=\"no_such_id\""));
            case 3:
                return ("bad number", RemoveRandom(text, NumberAttribute(), random, match => $"{match.Groups[1].Value}=\"1.2.3x\""));
            case 4:
                return ("invalid id", RemoveRandom(text, IdAttribute(), random, _ => " id=\"9 bad\""));
            case 5:
                return ("drop element", Structural(text, random, (doc, element) => element.Remove()));
            case 6:
                return ("duplicate element", Structural(text, random, (doc, element) => element.AddAfterSelf(new XElement(element))));
            case 7:
                return ("empty element", Structural(text, random, (doc, element) => element.RemoveNodes()));
            case 8:
                return ("garbage", text.Insert(random.Next(text.Length), "<&\u0001>"));
            default:
                return ("entity", text.Insert(text.IndexOf("<sbml", StringComparison.Ordinal), "<!DOCTYPE sbml [<!ENTITY x \"y\">]>"));
        }
    }

    private static string RemoveRandom(string text, Regex pattern, Random random, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(text.AsSpan(0, match.Index), replacement(match), text.AsSpan(match.Index + match.Length));
    }

    private static string Structural(string text, Random random, Action<XDocument, XElement> change)
    {
        var document = XDocument.Parse(text);
        var elements = document.Descendants().Skip(1).ToList();
        change(document, elements[random.Next(elements.Count)]);
        return document.ToString();
    }

    [GeneratedRegex("\\s[A-Za-z]+=\"[^\"]*\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("\\b(species|compartment|variable|symbol|conversionFactor)=\"[^\"]*\"")]
    private static partial Regex Reference();

    [GeneratedRegex("\\b(value|size|initialAmount|initialConcentration|stoichiometry)=\"[^\"]*\"")]
    private static partial Regex NumberAttribute();

    [GeneratedRegex("\\sid=\"[^\"]*\"")]
    private static partial Regex IdAttribute();
}
