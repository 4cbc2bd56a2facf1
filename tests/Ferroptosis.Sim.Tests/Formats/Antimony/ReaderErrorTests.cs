using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>One case per error message of the reader: exact text, line, column and offending token.</summary>
public sealed class ReaderErrorTests
{
    private static readonly TestCaseData[] Cases =
    [
        Case("lex-comment", "k = 1 /* open", "unterminated comment '/*' at 1:7; close it with '*/'", 1, 7, "/*"),
        Case("lex-malformed", "k = 1e+", "malformed number '1e+' at 1:5; an exponent needs digits, as in 1e-3", 1, 5, "1e+"),
        Case("lex-toolarge", "k = 1e999", "number '1e999' at 1:5 is too large for a double; write inf for infinity", 1, 5, "1e999"),
        Case("lex-string", "A is \"open", "unterminated string at 1:6; close it with '\"' on the same line", 1, 6, "\""),
        Case("lex-char", "k = 1 ? 2", "unexpected character '?' at 1:7", 1, 7, "?"),
        Case("expect-paren", "function f x) x end", "expected '(' after 'function f' at 1:12 but found 'x'", 1, 12, "x"),
        Case("expectname-keyword", "species in", "expected a name at 1:9 but found the keyword 'in'", 1, 9, "in"),
        Case("submodel-dot-decl", "species A.x", "'A.' at 1:9 names an element of a submodel; submodels are not supported", 1, 9, "A"),
        Case("statement-end", "k = 1 2", "expected an operator or end of text at 1:7 but found '2'", 1, 7, "2"),
        Case("statement-end2", "species S T", "unexpected 'T' at 1:11 in the declaration at 1:1", 1, 11, "T"),
        Case("end-nothing", "k = 1\nend", "'end' at 2:1 closes nothing; 'end' closes a 'model' or a 'function'", 2, 1, "end"),
        Case("model-noend", "model m\n  k = 1", "model 'm' (at 1:1) has no 'end' at 2:8; add 'end' after its last statement", 2, 8, null),
        Case("bare-outside", "k = 1\nmodel m\n  j = 2\nend", "statement at 1:1 is outside 'model m' (at 2:1); a file holds one model, or only bare statements, so move it inside the model", 1, 1, "k"),
        Case("nested", "model m\n model n\nend", "'model' at 2:2 inside model 'm'; models cannot be nested (submodels are not supported)", 2, 2, "model"),
        Case("second", "model m\nend\nmodel n\nend", "second model at 3:1; a file holds one model (the first is at 1:1)", 3, 1, "model"),
        Case("interface", "model m(S, k)\nend", "model interfaces ('model m(…)' with exported symbols) are not supported at 1:9; write 'model m()' or 'model m'", 1, 9, "S"),
        Case("fn-nobody", "function f(x)\nend", "function 'f' (at 1:1) has no body at 2:1; write one expression before 'end'", 2, 1, "end"),
        Case("fn-noend", "function f(x)\n x + 1\n y\nend", "expected an operator or end of text at 3:2 but found 'y'", 3, 2, "y"),
        Case("fn-noend2", "function f(x) x", "expected 'end' at 1:16 to close function 'f' (at 1:1) but found end of text; a function body is one expression", 1, 16, null),
        Case("import", "import \"a.txt\"", "'import' is not supported: a model file must be self-contained (at 1:1)", 1, 1, "import"),
        Case("delete", "delete A.x", "deletions ('delete') are not supported: they act on submodels, which are not supported (at 1:1)", 1, 1, "delete"),
        Case("DNA", "DNA d", "DNA strands ('DNA') are not supported (at 1:1)", 1, 1, "DNA"),
        Case("gene", "gene g", "DNA strands ('gene') are not supported (at 1:1)", 1, 1, "gene"),
        Case("operator", "operator o", "DNA strands ('operator') are not supported (at 1:1)", 1, 1, "operator"),
        Case("reaction", "reaction J0", "'reaction' declarations are not supported; define a reaction by its equation, e.g. 'J1: A -> B; k*A' (at 1:1)", 1, 1, "reaction"),
        Case("event", "event E", "'event' declarations are not supported; define an event with 'at', e.g. 'E1: at time > 10: k = 2' (at 1:1)", 1, 1, "event"),
        Case("ext", "ext k", "'ext' is not supported; declare constant symbols with 'const' (at 1:1)", 1, 1, "ext"),
        Case("constraint", "constraint c: k < 1", "flux-balance constraints ('constraint') are not supported (at 1:1)", 1, 1, "constraint"),
        Case("maximize", "maximize J0", "flux-balance objectives ('maximize') are not supported (at 1:1)", 1, 1, "maximize"),
        Case("minimize", "minimize J0", "flux-balance objectives ('minimize') are not supported (at 1:1)", 1, 1, "minimize"),
        Case("kw-start", "in cell", "unexpected keyword 'in' at 1:1 at the start of a statement", 1, 1, "in"),
        Case("number-start", "0 = k - 1", "statement at 1:1 starts with a number: constraints and algebraic rules ('0 = …', '0 <= J0') are not supported", 1, 1, "0"),
        Case("number-start2", "-1 < J0", "statement at 1:1 starts with a number: constraints and algebraic rules ('0 = …', '0 <= J0') are not supported", 1, 1, "-"),
        Case("dna-start", "--P1--G1--", "DNA strands ('--') are not supported (at 1:1)", 1, 1, "-"),
        Case("at-old", "@(x > 1): k = 2", "'@' at 1:1 is the old event syntax; write 'at (trigger): assignments'", 1, 1, "@"),
        Case("unexpected-start", ") k = 1", "unexpected ')' at 1:1 at the start of a statement", 1, 1, ")"),
        Case("name-dot", "A.x = 3", "'A.' at 1:1 names an element of a submodel; submodels are not supported", 1, 1, "A"),
        Case("rate-rule-eq", "x' 3", "expected '=' after 'x'' (a rate rule is written x' = rate) at 1:4 but found '3'", 1, 4, "3"),
        Case("submodel-call", "mod1()", "'mod1(…)' at 1:1 instantiates a submodel; submodels are not supported", 1, 1, "mod1"),
        Case("constraint-name", "J0 < 10", "constraints ('J0 < …') are not supported (at 1:4)", 1, 4, "<"),
        Case("annotation", "A identity \"http://x\"", "annotations ('A identity \"…\"') are not supported (at 1:3)", 1, 3, "identity"),
        Case("typo-keyword", "Species S", "unexpected 'S' at 1:9 after 'Species'; did you mean 'species'?", 1, 9, "S"),
        Case("typo-keyword2", "compartmnet c", "unexpected 'c' at 1:13 after 'compartmnet'; did you mean 'compartment'?", 1, 13, "c"),
        Case("dna-name", "P1--G1", "DNA strands ('--') are not supported (at 1:3)", 1, 3, "-"),
        Case("alone", "k", "'k' alone at 1:1 is not a statement; write 'k = value', or declare it, e.g. 'species k'", 1, 1, "k"),
        Case("alone-typo", "specie", "'specie' alone at 1:1 is not a statement; write 'specie = value', or declare it, e.g. 'species specie'; did you mean 'species'?", 1, 1, "specie"),
        Case("unexpected-after", "k + 1", "unexpected '+' at 1:3 after 'k'; a reaction needs '->' or '=>' before the end of the statement", 1, 3, "+"),
        Case("labelled-submodel", "A: mod1()", "'A: mod1(…)' at 1:4 instantiates a submodel; submodels are not supported", 1, 4, "mod1"),
        Case("objective", "obj: maximize J0", "flux-balance objectives ('maximize') are not supported (at 1:6)", 1, 6, "maximize"),
        Case("algebraic", "alg: 0 = x - 1", "algebraic rules ('alg: 0 = …') are not supported (at 1:6)", 1, 6, "0"),
        Case("labelled-junk", "A: = 3 4", "expected an operator or end of text at 1:8 but found '4'", 1, 8, "4"),
        Case("labelled-junk2", "A: k", "expected a reaction ('A: A -> B; rate') or an event ('A: at trigger: x = value') at 1:4 but found 'k'", 1, 4, "k"),
        Case("value-empty", "x = ;", "expected a value for 'x' at 1:5 but found ';' (clearing a definition with 'x = ;' is not supported)", 1, 5, ";"),
        Case("value-event", "E1: at time > 1: k = 1\nE1 = 3\nk = 0", "'E1' at 2:1 is an event and cannot be given a value", 2, 1, "E1"),
        Case("rule-empty", "x := ;", "expected the assignment rule formula of 'x' at 1:6 but found ';'", 1, 6, ";"),
        Case("rule-reaction", "J1: A -> B; 1\nJ1 := 2", "'J1' at 2:1 is a reaction and cannot have an assignment rule", 2, 1, "J1"),
        Case("substonly-comp", "substanceOnly compartment c", "'substanceOnly' applies to species, not to a compartment (at 1:15)", 1, 15, "compartment"),
        Case("dollar-comp", "compartment $c", "'$' marks boundary species; it cannot mark a compartment (at 1:13)", 1, 13, "$"),
        Case("in-colon", "J0 in c: A -> B; 1", "'J0 in …:' at 1:8 puts a reaction or event in a compartment; this is not supported", 1, 8, ":"),
        Case("decl-unexpected", "species S 3", "unexpected '3' at 1:11 in the declaration at 1:1", 1, 11, "3"),
        Case("compartment-in", "compartment c1 in c2", "compartment 'c1' at 1:13 is placed in 'c2'; compartments inside compartments are not supported", 1, 13, "c1"),
        Case("sync", "A is B", "'A is B' at 1:3 merges two elements (synchronisation); this is not supported. 'is' followed by a quoted string sets a display name", 1, 3, "is"),
        Case("is-junk", "A is 3", "expected a quoted display name at 1:6 after 'A is' but found '3'", 1, 6, "3"),
        Case("has-empty", "x has", "expected a unit after 'has' (at 1:3) at 1:6 but found end of text", 1, 6, null),
        Case("reserved-pi", "pi = 3", "'pi' is a constant and cannot name a model element (at 1:1)", 1, 1, "pi"),
        Case("reserved-time", "time = 3", "'time' is the simulation time and cannot name a model element (at 1:1)", 1, 1, "time"),
        Case("role-conflict", "species A\ncompartment A", "'A' at 2:13 is used as a compartment, but it is a species (since 1:9)", 2, 13, "A"),
        Case("interaction", "i1: S2 -| J0", "interactions ('-|', '-o', '-(') are not supported (at 1:8); a rate law already says how species act on a reaction", 1, 8, "-"),
        Case("interaction2", "S -o J0", "interactions ('-|', '-o', '-(') are not supported (at 1:3); a rate law already says how species act on a reaction", 1, 3, "-"),
        Case("arrow-missing", "A + B C; 1", "unexpected '+' at 1:3 after 'A'; a reaction needs '->' or '=>' before the end of the statement", 1, 3, "+"),
        Case("reaction-in", "A -> B in c; 1", "putting a reaction in a compartment ('… in c') is not supported (at 1:8)", 1, 8, "in"),
        Case("reaction-in2", "A -> B; k in c", "the keyword 'in' at 1:11 cannot appear in an expression (reactions and events cannot be placed in compartments)", 1, 11, "in"),
        Case("semicolon-missing", "A -> B", "expected ';' and a rate law at 1:7 after the products of the reaction but found end of text; write e.g. 'A -> B; k*A' (';' alone leaves the rate at 0)", 1, 7, null),
        Case("reaction-twice", "J1: A -> B; 1\nJ1: B -> A; 1", "reaction 'J1' at 2:1 is defined twice (first at 1:1)", 2, 1, "J1"),
        Case("stoich-zero", "0 A -> B; 1", "stoichiometry 0 at 1:1 must be positive", 1, 1, "0"),
        Case("reaction-self", "J1: J1 -> B; 1", "reaction 'J1' at 1:5 names itself as a species", 1, 5, "J1"),
        Case("trigger-empty", "at : k = 1", "expected a trigger after 'at' (1:1) at 1:4 but found ':'", 1, 4, ":"),
        Case("delay", "at 2 after (x > 5): k = 1", "event delays ('at … after …') are not supported (at 1:6); events execute when their trigger becomes true", 1, 6, "after"),
        Case("setting-unknown", "at x > 1, priorty = 2: k = 1", "expected an event setting (priority, t0, persistent or fromTrigger) at 1:11 but found 'priorty'; did you mean 'priority'?", 1, 11, "priorty"),
        Case("setting-junk", "at x > 1, 3: k = 1", "expected an event setting (priority, t0, persistent or fromTrigger) at 1:11 but found '3'", 1, 11, "3"),
        Case("setting-twice", "at x > 1, t0 = false, t0 = true: k = 1", "event setting 't0' is given twice (at 1:23)", 1, 23, "t0"),
        Case("setting-empty", "at x > 1, priority = : k = 1", "expected a value for 'priority' at 1:22 but found ':'", 1, 22, ":"),
        Case("event-colon", "at x > 1 k = 1", "expected ':' before the event assignments at 1:15 but found end of text", 1, 15, null),
        Case("event-value-empty", "at x > 1: k =", "expected the new value of 'k' at 1:14 but found end of text", 1, 14, null),
        Case("event-target-reaction", "J1: A -> B; 1\nat time > 1: J1 = 2", "'J1' at 2:14 is a reaction and cannot be assigned by an event", 2, 14, "J1"),
        Case("event-twice-assign", "at time > 1: k = 1, k = 2", "the event assigns 'k' twice (at 1:21)", 1, 21, "k"),
        Case("event-twice", "E1: at time > 1: k = 1\nE1: at time > 2: k = 2", "event 'E1' at 2:1 is defined twice", 2, 1, "E1"),
        Case("setting-bool", "at x > 1, t0 = maybe: k = 1", "'t0' must be true or false, at 1:16 (found 'maybe')", 1, 16, "maybe"),
        Case("expr-keyword", "k = 2 * in", "the keyword 'in' at 1:9 cannot appear in an expression (reactions and events cannot be placed in compartments)", 1, 9, "in"),
        Case("expr-keyword-fn", "function f(x)\n x\n species S\nend", "the keyword 'species' at 3:2 cannot appear in an expression; is 'end' missing after the body of function 'f'?", 3, 2, "species"),
        Case("expr-dot", "k = a.b", "'.' at 1:6: names of submodel elements (a.b) are not supported", 1, 6, "."),
        Case("expr-dollar", "k = 2*$X", "'$' at 1:7 marks boundary species in declarations and reactions, not in expressions", 1, 7, "$"),
        Case("expr-equals", "k = a = b", "unexpected '=' at 1:7 in an expression; '==' compares two values", 1, 7, "="),
        Case("expr-amp", "k = a & b", "unexpected '&' at 1:7; did you mean '&&'?", 1, 7, "&"),
        Case("expr-pipe", "k = a | b", "unexpected '|' at 1:7; did you mean '||'?", 1, 7, "|"),
        Case("expr-arrow", "k = a -> b", "unexpected '->' at 1:7 in an expression", 1, 7, "->"),
        Case("expr-unit-symbol", "k1 = 1\nk = 2 k1", "'k1' at 2:7 follows the number 2; write '2*k1' for a product (a name right after a number is read as its unit)", 2, 7, "k1"),
        Case("expr-unit-call", "k = 2 exp(1)", "'exp' at 1:7 follows the number 2; write '2*exp' for a product (a name right after a number is read as its unit)", 1, 7, "exp"),
        Case("expr-unit-const", "k = 2 pi", "'pi' at 1:7 follows the number 2; write '2*pi' for a product (a name right after a number is read as its unit)", 1, 7, "pi"),
        Case("expr-eol", "k = (1 + 2\nj = 1", "expected ')' at 1:11 but found end of line", 1, 11, "\n"),
        Case("expr-bad", "k = 1 + * 2", "expected an expression at 1:9 but found '*'", 1, 9, "*"),
        Case("expr-unknownfn", "k = hil(1)", "unknown function 'hil' at 1:5", 1, 5, "hil"),
        Case("novalue", "var k\nJ1: A -> B; k*A", "parameter 'k' (at 1:5) has no value; give it one, e.g. 'k = 0'", 1, 5, "k"),
        Case("novalue2", "k' = 1", "parameter 'k' (at 1:1) has no value; give it one, e.g. 'k = 0'", 1, 1, "k"),
        Case("defcomp", "default_compartment = 2\nspecies S", "'default_compartment' (at 1:1) must be a compartment: it holds the species declared without one", 1, 1, "default_compartment"),
        Case("display-undefined", "X is \"name\"", "display name for 'X' at 1:1, which is not defined", 1, 1, "X"),
        Case("fn-symbol-clash", "function f(x) x end\nf = 2", "'f' at 2:1 is also the name of the function defined at 1:10", 2, 1, "f"),
        Case("event-declared", "var E1\nE1: at time > 1: k = 1\nk = 0", "'E1' (at 1:5) names an event and cannot also have a value, rule or declaration", 1, 5, "E1"),
        Case("reaction-declared", "var J1\nJ1: A -> B; 1", "'J1' (at 1:5) names a reaction; only its rate can be set ('J1 = rate')", 1, 5, "J1"),
        Case("fn-reserved", "function pi(x) x end", "'pi' is a constant and cannot name a model element (function at 1:10)", 1, 10, "pi"),
        Case("fn-builtin", "function exp(x) x end", "'exp' at 1:10 is a built-in function; give the user function another name", 1, 10, "exp"),
        Case("fn-twice", "function f(x) x end\nfunction f(y) y end", "function 'f' at 2:10 is defined twice (first at 1:10)", 2, 10, "f"),
        Case("fn-const-param", "function f(pi) 1 end", "'pi' at 1:12 is a constant and cannot name a parameter of function 'f'", 1, 12, "pi"),
        Case("fn-dup-param", "function f(x, x) x end", "parameter 'x' of function 'f' appears twice (at 1:15)", 1, 15, "x"),
        Case("fn-nonparam", "function f(x) x*k end", "function 'f' uses 'k' at 1:17, which is not one of its parameters (x); pass it as an argument", 1, 17, "k"),
        Case("fn-recursive", "function f(x) g(x) end\nfunction g(x) f(x) end", "The function 'f' is recursive (f → g → f); function definitions must not call themselves, directly or indirectly (function at 1:10)", 1, 10, "f"),
        Case("fn-arity", "function f(x) x end\nk = f(1, 2)", "function 'f' takes 1 argument but was given 2 at 2:5", 2, 5, "f"),
        Case("undefined", "J1: A -> B; kk*A\nk1 = 1", "Undefined symbol 'kk' in the rate law of reaction 'J1'; did you mean 'k1'? (at 1:13)", 1, 13, "kk"),
        Case("const-rule", "const k = 1\nk := 2", "Parameter 'k' is constant but is the target of an assignment rule; declare it variable (at 1:7)", 1, 7, "k"),
        Case("const-event", "const k = 1\nat time > 1: k = 2", "'k' is constant but event '_E0' assigns it; declare it variable (at 1:7)", 1, 7, "k"),
        Case("species-rule-reaction", "species S = 1\nS := 2\nJ1: S -> B; 1", "Species 'S' is both set by an assignment rule and changed by a reaction; make it a boundary species ($) or remove one of the two (at 1:9)", 1, 9, "S"),
        Case("ia-cycle", "a = b + 1\nb = a + 1", "Initial assignments form a cycle: a -> b -> a; no order of evaluation exists (at 1:1)", 1, 1, "a"),        Case("statement-end-after-header", "model m junk\nend", "expected ';' or a line break at 1:9 after 'model m' but found 'junk'", 1, 9, "junk"),
        Case("unexpected-after-name", "k )", "unexpected ')' at 1:3 after 'k'", 1, 3, ")"),
        Case("reaction-arrow-expected", "A in c -> B; 1", "expected '+', '->' or '=>' at 1:3 in the reaction but found 'in'", 1, 3, "in"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Error_message(string text, string message, int line, int column, string? token)
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.Read(text))!;
        Assert.That(ex.Message, Is.EqualTo(message));
        Assert.That((ex.Line, ex.Column), Is.EqualTo((line, column)));
        Assert.That(ex.Token, Is.EqualTo(token));
    }

    [Test]
    public void Validation_problems_are_all_listed_with_positions_and_kept_as_the_inner_exception()
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.Read("J1: A -> B; kk*A\nJ2: B -> A; q*B"))!;
        Assert.That(ex.Message, Is.EqualTo(string.Join(
            Environment.NewLine,
            "the model has 2 problems:",
            "  - Undefined symbol 'kk' in the rate law of reaction 'J1' (at 1:13)",
            "  - Undefined symbol 'q' in the rate law of reaction 'J2'; did you mean 'A' or 'B'? (at 2:13)")));
        Assert.That((ex.Line, ex.Column, ex.Token), Is.EqualTo((1, 13, "kk")));
        Assert.That(ex.InnerException, Is.InstanceOf<ModelValidationException>());
        Assert.That(((ModelValidationException)ex.InnerException!).Problems, Has.Count.EqualTo(2));
    }

    [Test]
    public void Source_name_prefixes_the_message_and_the_position_is_kept()
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.Read("k = 1\nj = (k", "cell.ant"))!;
        Assert.That(ex.Message, Is.EqualTo("cell.ant: expected ')' at 2:7 but found end of text"));
        Assert.That((ex.Line, ex.Column, ex.Token), Is.EqualTo((2, 7, (string?)null)));
    }

    [Test]
    public void Errors_are_format_exceptions() =>
        Assert.Throws(Is.InstanceOf<FormatException>(), () => AntimonyReader.Read("k = "));

    [TestCase("species S", "a parameter set may only contain assignments 'name = value;', but found the keyword 'species' at 1:1", 1, 1, "species")]
    [TestCase("k := 2", "expected '=' after 'k' at 1:3 but found ':='; a parameter set may only contain assignments 'name = value;'", 1, 3, ":=")]
    [TestCase("J1: A -> B; 1", "expected '=' after 'J1' at 1:3 but found ':'; a parameter set may only contain assignments 'name = value;'", 1, 3, ":")]
    [TestCase("(k) = 2", "a parameter set may only contain assignments 'name = value;', but found '(' at 1:1", 1, 1, "(")]
    [TestCase("k = 2\nx = 2*k", "the value of 'x' at 2:5 is a formula ('2 * k'); a parameter set may only assign numbers", 2, 5, "2")]
    [TestCase("k = ;", "expected a value for 'k' at 1:5 but found ';'", 1, 5, ";")]
    [TestCase("pi = 3", "'pi' is a constant and cannot name a model element (at 1:1)", 1, 1, "pi")]
    [TestCase("k = 1 2", "expected an operator or end of text at 1:7 but found '2'", 1, 7, "2")]
    public void Parameter_set_error_message(string text, string message, int line, int column, string? token)
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.ReadParameterSet(text))!;
        Assert.That(ex.Message, Is.EqualTo(message));
        Assert.That((ex.Line, ex.Column, ex.Token), Is.EqualTo((line, column, token)));
    }

    [TestCase("k_1 = 3", "'k_1' at 1:1 is not defined in model 'm'; a parameter set can only change parameters, compartment sizes and species initial values; did you mean 'k1'?", 1, 1)]
    [TestCase("\n  J1 = 3", "'J1' at 2:3 is a reaction of model 'm'; a parameter set can only change parameters, compartment sizes and species initial values", 2, 3)]
    [TestCase("k1 = 2 k1", "'k1' at 1:8 follows the number 2; write '2*k1' for a product (a name right after a number is read as its unit)", 1, 8)]
    public void Applying_a_parameter_set_checks_every_name_against_the_model(string text, string message, int line, int column)
    {
        var network = AntimonyReader.Read("model m\n  J1: A -> B; k1*A\n  k1 = 1\nend");
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.ApplyParameterSet(network, text, "set.ant"))!;
        Assert.That(ex.Message, Is.EqualTo("set.ant: " + message));
        Assert.That((ex.Line, ex.Column), Is.EqualTo((line, column)));
    }

    [Test]
    public void Misspelt_event_target_gets_a_suggestion()
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.Read("k1 = 1\nat time > 1: kl = 2"))!;
        Assert.That(ex.Message, Is.EqualTo("parameter 'kl' (at 2:14) has no value; give it one, e.g. 'kl = 0'; did you mean 'k1'?"));
    }

    [Test]
    public void Misspelt_end_gets_a_suggestion()
    {
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.Read("model m\n  k = 1\nedn\n"))!;
        Assert.That(ex.Message, Is.EqualTo("'edn' alone at 3:1 is not a statement; write 'edn = value', or declare it, e.g. 'species edn'; did you mean 'end'?"));
    }

    [Test]
    public void A_parameter_set_that_makes_the_model_invalid_points_at_the_assignment()
    {
        var network = AntimonyReader.Read("compartment cell = 1\nspecies S in cell = 1");
        var ex = Assert.Throws<ModelParseException>(() => AntimonyReader.ApplyParameterSet(network, "S = 2\ncell = -1"))!;
        Assert.That(ex.Message, Is.EqualTo("Compartment 'cell' has size -1; a size must not be negative (set at 2:1)"));
        Assert.That((ex.Line, ex.Column, ex.Token), Is.EqualTo((2, 1, "cell")));
        Assert.That(ex.InnerException, Is.InstanceOf<ModelValidationException>());
    }

    private static TestCaseData Case(string name, string text, string message, int line, int column, string? token) =>
        new TestCaseData(text, message, line, column, token).SetArgDisplayNames(name);
}
