namespace Ferroptosis.Sim.Formats.Antimony;

/// <content>Reactions (<c>[name:] A + 2 B -> C; rate</c>) and events (<c>[name:] at trigger[, setting = value…]: x = value, …</c>).</content>
internal sealed partial class AntimonyParser
{
    private void ParseReaction(AntimonyToken? label)
    {
        var start = Current;
        var reactants = ParseSide(label, isProducts: false);
        var arrow = Current;
        if (IsInteraction(_pos))
        {
            throw Error(arrow, $"interactions ('-|', '-o', '-(') are not supported (at {arrow.Position}); a rate law already says how species act on a reaction");
        }

        if (arrow.Kind is not (AntimonyTokenKind.Arrow or AntimonyTokenKind.IrreversibleArrow))
        {
            throw Error(arrow, $"expected '+', '->' or '=>' at {arrow.Position} in the reaction but found {arrow.Describe()}");
        }

        Take();
        var products = ParseSide(label, isProducts: true);
        var t = Current;
        if (t.IsWord("in"))
        {
            throw Error(t, $"putting a reaction in a compartment ('… in {Peek(1).Text}') is not supported (at {t.Position})");
        }

        if (t.Kind != AntimonyTokenKind.Semicolon)
        {
            throw Error(t, $"expected ';' and a rate law at {t.Position} after the products of the reaction but found {t.Describe()}; write e.g. 'A -> B; k*A' (';' alone leaves the rate at 0)");
        }

        Take();
        var rate = ReadFormula(Stops.None);
        string id;
        if (label is { } named)
        {
            var symbol = _draft.Define(named);
            ModelDraft.SetRole(symbol, DraftRole.Reaction, named);
            if (_draft.Reactions.Any(r => r.Id == named.Text))
            {
                throw Error(named, $"reaction '{named.Text}' at {named.Position} is defined twice (first at {symbol.RoleAt.Position})");
            }

            id = named.Text;
        }
        else
        {
            id = _draft.NextReactionId();
        }

        _draft.Reactions.Add(new DraftReaction(id, label ?? start, reactants, products, arrow.Kind == AntimonyTokenKind.Arrow, rate.IsEmpty ? null : rate, _draft.NextSequence()));
        ExpectStatementEnd("the rate law");
    }

    /// <summary>Reads <c>[n] [$]species + …</c> up to the arrow (reactants) or ';' (products); either side may be empty.</summary>
    private List<DraftParticipant> ParseSide(AntimonyToken? label, bool isProducts)
    {
        var side = new List<DraftParticipant>();
        string which = isProducts ? "products" : "reactants";
        bool IsEnd(AntimonyToken t) => isProducts
            ? t.IsStatementEnd || t.IsWord("in")
            : t.Kind is AntimonyTokenKind.Arrow or AntimonyTokenKind.IrreversibleArrow || IsInteraction(_pos);
        if (IsEnd(Current))
        {
            return side;
        }

        while (true)
        {
            double stoichiometry = 1;
            var t = Current;
            if (t.Kind == AntimonyTokenKind.Number)
            {
                Take();
                if (!(t.Value > 0))
                {
                    throw Error(t, $"stoichiometry {t.Text} at {t.Position} must be positive");
                }

                stoichiometry = t.Value;
            }

            bool boundary = false;
            if (Current.Kind == AntimonyTokenKind.Dollar)
            {
                Take();
                boundary = true;
            }

            var name = ExpectName($"a species name among the {which}");
            var symbol = _draft.Define(name);
            if (label is { } l && l.Text == name.Text)
            {
                throw Error(name, $"reaction '{l.Text}' at {name.Position} names itself as a species");
            }

            ModelDraft.SetRole(symbol, DraftRole.Species, name);
            if (boundary)
            {
                symbol.Constness = Constness.Const;
            }

            side.Add(new DraftParticipant(name.Text, stoichiometry, name));
            if (Current.Kind != AntimonyTokenKind.Plus)
            {
                return side;
            }

            Take();
        }
    }

    private void ParseEvent(AntimonyToken? label)
    {
        var at = Take();
        var trigger = ReadFormula(Stops.Comma | Stops.Colon | Stops.After);
        if (trigger.IsEmpty)
        {
            throw Error(trigger.Terminator, $"expected a trigger after 'at' ({at.Position}) at {trigger.Terminator.Position} but found {trigger.Terminator.Describe()}");
        }

        if (Current.IsWord("after"))
        {
            throw Error(Current, $"event delays ('at … after …') are not supported (at {Current.Position}); events execute when their trigger becomes true");
        }

        FormulaSpan? priority = null;
        bool t0 = true, persistent = true, fromTrigger = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Current.Kind == AntimonyTokenKind.Comma)
        {
            Take();
            var setting = Current;
            if (setting.Kind != AntimonyTokenKind.Identifier || !AntimonySyntax.EventSettings.Contains(setting.Text))
            {
                string hint = setting.Kind == AntimonyTokenKind.Identifier
                    ? Modeling.Expressions.NameSuggestions.Hint(Modeling.Expressions.NameSuggestions.Closest(setting.Text, AntimonySyntax.EventSettings))
                    : string.Empty;
                throw Error(setting, $"expected an event setting (priority, t0, persistent or fromTrigger) at {setting.Position} but found {setting.Describe()}{hint}");
            }

            Take();
            if (!seen.Add(setting.Text))
            {
                throw Error(setting, $"event setting '{setting.Text}' is given twice (at {setting.Position})");
            }

            Expect(AntimonyTokenKind.Equals, $"'=' after '{setting.Text}'");
            var value = ReadFormula(Stops.Comma | Stops.Colon);
            if (value.IsEmpty)
            {
                throw Error(value.Terminator, $"expected a value for '{setting.Text}' at {value.Terminator.Position} but found {value.Terminator.Describe()}");
            }

            switch (setting.Text)
            {
                case "priority":
                    priority = value;
                    break;
                case "t0":
                    t0 = ReadBoolean(setting, value);
                    break;
                case "persistent":
                    persistent = ReadBoolean(setting, value);
                    break;
                default:
                    fromTrigger = ReadBoolean(setting, value);
                    break;
            }
        }

        Expect(AntimonyTokenKind.Colon, "':' before the event assignments");
        SkipLineBreaks();
        var assignments = new List<DraftEventAssignment>();
        while (true)
        {
            var variable = ExpectName("the name of a variable the event assigns");
            Expect(AntimonyTokenKind.Equals, $"'=' after '{variable.Text}' in the event assignment");
            var value = ReadFormula(Stops.Comma);
            if (value.IsEmpty)
            {
                throw Error(value.Terminator, $"expected the new value of '{variable.Text}' at {value.Terminator.Position} but found {value.Terminator.Describe()}");
            }

            var symbol = _draft.Define(variable);
            if (symbol.Role is DraftRole.Reaction or DraftRole.Event)
            {
                throw Error(variable, $"'{variable.Text}' at {variable.Position} is {ModelDraft.Describe(symbol.Role)} and cannot be assigned by an event");
            }

            symbol.IsEventTarget = true;
            if (assignments.Any(a => a.Variable == variable.Text))
            {
                throw Error(variable, $"the event assigns '{variable.Text}' twice (at {variable.Position})");
            }

            assignments.Add(new DraftEventAssignment(variable.Text, variable, value));
            if (Current.Kind != AntimonyTokenKind.Comma)
            {
                break;
            }

            Take();
            SkipLineBreaks();
        }

        string id;
        if (label is { } named)
        {
            ModelDraft.SetRole(_draft.Define(named), DraftRole.Event, named);
            if (_draft.Events.Any(e => e.Id == named.Text))
            {
                throw Error(named, $"event '{named.Text}' at {named.Position} is defined twice");
            }

            id = named.Text;
        }
        else
        {
            id = _draft.NextEventId();
        }

        _draft.Events.Add(new DraftEvent(id, label ?? at, trigger, priority, t0, persistent, fromTrigger, assignments));
        ExpectStatementEnd("the event assignments");
    }

    /// <summary>Reads <c>true</c>, <c>false</c> or a number (non-zero is true) as an event setting.</summary>
    private bool ReadBoolean(AntimonyToken setting, FormulaSpan value)
    {
        var t = _tokens[value.First];
        if (value.End - value.First == 1)
        {
            if (t.IsWord("true") || t.IsWord("false"))
            {
                return t.Text == "true";
            }

            if (t.Kind == AntimonyTokenKind.Number)
            {
                return t.Value != 0;
            }
        }

        throw Error(t, $"'{setting.Text}' must be true or false, at {t.Position} (found {t.Describe()})");
    }
}
