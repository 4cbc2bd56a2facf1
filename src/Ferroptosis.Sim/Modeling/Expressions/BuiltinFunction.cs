using System.Reflection;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Describes one built-in function: its canonical name and how many arguments it takes.</summary>
/// <remarks>Instances come from <see cref="BuiltinFunctions"/>; they are immutable and thread-safe.</remarks>
public sealed class BuiltinFunction
{
    internal BuiltinFunction(string name, BuiltinKind kind, int minArity, int maxArity, bool isBoolean, MethodInfo? method)
    {
        Name = name;
        Kind = kind;
        MinArity = minArity;
        MaxArity = maxArity;
        IsBoolean = isBoolean;
        Method = method;
        if (method is not null)
        {
            if (method.GetParameters().Length == 1)
            {
                Unary = method.CreateDelegate<Func<double, double>>();
            }
            else
            {
                Binary = method.CreateDelegate<Func<double, double, double>>();
            }
        }
    }

    /// <summary>Gets the canonical name (the SBML MathML name where there is one, for example <c>arcsin</c>, <c>ceiling</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the smallest number of arguments.</summary>
    public int MinArity { get; }

    /// <summary>Gets the largest number of arguments (<see cref="int.MaxValue"/> for n-ary functions).</summary>
    public int MaxArity { get; }

    /// <summary>Gets a value indicating whether the function yields a truth value (relations and logic).</summary>
    public bool IsBoolean { get; }

    /// <summary>Gets the identity used for dispatch.</summary>
    internal BuiltinKind Kind { get; }

    /// <summary>Gets the static method computing a fixed-arity numeric function (shared by interpreter and compiler), or null.</summary>
    internal MethodInfo? Method { get; }

    /// <summary>Gets <see cref="Method"/> as a delegate when it takes one argument.</summary>
    internal Func<double, double>? Unary { get; }

    /// <summary>Gets <see cref="Method"/> as a delegate when it takes two arguments.</summary>
    internal Func<double, double, double>? Binary { get; }

    /// <summary>Tells whether <paramref name="count"/> arguments are acceptable.</summary>
    /// <param name="count">The number of arguments.</param>
    /// <returns>True when MinArity ≤ count ≤ MaxArity.</returns>
    public bool AcceptsArity(int count) => count >= MinArity && count <= MaxArity;

    /// <summary>Describes the accepted number of arguments in words, for messages ("1 argument", "at least 1 argument", …).</summary>
    /// <returns>The description.</returns>
    public string DescribeArity()
    {
        if (MinArity == MaxArity)
        {
            return Plural(MinArity);
        }

        return MaxArity == int.MaxValue ? "at least " + Plural(MinArity) : $"{MinArity} to {Plural(MaxArity)}";
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({DescribeArity()})";

    internal static string Plural(int count) => count == 1 ? "1 argument" : $"{count} arguments";
}
