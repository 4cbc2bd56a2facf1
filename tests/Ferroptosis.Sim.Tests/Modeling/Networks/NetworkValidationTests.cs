using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Networks;

/// <summary>Each validation rule gives one clear message naming the offending ids.</summary>
public sealed class NetworkValidationTests
{
    private static ModelValidationException Invalid(Func<ReactionNetworkBuilder, ReactionNetworkBuilder> build) =>
        Assert.Throws<ModelValidationException>(() => build(new ReactionNetworkBuilder("m").Compartment("cell")).Build())!;

    [Test]
    public void UndefinedSymbol_IsNamed_WithASuggestion()
    {
        var ex = Invalid(b => b.Species("A", 1).Parameter("kcat", 1).Reaction("J1", "A =>", "kact*A"));
        Assert.That(ex.Message, Does.Contain("Undefined symbol 'kact' in the rate law of reaction 'J1'; did you mean 'kcat'?"));
    }

    [Test]
    public void DuplicateIds_AreReported()
    {
        var ex = Invalid(b => b.Species("A", 1).Parameter("A", 2));
        Assert.That(ex.Message, Does.Contain("Duplicate id 'A': used for a species and a parameter"));
    }

    [Test]
    public void RuleOnASpeciesChangedByAReaction_IsRejected()
    {
        var ex = Invalid(b => b.Species("A", 1).Species("B", 0).Reaction("J1", "A => B", "A").AssignmentRule("B", "2*A"));
        Assert.That(ex.Message, Does.Contain("Species 'B' is both set by an assignment rule and changed by a reaction"));
    }

    [Test]
    public void CyclicAssignmentRules_AreRejected_WithTheCycle()
    {
        var ex = Invalid(b => b.Parameter("x", 0, isConstant: false).Parameter("y", 0, isConstant: false).AssignmentRule("x", "y + 1").AssignmentRule("y", "2*x"));
        Assert.That(ex.Message, Does.Contain("Assignment rules form a cycle: x -> y -> x"));
    }

    [Test]
    public void CycleThroughAReactionRate_IsRejected()
    {
        var ex = Invalid(b => b.Species("A", 1).Parameter("x", 0, isConstant: false).Reaction("J1", "A =>", "x*A").AssignmentRule("x", "J1"));
        Assert.That(ex.Message, Does.Contain("cycle").And.Contain("J1"));
    }

    [Test]
    public void NegativeCompartmentSize_IsRejected()
    {
        var ex = Assert.Throws<ModelValidationException>(() => new ReactionNetworkBuilder("m").Compartment("cell", -2).Build());
        Assert.That(ex!.Message, Does.Contain("Compartment 'cell' has size -2; a size must not be negative."));
    }

    [Test]
    public void RuleOnAConstantParameter_IsRejected()
    {
        var ex = Invalid(b => b.Parameter("k", 1).AssignmentRule("k", "2"));
        Assert.That(ex.Message, Does.Contain("Parameter 'k' is constant but is the target of an assignment rule"));
    }

    [Test]
    public void TwoRulesForOneVariable_AreRejected()
    {
        var ex = Invalid(b => b.Parameter("k", 1, isConstant: false).AssignmentRule("k", "2").RateRule("k", "1"));
        Assert.That(ex.Message, Does.Contain("'k' is the target of both an assignment rule and a rate rule"));
    }

    [Test]
    public void SpeciesInAnUndefinedCompartment_IsRejected()
    {
        var ex = Invalid(b => b.Species("A", 1, compartment: "nucleus"));
        Assert.That(ex.Message, Does.Contain("Species 'A' is in compartment 'nucleus', which is not defined."));
    }

    [Test]
    public void EventAssigningAConstant_IsRejected()
    {
        var ex = Invalid(b => b.Parameter("k", 1).Event("E1", "time > 1", ("k", "2")));
        Assert.That(ex.Message, Does.Contain("'k' is constant but event 'E1' assigns it"));
    }

    [Test]
    public void FunctionUsingAGlobal_IsRejected()
    {
        var ex = Invalid(b => b.Parameter("k", 1).Function("f", ["x"], "k*x"));
        Assert.That(ex.Message, Does.Contain("Function 'f' uses 'k', which is not one of its arguments (x)"));
    }

    [Test]
    public void SeveralProblems_AreAllListed()
    {
        var ex = Invalid(b => b.Species("A", 1).Reaction("J1", "A =>", "q*A").Reaction("J2", "A =>", "r*A"));
        Assert.That(ex.Problems, Has.Count.EqualTo(2));
        Assert.That(ex.Message, Does.StartWith("The model has 2 problems:"));
    }

    [Test]
    public void ReservedTimeSymbol_CannotBeAnId()
    {
        var ex = Invalid(b => b.Parameter("time", 1));
        Assert.That(ex.Message, Does.Contain("'time' is reserved"));
    }
}
