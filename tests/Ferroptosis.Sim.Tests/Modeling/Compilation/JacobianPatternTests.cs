using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Tests.Formats.Antimony;
using Ferroptosis.Sim.Tests.Formats.Sbml;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>The symbolic Jacobian pattern of a compiled model covers every entry that central differences find non-zero, and the sparse Jacobian equals the dense one on it.</summary>
public sealed class JacobianPatternTests
{
    public static IEnumerable<TestCaseData> Models()
    {
        foreach (var data in TestNetworks.All())
        {
            yield return data;
        }

        foreach (string file in new[] { "models/ferroptosis/v1/ferroptosis.ant", "models/ferroptosis/v2/ferroptosis.ant", "models/bone-remodelling/komarova2003-coupled.ant", "models/bone-remodelling/bounded-remodelling.ant" })
        {
            yield return new TestCaseData(new Func<ReactionNetwork>(() => AntimonyReader.ReadFile(RepositoryFiles.PathOf(file)))).SetArgDisplayNames(file);
        }

        foreach (string id in new[] { "00025", "00034", "00038", "00078", "00080", "00088", "00090", "00093" })
        {
            yield return new TestCaseData(new Func<ReactionNetwork>(() => SbmlReader.ReadFile(TestData.L3File(id)).Network)).SetArgDisplayNames("sbml-" + id);
        }
    }

    [TestCaseSource(nameof(Models))]
    public void Pattern_CoversNumericallyNonZeroEntries_AtRandomStates(object source)
    {
        var network = source as ReactionNetwork ?? ((Func<ReactionNetwork>)source)();
        var model = ModelCompiler.Compile(network);
        if (model.Dimension == 0)
        {
            Assert.Pass("No state variables.");
        }

        var pattern = model.JacobianPattern;
        Assert.That(pattern, Is.SameAs(model.JacobianPattern), "one pattern instance, as the solvers require");
        var random = new Random(2026);
        var instance = model.CreateInstance();
        int n = model.Dimension;
        // Computed by the instance used below, so that parameters set by initial assignments hold in it.
        var initial = instance.ComputeInitialState();
        for (int trial = 0; trial < 5; trial++)
        {
            // Random states around the declared initial state (the models' rate laws are meant for their own ranges).
            var y = initial.Select(v => (Math.Abs(v) + 0.01) * (0.8 + (0.4 * random.NextDouble()))).ToArray();
            var f = new double[n];
            instance.Evaluate(0, y, f);
            const double t = 0;
            var fd = NumericJacobian.CentralDifferences(instance, t, y);
            var dense = new double[n * n];
            instance.EvaluateJacobian(t, y, dense);
            var values = new double[pattern.NonZeros];
            instance.EvaluateSparseJacobian(t, y, values);
            for (int i = 0; i < n; i++)
            {
                Assert.That(double.IsFinite(f[i]), $"d{model.StateIds[i]}/dt at a state near the initial one");
                for (int j = 0; j < n; j++)
                {
                    int e = pattern.IndexOf(i, j);
                    double scale = 1e-6 * Math.Max(1, Math.Abs(dense[(i * n) + j]));
                    if (e < 0)
                    {
                        Assert.That(fd[(i * n) + j], Is.EqualTo(0).Within(scale), $"∂f_{model.StateIds[i]}/∂{model.StateIds[j]} is non-zero but outside the pattern");
                        Assert.That(dense[(i * n) + j], Is.Zero);
                    }
                    else
                    {
                        Assert.That(values[e], Is.EqualTo(dense[(i * n) + j]), "sparse and dense analytic Jacobians agree");
                    }
                }
            }
        }
    }

    [Test]
    public void Pattern_EqualsDenseNonZeroStructure_WithoutCancellation()
    {
        var model = ModelCompiler.Compile(TestNetworks.MassAction());
        var y = new[] { 0.7, 1.3, 0.4, 0.9 };
        var fd = NumericJacobian.CentralDifferences(model.CreateInstance(), 0, y);
        int n = model.Dimension;
        var numeric = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (Math.Abs(fd[(i * n) + j]) > 1e-8)
                {
                    numeric.Add((i, j));
                }
            }
        }

        var pattern = model.JacobianPattern;
        var structural = Enumerable.Range(0, n).SelectMany(i => pattern.Columns[pattern.RowStarts[i]..pattern.RowStarts[i + 1]].ToArray().Select(j => (i, j))).ToList();
        Assert.That(structural, Is.EqualTo(numeric));
    }
}
