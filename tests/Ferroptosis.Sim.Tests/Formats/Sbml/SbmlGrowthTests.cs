using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>
/// Small files whose fully expanded expressions are exponentially large, and very long rule chains: they compile with
/// work that grows with the file (counted in distinct expression nodes, not timed), or are refused with a message that
/// names the limit; none overflows the stack.
/// </summary>
public sealed class SbmlGrowthTests
{
    private const string MathNs = "http://www.w3.org/1998/Math/MathML";

    [Test]
    public void SixtyFunctions_EachCallingThePreviousTwice_CompileToAGraphTheSizeOfTheFile()
    {
        // f1(x) = x + 1, f_k(x) = f_(k-1)(x) + f_(k-1)(x): f60(S) = 2^59 (S + 1), a 2^60-node tree.
        string xml = FunctionChain(60, "<apply><plus/><apply><ci>f{0}</ci><ci>x</ci></apply><apply><ci>f{0}</ci><ci>x</ci></apply></apply>");
        Assert.That(xml.Length, Is.LessThan(20_000));
        var network = SbmlReader.Parse(xml).Network;
        var model = ModelCompiler.Compile(network);
        Assert.That(DistinctNodes(model.RightHandSideExpressions), Is.LessThan(500));

        // The interpreter (initial values) evaluates each function once per distinct argument: f60(1) = 2^60 exactly.
        Assert.That(Expr.Call("f60", 1.0).Evaluate(_ => double.NaN, network.FunctionLibrary), Is.EqualTo(Math.Pow(2, 60)));
        var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 1, OutputPoints = 2, Outputs = ["R"] });
        Assert.That(result.GetColumn("R")[0], Is.EqualTo(1e-20 * Math.Pow(2, 60)).Within(1e-9));
    }

    [Test]
    public void SixtyAssignmentRules_EachUsingThePreviousTwice_CompileToAGraphTheSizeOfTheFile()
    {
        // a1 = S + S, a_k = a_(k-1) + a_(k-1): a60 = 2^60 S.
        var xml = new StringBuilder(Header());
        xml.Append("<listOfParameters>");
        for (int i = 1; i <= 60; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<parameter id=\"a{i}\" constant=\"false\"/>");
        }

        xml.Append("</listOfParameters><listOfRules>");
        for (int i = 1; i <= 60; i++)
        {
            string previous = i == 1 ? "S" : "a" + (i - 1).ToString(CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<assignmentRule variable=\"a{i}\"><math xmlns=\"{MathNs}\"><apply><plus/><ci>{previous}</ci><ci>{previous}</ci></apply></math></assignmentRule>");
        }

        xml.Append("</listOfRules>").Append(Decay("<apply><times/><cn>1e-30</cn><ci>a60</ci></apply>")).Append(Footer);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml.ToString()).Network);
        Assert.That(DistinctNodes(model.RightHandSideExpressions), Is.LessThan(500));
        Assert.That(model.JacobianNonZeros, Is.EqualTo(1));

        var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 1, OutputPoints = 2, Outputs = ["a60"] });
        Assert.That(result.GetColumn("a60")[0], Is.EqualTo(Math.Pow(2, 60)));
    }

    [TestCase(1990)]
    public void RuleChainJustBelowTheDepthLimit_CompilesAndSimulates_OnAThreadPoolThread(int length)
    {
        // Thread-pool threads have the smallest stacks the library runs on.
        var network = SbmlReader.Parse(RuleChain(length)).Network;
        var result = Task.Run(() => Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 1, OutputPoints = 2, Outputs = ["a" + length.ToString(CultureInfo.InvariantCulture)] })).Result;
        Assert.That(result.GetColumn("a" + length.ToString(CultureInfo.InvariantCulture))[0], Is.EqualTo(1 + length));
    }

    [TestCase(10_000)]
    [TestCase(50_000)]
    public void RuleChainOfTensOfThousands_ReadsAndValidates_AndIsRefusedByTheCompilerWithTheLimit(int length)
    {
        var network = Task.Run(() => SbmlReader.Parse(RuleChain(length)).Network).Result;
        Assert.That(network.AssignmentRules, Has.Count.EqualTo(length));
        var e = Assert.Throws<ModelValidationException>(() => ModelCompiler.Compile(network));
        Assert.That(e!.Message, Does.StartWith($"The assignment rule for 'a{ModelCompiler.MaxExpressionDepth - 1}' is an expression {ModelCompiler.MaxExpressionDepth + 1} operations deep"));
        Assert.That(e.Message, Does.Contain($"at most {ModelCompiler.MaxExpressionDepth} are supported"));
    }

    [Test]
    public void FunctionsAppliedToTheirOwnResults_AreRefusedAtTheDepthLimit_NamingTheFunction()
    {
        // f_k(x) = f_(k-1)(f_(k-1)(x)): the depth doubles at each level.
        string xml = FunctionChain(30, "<apply><ci>f{0}</ci><apply><ci>f{0}</ci><ci>x</ci></apply></apply>");
        var network = SbmlReader.Parse(xml).Network;
        var e = Assert.Throws<ModelValidationException>(() => ModelCompiler.Compile(network));
        Assert.That(e!.Message, Does.StartWith("Expanding the calls of function 'f1").And.Contain($"at most {ModelCompiler.MaxExpressionDepth} are supported"));
    }

    [Test]
    public void FunctionsWithExponentiallyManyDistinctArguments_AreRefusedAtTheNodeLimit()
    {
        // f_k(x) = f_(k-1)(x + 1) + f_(k-1)(x + 2): 2^k distinct instantiations, each shallow.
        string xml = FunctionChain(30, "<apply><plus/><apply><ci>f{0}</ci><apply><plus/><ci>x</ci><cn>1</cn></apply></apply><apply><ci>f{0}</ci><apply><plus/><ci>x</ci><cn>2</cn></apply></apply></apply>");
        var network = SbmlReader.Parse(xml).Network;
        var e = Assert.Throws<ModelValidationException>(() => ModelCompiler.Compile(network));
        Assert.That(e!.Message, Does.StartWith($"Expanding the function definitions builds more than {ModelCompiler.MaxExpandedNodes:N0} distinct operations"));
    }

    private static int DistinctNodes(IEnumerable<Expr> expressions)
    {
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        foreach (var e in expressions)
        {
            ExprQueries.PreOrder(e, node => seen.Add(node));
        }

        return seen.Count;
    }

    private static string Header() => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m">
        <listOfCompartments><compartment id="c" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
        <listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
        """;

    private const string Footer = "</model></sbml>";

    private static string Decay(string rate) =>
        $"""<listOfReactions><reaction id="R" reversible="false"><listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants><kineticLaw><math xmlns="{MathNs}">{rate}</math></kineticLaw></reaction></listOfReactions>""";

    /// <summary>f1(x) = x + 1 and f_k(x) = body with {0} standing for k − 1; reaction R decays S at 1e-20·f_n(S).</summary>
    private static string FunctionChain(int n, string body)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="m"><listOfFunctionDefinitions>""");
        xml.Append(CultureInfo.InvariantCulture, $"""<functionDefinition id="f1"><math xmlns="{MathNs}"><lambda><bvar><ci>x</ci></bvar><apply><plus/><ci>x</ci><cn>1</cn></apply></lambda></math></functionDefinition>""");
        for (int k = 2; k <= n; k++)
        {
            string text = string.Format(CultureInfo.InvariantCulture, body, k - 1);
            xml.Append(CultureInfo.InvariantCulture, $"""<functionDefinition id="f{k}"><math xmlns="{MathNs}"><lambda><bvar><ci>x</ci></bvar>{text}</lambda></math></functionDefinition>""");
        }

        xml.Append("</listOfFunctionDefinitions>");
        string header = Header();
        xml.Append(header[(header.IndexOf("<listOfCompartments>", StringComparison.Ordinal))..]);
        xml.Append(Decay($"<apply><times/><cn>1e-20</cn><apply><ci>f{n.ToString(CultureInfo.InvariantCulture)}</ci><ci>S</ci></apply></apply>")).Append(Footer);
        return xml.ToString();
    }

    /// <summary>a1 = S + 1, a_k = a_(k-1) + 1 (S stays 1: R's rate is 0·a_n).</summary>
    private static string RuleChain(int n)
    {
        var xml = new StringBuilder(Header());
        xml.Append("<listOfParameters>");
        for (int i = 1; i <= n; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<parameter id=\"a{i}\" constant=\"false\"/>");
        }

        xml.Append("</listOfParameters><listOfRules>");
        for (int i = 1; i <= n; i++)
        {
            string previous = i == 1 ? "S" : "a" + (i - 1).ToString(CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<assignmentRule variable=\"a{i}\"><math xmlns=\"{MathNs}\"><apply><plus/><ci>{previous}</ci><cn>1</cn></apply></math></assignmentRule>");
        }

        xml.Append("</listOfRules>").Append(Decay($"<apply><times/><cn>0</cn><ci>a{n.ToString(CultureInfo.InvariantCulture)}</ci></apply>")).Append(Footer);
        return xml.ToString();
    }
}
