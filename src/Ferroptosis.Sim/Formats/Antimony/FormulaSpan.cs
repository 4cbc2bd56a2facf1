namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>The tokens of one formula, <c>[First, End)</c> in the token list, and the token that ended it.</summary>
/// <param name="First">The index of the first token.</param>
/// <param name="End">The index just past the last token (equal to <paramref name="First"/> when the formula is empty).</param>
/// <param name="Terminator">The token that ended the formula (';', a line break, ',', ':', 'end', …).</param>
internal sealed record FormulaSpan(int First, int End, AntimonyToken Terminator)
{
    /// <summary>Gets a value indicating whether the formula has no tokens.</summary>
    public bool IsEmpty => First == End;
}
