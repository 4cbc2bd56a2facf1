using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Time-course CSV is parsed as CSV, not split on commas: quoted fields, comments, blank lines, a byte-order mark, and errors that name their line.</summary>
public sealed class TimeCourseCsvTests
{
    [Test]
    public void QuotedFields_KeepTheirCommas()
    {
        const string text = "# measured in triplicate\n\"time\",observable,value,sd\n\n0.5,\"LPO, fold\",1.5,0.1\n1,\"GSH \"\"total\"\"\",2.5,0.2\n";

        var data = TimeCourseData.ReadCsv(new StringReader(text));

        Assert.Multiple(() =>
        {
            Assert.That(data.Observables, Is.EqualTo(new[] { "LPO, fold", "GSH \"total\"" }));
            Assert.That(data.Points.Select(p => p.Value), Is.EqualTo(new[] { 1.5, 2.5 }));
            Assert.That(data.HasStandardDeviations, Is.True);
        });
    }

    [Test]
    public void AByteOrderMark_IsNotPartOfTheFirstHeader()
    {
        var data = TimeCourseData.ReadCsv(new StringReader("\uFEFFtime,observable,value\n1,B,2\n"));

        Assert.That(data.Points, Has.Count.EqualTo(1));
    }

    [Test]
    public void AnUnclosedQuote_IsAFormatError()
    {
        Assert.That(
            () => TimeCourseData.ReadCsv(new StringReader("time,observable,value\n1,\"B,2\n")),
            Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void AFileWithBlankLinesAndComments_NamesTheLineOfABadNumber()
    {
        Assert.That(
            () => TimeCourseData.ReadCsv(new StringReader("# a\ntime,observable,value\n\n1,B,2\n2,B,two\n")),
            Throws.InstanceOf<FormatException>().With.Message.Contains("Line 5").And.Message.Contains("'two'"));
    }
}
