using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The distinct <c>delay(x, τ)</c> terms of a model, each resolved over the compiled inputs and given an input slot of its own.</summary>
/// <remarks>
/// A term's x must not itself contain a delay (a delayed value of a delayed value needs the history of the history);
/// its τ may, since τ is evaluated at the present time. Terms are numbered as they are found, innermost first, so the
/// value of a term's τ never needs a later term. Thread-safe; once <see cref="Freeze"/> is called no new term may appear.
/// </remarks>
internal sealed class DelayTable
{
    private const string Prefix = "__in_d";
    private readonly List<(Expr Value, Expr Delay)> _terms = [];
    private readonly Lock _lock = new();
    private bool _frozen;

    /// <summary>Gets the number of terms.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _terms.Count;
            }
        }
    }

    /// <summary>Gets the terms (x and τ, resolved), in input order.</summary>
    public IReadOnlyList<(Expr Value, Expr Delay)> Terms
    {
        get
        {
            lock (_lock)
            {
                return [.. _terms];
            }
        }
    }

    /// <summary>The input name of the k-th term.</summary>
    public static string Input(int k) => Prefix + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Tells whether a name is the input of a delayed value.</summary>
    public static bool IsInput(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>No further terms may be added (the compiled model's input layout is fixed).</summary>
    public void Freeze()
    {
        lock (_lock)
        {
            _frozen = true;
        }
    }

    /// <summary>Replaces every <c>delay(x, τ)</c> of a resolved expression by the input of its term.</summary>
    /// <exception cref="NotSupportedException">A delayed expression contains a delay itself.</exception>
    public Expr Replace(Expr resolved) =>
        ExprRewriter.Rewrite(resolved, node => node is CallExpr { Builtin.Kind: BuiltinKind.Delay } call
            ? Expr.Symbol(Input(IndexOf(Replace(call.ArgumentArray[0]), Replace(call.ArgumentArray[1]))))
            : null);

    private int IndexOf(Expr value, Expr delay)
    {
        if (value.Symbols.Any(IsInput))
        {
            throw new NotSupportedException("A delay of an expression that itself contains a delay (nested csymbol delay) is not supported.");
        }

        lock (_lock)
        {
            for (int k = 0; k < _terms.Count; k++)
            {
                if (_terms[k].Value.Equals(value) && _terms[k].Delay.Equals(delay))
                {
                    return k;
                }
            }

            if (_frozen)
            {
                throw new NotSupportedException("This delay(x, τ) appears only in an expression compiled after the model (e.g. a report of a quantity the model does not use); delays must appear in the model's rules, rates or events.");
            }

            _terms.Add((value, delay));
            return _terms.Count - 1;
        }
    }
}
