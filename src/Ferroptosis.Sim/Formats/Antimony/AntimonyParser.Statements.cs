namespace Ferroptosis.Sim.Formats.Antimony;

/// <content>Statements: dispatch on the first tokens, declarations, assignments, rules, placement in compartments, units and display names.</content>
internal sealed partial class AntimonyParser
{
    private void ParseStatement()
    {
        var t = Current;
        switch (t.Kind)
        {
            case AntimonyTokenKind.Identifier when AntimonySyntax.Rejected.TryGetValue(t.Text, out string? why):
                throw Error(t, $"{why} (at {t.Position})");
            case AntimonyTokenKind.Identifier when t.Text is "species" or "compartment" or "formula" or "var" or "const" or "substanceOnly":
                ParseDeclaration();
                return;
            case AntimonyTokenKind.Identifier when t.IsWord("unit"):
                SkipUnitStatement();
                return;
            case AntimonyTokenKind.Identifier when t.IsWord("at"):
                ParseEvent(null);
                return;
            case AntimonyTokenKind.Identifier when AntimonySyntax.IsKeyword(t.Text):
                throw Error(t, $"unexpected keyword '{t.Text}' at {t.Position} at the start of a statement");
            case AntimonyTokenKind.Identifier:
                ParseNameStatement();
                return;
            case AntimonyTokenKind.Dollar or AntimonyTokenKind.Arrow or AntimonyTokenKind.IrreversibleArrow:
                ParseReaction(null);
                return;
            case AntimonyTokenKind.Number when LooksLikeReaction():
                ParseReaction(null);
                return;
            case AntimonyTokenKind.Number or AntimonyTokenKind.Minus when Peek(1).Kind != AntimonyTokenKind.Minus:
                throw Error(t, $"statement at {t.Position} starts with a number: constraints and algebraic rules ('0 = …', '0 <= J0') are not supported");
            case AntimonyTokenKind.Minus:
                throw Error(t, $"DNA strands ('--') are not supported (at {t.Position})");
            case AntimonyTokenKind.At:
                throw Error(t, $"'@' at {t.Position} is the old event syntax; write 'at (trigger): assignments'");
            default:
                throw Unexpected(t, "at the start of a statement");
        }
    }

    /// <summary>Tells whether a reaction arrow comes before the end of the current statement.</summary>
    private bool LooksLikeReaction()
    {
        for (int i = _pos; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.Kind is AntimonyTokenKind.Arrow or AntimonyTokenKind.IrreversibleArrow)
            {
                return true;
            }

            if (t.IsStatementEnd || t.Kind is AntimonyTokenKind.Equals or AntimonyTokenKind.ColonEquals or AntimonyTokenKind.Colon)
            {
                return false;
            }

            if (IsInteraction(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether the tokens at <paramref name="i"/> form an interaction arrow '-|', '-o' or '-(' (written without spaces).</summary>
    private bool IsInteraction(int i)
    {
        if (_tokens[i].Kind != AntimonyTokenKind.Minus || i + 1 >= _tokens.Count)
        {
            return false;
        }

        var next = _tokens[i + 1];
        return next.Offset == _tokens[i].EndOffset
            && (next.Kind is AntimonyTokenKind.Pipe or AntimonyTokenKind.LeftParen || (next.Kind == AntimonyTokenKind.Identifier && next.Text.StartsWith('o')));
    }

    /// <summary>A statement that starts with a name: labelled reaction or event, assignment, rule, placement, display name or reaction.</summary>
    private void ParseNameStatement()
    {
        var name = Current;
        var next = Peek(1);
        if (next.Kind == AntimonyTokenKind.Dot && next.Offset == name.EndOffset)
        {
            throw Error(name, $"'{name.Text}.' at {name.Position} names an element of a submodel; submodels are not supported");
        }

        if (LooksLikeReaction() && next.Kind != AntimonyTokenKind.Colon && !(next.IsWord("in") && Peek(3).Kind == AntimonyTokenKind.Colon))
        {
            ParseReaction(null);
            return;
        }

        switch (next.Kind)
        {
            case AntimonyTokenKind.Colon when Peek(2).Kind == AntimonyTokenKind.Equals:
                Take();
                Take();
                Take();
                ParseRule(name, isRate: false);
                return;
            case AntimonyTokenKind.Colon:
                ParseLabelled();
                return;
            case AntimonyTokenKind.ColonEquals:
                Take();
                Take();
                ParseRule(name, isRate: false);
                return;
            case AntimonyTokenKind.Prime:
                Take();
                Take();
                Expect(AntimonyTokenKind.Equals, $"'=' after '{name.Text}'' (a rate rule is written x' = rate)");
                ParseRule(name, isRate: true);
                return;
            case AntimonyTokenKind.Equals:
                Take();
                Take();
                ParseValue(name);
                ExpectStatementEnd($"the value of '{name.Text}'");
                return;
            case AntimonyTokenKind.Identifier when next.IsWord("in"):
                ParseDeclarationItem(DraftRole.Unknown, Constness.Default, substanceOnly: false, $"'{name.Text} in …'");
                ExpectStatementEnd($"'{name.Text} in …'");
                return;
            case AntimonyTokenKind.Identifier when next.IsWord("is"):
                ParseIs();
                return;
            case AntimonyTokenKind.Identifier when next.IsWord("has"):
                SkipUnitStatement();
                return;
            case AntimonyTokenKind.LeftParen:
                throw Error(name, $"'{name.Text}(…)' at {name.Position} instantiates a submodel; submodels are not supported");
            case AntimonyTokenKind.Less or AntimonyTokenKind.LessEqual or AntimonyTokenKind.Greater or AntimonyTokenKind.GreaterEqual:
                throw Error(next, $"constraints ('{name.Text} {next.Text} …') are not supported (at {next.Position})");
            case AntimonyTokenKind.Identifier when Peek(2).Kind == AntimonyTokenKind.String:
                throw Error(next, $"annotations ('{name.Text} {next.Text} \"…\"') are not supported (at {next.Position})");
            case AntimonyTokenKind.Identifier:
                throw Error(next, $"unexpected '{AntimonyToken.Shorten(next.Text)}' at {next.Position} after '{AntimonyToken.Shorten(name.Text)}'{AntimonySyntax.KeywordHint(name.Text)}");
            case AntimonyTokenKind.Minus when Peek(2).Kind == AntimonyTokenKind.Minus:
                throw Error(next, $"DNA strands ('--') are not supported (at {next.Position})");
            case AntimonyTokenKind.Plus or AntimonyTokenKind.Number or AntimonyTokenKind.Dollar:
                throw Error(next, $"unexpected {next.Describe()} at {next.Position} after '{AntimonyToken.Shorten(name.Text)}'; a reaction needs '->' or '=>' before the end of the statement");
            default:
                if (next.IsStatementEnd)
                {
                    throw Error(name, $"'{AntimonyToken.Shorten(name.Text)}' alone at {name.Position} is not a statement; write '{AntimonyToken.Shorten(name.Text)} = value', or declare it, e.g. 'species {AntimonyToken.Shorten(name.Text)}'{AntimonySyntax.KeywordHint(name.Text)}");
                }

                throw Unexpected(next, $"after '{AntimonyToken.Shorten(name.Text)}'");
        }
    }

    /// <summary><c>name: …</c> — a named reaction or event (or something unsupported).</summary>
    private void ParseLabelled()
    {
        var label = ExpectName("a name");
        Take();
        var t = Current;
        if (t.IsWord("at"))
        {
            ParseEvent(label);
        }
        else if (t.Kind == AntimonyTokenKind.Identifier && Peek(1).Kind == AntimonyTokenKind.LeftParen && !LooksLikeReaction())
        {
            throw Error(t, $"'{label.Text}: {t.Text}(…)' at {t.Position} instantiates a submodel; submodels are not supported");
        }
        else if (t.IsWord("maximize") || t.IsWord("minimize"))
        {
            throw Error(t, $"flux-balance objectives ('{t.Text}') are not supported (at {t.Position})");
        }
        else if (LooksLikeReaction())
        {
            ParseReaction(label);
        }
        else if (t.Kind == AntimonyTokenKind.Number)
        {
            throw Error(t, $"algebraic rules ('{label.Text}: 0 = …') are not supported (at {t.Position})");
        }
        else
        {
            throw Error(t, $"expected a reaction ('{label.Text}: A -> B; rate') or an event ('{label.Text}: at trigger: x = value') at {t.Position} but found {t.Describe()}");
        }
    }

    /// <summary>Reads the formula after <c>name =</c>: an initial value (a number) or an initial assignment (any other formula).</summary>
    private void ParseValue(AntimonyToken name, Stops stops = Stops.None)
    {
        var formula = ReadFormula(stops);
        if (formula.IsEmpty)
        {
            throw Error(formula.Terminator, $"expected a value for '{name.Text}' at {formula.Terminator.Position} but found {formula.Terminator.Describe()} (clearing a definition with 'x = ;' is not supported)");
        }

        var symbol = _draft.Define(name);
        if (symbol.Role == DraftRole.Event)
        {
            throw Error(name, $"'{name.Text}' at {name.Position} is an event and cannot be given a value");
        }

        int sequence = symbol.Value?.Sequence ?? _draft.NextSequence();
        symbol.Value = new DraftValue(formula, sequence, name);
    }

    private void ParseRule(AntimonyToken name, bool isRate, Stops stops = Stops.None)
    {
        var formula = ReadFormula(stops);
        string kind = isRate ? "rate rule" : "assignment rule";
        if (formula.IsEmpty)
        {
            throw Error(formula.Terminator, $"expected the {kind} formula of '{name.Text}' at {formula.Terminator.Position} but found {formula.Terminator.Describe()}");
        }

        var symbol = _draft.Define(name);
        if (symbol.Role is DraftRole.Reaction or DraftRole.Event)
        {
            throw Error(name, $"'{name.Text}' at {name.Position} is {ModelDraft.Describe(symbol.Role)} and cannot have an {kind}");
        }

        // As in libAntimony, a symbol has at most one rule: a later rule of either kind replaces an earlier one.
        var previous = isRate ? symbol.RateRule : symbol.AssignmentRule;
        var value = new DraftValue(formula, previous?.Sequence ?? _draft.NextSequence(), name);
        if (isRate)
        {
            symbol.RateRule = value;
            symbol.AssignmentRule = null;
        }
        else
        {
            symbol.AssignmentRule = value;
            symbol.RateRule = null;
        }

        if (stops == Stops.None)
        {
            ExpectStatementEnd($"the {kind} of '{name.Text}'");
        }
    }

    /// <summary><c>[var|const] [substanceOnly] [species|compartment|formula] item, item, …</c>.</summary>
    private void ParseDeclaration()
    {
        var constness = Constness.Default;
        bool substanceOnly = false;
        var role = DraftRole.Unknown;
        var start = Current;
        if (Current.IsWord("var") || Current.IsWord("const"))
        {
            constness = Take().Text == "var" ? Constness.Var : Constness.Const;
        }

        if (Current.IsWord("substanceOnly"))
        {
            Take();
            substanceOnly = true;
            role = DraftRole.Species;
        }

        if (Current.IsWord("species") || Current.IsWord("compartment") || Current.IsWord("formula"))
        {
            var type = Take();
            role = type.Text switch
            {
                "species" => DraftRole.Species,
                "compartment" => DraftRole.Compartment,
                _ => DraftRole.Parameter,
            };
            if (substanceOnly && role != DraftRole.Species)
            {
                throw Error(type, $"'substanceOnly' applies to species, not to a {type.Text} (at {type.Position})");
            }
        }

        string what = $"the declaration at {start.Position}";
        ParseDeclarationItem(role, constness, substanceOnly, what);
        while (Current.Kind == AntimonyTokenKind.Comma)
        {
            Take();
            SkipLineBreaks();
            ParseDeclarationItem(role, constness, substanceOnly, what);
        }

        ExpectStatementEnd(what);
    }

    /// <summary><c>[$]name [in compartment] [= value | := rule | ' = rate | has unit]</c>.</summary>
    private void ParseDeclarationItem(DraftRole role, Constness constness, bool substanceOnly, string what)
    {
        bool boundary = false;
        if (Current.Kind == AntimonyTokenKind.Dollar)
        {
            var dollar = Take();
            if (role is DraftRole.Compartment or DraftRole.Parameter)
            {
                throw Error(dollar, $"'$' marks boundary species; it cannot mark a {(role == DraftRole.Compartment ? "compartment" : "formula")} (at {dollar.Position})");
            }

            boundary = true;
        }

        var name = ExpectName("a name");
        var symbol = _draft.Define(name);
        if (role != DraftRole.Unknown || boundary)
        {
            ModelDraft.SetRole(symbol, boundary && role == DraftRole.Unknown ? DraftRole.Species : role, name);
        }

        if (constness != Constness.Default || boundary || role != DraftRole.Unknown)
        {
            symbol.IsDeclared = true;
        }

        if (boundary || constness != Constness.Default)
        {
            symbol.Constness = boundary ? Constness.Const : constness;
        }

        symbol.SubstanceOnly |= substanceOnly;
        if (Current.IsWord("in"))
        {
            Take();
            PlaceInCompartment(symbol, name);
        }

        var t = Current;
        switch (t.Kind)
        {
            case AntimonyTokenKind.Equals:
                Take();
                ParseValue(name, Stops.Comma);
                break;
            case AntimonyTokenKind.ColonEquals:
                Take();
                ParseRule(name, isRate: false, Stops.Comma);
                break;
            case AntimonyTokenKind.Colon when Peek(1).Kind == AntimonyTokenKind.Equals:
                Take();
                Take();
                ParseRule(name, isRate: false, Stops.Comma);
                break;
            case AntimonyTokenKind.Colon:
                throw Error(t, $"'{name.Text} in …:' at {t.Position} puts a reaction or event in a compartment; this is not supported");
            case AntimonyTokenKind.Prime:
                Take();
                Expect(AntimonyTokenKind.Equals, $"'=' after '{name.Text}''");
                ParseRule(name, isRate: true, Stops.Comma);
                break;
            case AntimonyTokenKind.Identifier when t.IsWord("has"):
                SkipUnitFormula();
                break;
            default:
                if (!t.IsStatementEnd && t.Kind != AntimonyTokenKind.Comma)
                {
                    throw Unexpected(t, $"in {what}");
                }

                break;
        }
    }

    /// <summary><c>x in c</c>: c becomes a compartment and x a species in it (only species can be placed).</summary>
    private void PlaceInCompartment(DraftSymbol symbol, AntimonyToken name)
    {
        var compartmentName = ExpectName("a compartment name after 'in'");
        if (symbol.Role == DraftRole.Compartment)
        {
            throw Error(name, $"compartment '{name.Text}' at {name.Position} is placed in '{compartmentName.Text}'; compartments inside compartments are not supported");
        }

        ModelDraft.SetRole(symbol, DraftRole.Species, name);
        var compartment = _draft.Define(compartmentName);
        ModelDraft.SetRole(compartment, DraftRole.Compartment, compartmentName);
        symbol.Compartment = compartmentName.Text;
    }

    /// <summary><c>x is "display name"</c> (ignored, but x must exist); <c>x is y</c> (synchronisation) is rejected.</summary>
    private void ParseIs()
    {
        var name = Take();
        var keyword = Take();
        var t = Current;
        if (t.Kind == AntimonyTokenKind.String)
        {
            Take();
            _draft.DisplayNames.Add(name);
            ExpectStatementEnd($"the display name of '{name.Text}'");
            return;
        }

        if (t.Kind == AntimonyTokenKind.Identifier)
        {
            throw Error(keyword, $"'{name.Text} is {t.Text}' at {keyword.Position} merges two elements (synchronisation); this is not supported. 'is' followed by a quoted string sets a display name");
        }

        throw Error(t, $"expected a quoted display name at {t.Position} after '{name.Text} is' but found {t.Describe()}");
    }

    /// <summary>Skips <c>unit name [= formula]</c> or <c>name has formula</c>: units are read and ignored.</summary>
    private void SkipUnitStatement()
    {
        var first = Take();
        if (first.IsWord("unit"))
        {
            ExpectName("a unit name");
            if (Current.Kind == AntimonyTokenKind.Equals)
            {
                Take();
                ReadFormula(Stops.None);
            }

            ExpectStatementEnd("the unit definition");
            return;
        }

        SkipUnitFormula();
        ExpectStatementEnd($"'{first.Text} has …'");
    }

    private void SkipUnitFormula()
    {
        var has = Take();
        if (ReadFormula(Stops.Comma).IsEmpty)
        {
            throw Error(Current, $"expected a unit after 'has' (at {has.Position}) at {Current.Position} but found {Current.Describe()}");
        }
    }
}
