using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Reads the statements of an Antimony file into a <see cref="ModelDraft"/>: which names exist, what they are, and the formula tokens that define them.</summary>
/// <remarks>
/// <para>
/// A hand-written recursive-descent parser over the token list, one statement at a time, following libAntimony's
/// grammar (antimony.ypp) for the supported subset. A statement ends at ';', a line break or the end of the text; a
/// formula is every token up to its terminator, cut out of the text later and handed to the expression parser, so
/// formulas follow the project's expression syntax. Every loop consumes at least one token per turn, so any input
/// ends; nothing recurses on the input's nesting, so no input can overflow the stack.
/// </para>
/// <para>Constructs outside the subset are rejected with a <see cref="ModelParseException"/> that names them and their position.</para>
/// </remarks>
internal sealed partial class AntimonyParser
{
    private readonly ModelDraft _draft;
    private readonly IReadOnlyList<AntimonyToken> _tokens;
    private int _pos;
    private bool _inModel;
    private AntimonyToken? _modelToken;
    private AntimonyToken? _firstBareStatement;

    private AntimonyParser(ModelDraft draft)
    {
        _draft = draft;
        _tokens = draft.Tokens;
    }

    /// <summary>Which tokens, besides ';', a line break and the end of the text, end a formula.</summary>
    [Flags]
    private enum Stops
    {
        None = 0,

        /// <summary>A ',' outside parentheses.</summary>
        Comma = 1,

        /// <summary>A ':' outside parentheses.</summary>
        Colon = 2,

        /// <summary>The keyword 'after' outside parentheses (event delays).</summary>
        After = 4,

        /// <summary>The keyword 'end'; line breaks do not end the formula (function bodies).</summary>
        FunctionBody = 8,
    }

    private AntimonyToken Current => _tokens[_pos];

    /// <summary>Reads a model file: one <c>model … end</c> or bare statements, plus function definitions.</summary>
    /// <exception cref="ModelParseException">The text is not in the supported subset.</exception>
    public static ModelDraft ParseModel(string text)
    {
        var parser = new AntimonyParser(new ModelDraft(AntimonyLexer.Tokenize(text)));
        parser.ParseFile();
        return parser._draft;
    }

    private static ModelParseException Error(AntimonyToken at, string message) => new(message, at.Line, at.Column, at.ReportedText);

    private static ModelParseException Unexpected(AntimonyToken at, string context) =>
        Error(at, $"unexpected {at.Describe()} at {at.Position} {context}");

    private AntimonyToken Peek(int ahead) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private AntimonyToken Take()
    {
        var t = _tokens[_pos];
        if (t.Kind != AntimonyTokenKind.End)
        {
            _pos++;
        }

        return t;
    }

    private AntimonyToken Expect(AntimonyTokenKind kind, string what)
    {
        var t = Current;
        if (t.Kind != kind)
        {
            throw Error(t, $"expected {what} at {t.Position} but found {t.Describe()}");
        }

        return Take();
    }

    /// <summary>Reads a name that is not a keyword.</summary>
    private AntimonyToken ExpectName(string what)
    {
        var t = Current;
        if (t.Kind != AntimonyTokenKind.Identifier)
        {
            throw Error(t, $"expected {what} at {t.Position} but found {t.Describe()}");
        }

        if (AntimonySyntax.IsKeyword(t.Text))
        {
            throw Error(t, $"expected {what} at {t.Position} but found the keyword '{t.Text}'");
        }

        if (Peek(1).Kind == AntimonyTokenKind.Dot && Peek(1).Offset == t.EndOffset)
        {
            throw Error(t, $"'{t.Text}.' at {t.Position} names an element of a submodel; submodels are not supported");
        }

        return Take();
    }

    /// <summary>Consumes the end of a statement: ';', a line break or the end of the text.</summary>
    private void ExpectStatementEnd(string after)
    {
        var t = Current;
        if (!t.IsStatementEnd)
        {
            throw Error(t, $"expected ';' or a line break at {t.Position} after {after} but found {t.Describe()}");
        }

        Take();
    }

    private void SkipLineBreaks()
    {
        while (Current.Kind == AntimonyTokenKind.Newline)
        {
            Take();
        }
    }

    private void ParseFile()
    {
        while (true)
        {
            var t = Current;
            if (t.Kind == AntimonyTokenKind.End)
            {
                break;
            }

            if (t.Kind is AntimonyTokenKind.Newline or AntimonyTokenKind.Semicolon)
            {
                Take();
            }
            else if (t.IsWord("model") || t.IsWord("module"))
            {
                ParseModelHeader();
            }
            else if (t.IsWord("end"))
            {
                if (!_inModel)
                {
                    throw Error(t, $"'end' at {t.Position} closes nothing; 'end' closes a 'model' or a 'function'");
                }

                Take();
                _inModel = false;
                ExpectStatementEnd("'end'");
            }
            else if (t.IsWord("function"))
            {
                ParseFunction();
            }
            else
            {
                if (!_inModel)
                {
                    _firstBareStatement ??= t;
                }

                ParseStatement();
            }
        }

        if (_inModel)
        {
            throw Error(Current, $"model '{_draft.Id}' (at {_modelToken!.Value.Position}) has no 'end' at {Current.Position}; add 'end' after its last statement");
        }

        if (_modelToken is { } model && _firstBareStatement is { } bare)
        {
            throw Error(bare, $"statement at {bare.Position} is outside 'model {_draft.Id}' (at {model.Position}); a file holds one model, or only bare statements, so move it inside the model");
        }
    }

    private void ParseModelHeader()
    {
        var keyword = Take();
        if (_inModel)
        {
            throw Error(keyword, $"'{keyword.Text}' at {keyword.Position} inside model '{_draft.Id}'; models cannot be nested (submodels are not supported)");
        }

        if (_modelToken is { } first)
        {
            throw Error(keyword, $"second model at {keyword.Position}; a file holds one model (the first is at {first.Position})");
        }

        if (Current.Kind == AntimonyTokenKind.Star)
        {
            Take();
        }

        var name = ExpectName("a model name");
        if (Current.Kind == AntimonyTokenKind.LeftParen)
        {
            Take();
            if (Current.Kind != AntimonyTokenKind.RightParen)
            {
                throw Error(Current, $"model interfaces ('model {name.Text}(…)' with exported symbols) are not supported at {Current.Position}; write 'model {name.Text}()' or 'model {name.Text}'");
            }

            Take();
        }

        _draft.Id = name.Text;
        _modelToken = keyword;
        _inModel = true;
        ExpectStatementEnd($"'model {name.Text}'");
    }

    private void ParseFunction()
    {
        var keyword = Take();
        var name = ExpectName("a function name");
        Expect(AntimonyTokenKind.LeftParen, $"'(' after 'function {name.Text}'");
        var parameters = new List<AntimonyToken>();
        if (Current.Kind != AntimonyTokenKind.RightParen)
        {
            parameters.Add(ExpectName($"a parameter name of function '{name.Text}'"));
            while (Current.Kind == AntimonyTokenKind.Comma)
            {
                Take();
                parameters.Add(ExpectName($"a parameter name of function '{name.Text}'"));
            }
        }

        Expect(AntimonyTokenKind.RightParen, $"',' or ')' in the parameters of function '{name.Text}'");
        while (Current.Kind is AntimonyTokenKind.Newline or AntimonyTokenKind.Semicolon)
        {
            Take();
        }

        var body = ReadFormula(Stops.FunctionBody);
        if (body.IsEmpty)
        {
            throw Error(Current, $"function '{name.Text}' (at {keyword.Position}) has no body at {Current.Position}; write one expression before 'end'");
        }

        while (Current.Kind is AntimonyTokenKind.Newline or AntimonyTokenKind.Semicolon)
        {
            Take();
        }

        if (!Current.IsWord("end"))
        {
            throw Error(Current, $"expected 'end' at {Current.Position} to close function '{name.Text}' (at {keyword.Position}) but found {Current.Describe()}; a function body is one expression");
        }

        Take();
        ExpectStatementEnd($"the 'end' of function '{name.Text}'");
        _draft.Functions.Add(new DraftFunction(name.Text, name, [.. parameters.Select(p => p.Text)], parameters, body));
    }

    /// <summary>Reads the tokens of one formula, up to its terminator (left unconsumed).</summary>
    /// <remarks>
    /// ';', the end of the text and (except in function bodies) a line break always end a formula, even inside
    /// parentheses, as in libAntimony; the expression parser then reports the missing ')'. Leading and trailing line
    /// breaks of a function body are not part of it.
    /// </remarks>
    private FormulaSpan ReadFormula(Stops stops)
    {
        bool body = stops.HasFlag(Stops.FunctionBody);
        int first = _pos;
        int depth = 0;
        while (true)
        {
            var t = Current;
            if (t.Kind is AntimonyTokenKind.End or AntimonyTokenKind.Semicolon
                || (t.Kind == AntimonyTokenKind.Newline && !body)
                || (body && t.IsWord("end"))
                || (depth == 0 && ((stops.HasFlag(Stops.Comma) && t.Kind == AntimonyTokenKind.Comma)
                    || (stops.HasFlag(Stops.Colon) && t.Kind == AntimonyTokenKind.Colon)
                    || (stops.HasFlag(Stops.After) && t.IsWord("after")))))
            {
                break;
            }

            depth += t.Kind switch
            {
                AntimonyTokenKind.LeftParen => 1,
                AntimonyTokenKind.RightParen when depth > 0 => -1,
                _ => 0,
            };
            Take();
        }

        int end = _pos;
        while (first < end && _tokens[first].Kind == AntimonyTokenKind.Newline)
        {
            first++;
        }

        while (end > first && _tokens[end - 1].Kind == AntimonyTokenKind.Newline)
        {
            end--;
        }

        return new FormulaSpan(first, end, _tokens[end == first ? _pos : end]);
    }
}
