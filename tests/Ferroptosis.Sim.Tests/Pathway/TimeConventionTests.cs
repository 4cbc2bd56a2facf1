using System.Reflection;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>
/// One convention for time in the pathway, remodelling and plotting API: a time that goes in is a <see cref="TimeSpan"/>;
/// a time that is a number carries its unit (Hours, Days, Months) in its name, going in and coming out.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TimeConventionTests
{
    private static readonly string[] Units = ["Hours", "Days", "Months"];

    private static readonly string[] TimeWords = ["time", "hour", "day", "month", "duration", "t50", "start", "end", "onset", "interval"];

    [Test]
    public void NumericTimes_CarryTheirUnitInTheirName_InThePathwayAndPlottingApi()
    {
        var types = typeof(FerroptosisSimulation).Assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("Ferroptosis.Sim.Pathway", StringComparison.Ordinal) == true)
            .Concat(typeof(CellDeathFigure).Assembly.GetExportedTypes().Where(t => t.Name is "CellDeathFigure"));
        var offenders = new List<string>();
        foreach (var type in types)
        {
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case PropertyInfo property when IsNumber(property.PropertyType) && SaysTime(property.Name) && !HasUnit(property.Name):
                        offenders.Add($"{type.Name}.{property.Name}");
                        break;
                    case MethodInfo method when !method.IsSpecialName:
                        bool timeOut = IsNumber(method.ReturnType) && SaysTime(method.Name) && !method.Name.StartsWith("TimeAverage", StringComparison.Ordinal);
                        var numericTimeIn = method.GetParameters().Where(p => IsNumber(p.ParameterType) && SaysTime(p.Name!)).ToList();
                        if ((timeOut || numericTimeIn.Count > 0) && !HasUnit(method.Name) && !numericTimeIn.All(p => HasUnit(p.Name!) && HasUnit(method.Name)))
                        {
                            offenders.Add($"{type.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})");
                        }

                        break;
                }
            }
        }

        Assert.That(offenders, Is.Empty, "a double that is a time needs its unit in the member's name, or a TimeSpan");
    }

    [Test]
    public void RemodellingReadOuts_TakeTimeSpans_AsTheirDayOverloadsDo()
    {
        var run = BoneRemodelling.RunPopulation(new DeathRates(0.002, 0.01, 0), TimeSpan.FromDays(120), RemodellingOptions.Version1);
        var day45 = TimeSpan.FromDays(45.5);

        Assert.Multiple(() =>
        {
            Assert.That(run.BoneMassAt(day45), Is.EqualTo(run.BoneMassAtDays(45.5)));
            Assert.That(run.BoneMassAtDays(45.5), Is.LessThan(run.BoneMassAtDays(0)), "bone is lost under the extra death");
            Assert.That(run.ValueAt("x1", day45), Is.EqualTo(run.ValueAtDays("x1", 45.5)));
            Assert.That(run.DeathRatesAt(day45), Is.EqualTo(run.DeathRatesAtDays(45.5)));
            Assert.That(() => run.BoneMassAtDays(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("The run covers"));
            Assert.That(() => run.DeathRatesAtDays(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => run.BoneMassAt(TimeSpan.FromDays(121)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => run.ValueAt("nope", day45), Throws.ArgumentException);
        });
    }

    [Test]
    public void FoldAt_TakesATimeSpan_AsFoldAtHoursTakesHours()
    {
        var run = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Sulforaphane(5)], TimeSpan.FromHours(8));

        Assert.Multiple(() =>
        {
            Assert.That(run.FoldAt("HO1", TimeSpan.FromMinutes(390)), Is.EqualTo(run.FoldAtHours("HO1", 6.5)));
            Assert.That(run.FoldAtHours("HO1", 6.5), Is.GreaterThan(1), "sulforaphane induces HO-1");
            Assert.That(run.FoldAtHours("HO1", 6.5), Is.EqualTo(run.ValueAtHours("HO1", 6.5) / run.RestingValue("HO1")));
        });
    }

    private static bool IsNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(double);

    private static bool SaysTime(string name) => TimeWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool HasUnit(string name) => Units.Any(u => name.Contains(u, StringComparison.OrdinalIgnoreCase));
}
