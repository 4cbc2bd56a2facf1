using System.Globalization;
using System.Xml;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Writes <see cref="Expr"/> trees as SBML Level 3 Version 2 MathML, in the forms <see cref="MathMLReader"/> reads back to equal trees.</summary>
/// <remarks>
/// Numbers are written with round-trip precision (integers as <c>type="integer"</c>, numbers with an exponent as
/// <c>e-notation</c>), ±∞ and NaN as <c>infinity</c>, <c>minus(infinity)</c> and <c>notanumber</c>, <c>time</c> as the
/// time csymbol. Forms without a MathML element of their own are written as their equivalents, which read back in
/// that form: <c>pow(x, y)</c> as <c>power</c>, <c>sign(x)</c> as a piecewise, relations and <c>and</c>/<c>or</c> calls
/// with two or more arguments as chained operators.
/// </remarks>
internal static class MathMLWriter
{
    public static void WriteMath(XmlWriter writer, Expr expression)
    {
        writer.WriteStartElement("math", MathMLReader.Namespace);
        Write(writer, expression);
        writer.WriteEndElement();
    }

    public static void WriteLambda(XmlWriter writer, FunctionDefinition function)
    {
        writer.WriteStartElement("math", MathMLReader.Namespace);
        writer.WriteStartElement("lambda", MathMLReader.Namespace);
        foreach (string parameter in function.Parameters)
        {
            writer.WriteStartElement("bvar", MathMLReader.Namespace);
            writer.WriteElementString("ci", MathMLReader.Namespace, parameter);
            writer.WriteEndElement();
        }

        Write(writer, function.Body);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Write(XmlWriter w, Expr e)
    {
        switch (e)
        {
            case NumberExpr n:
                WriteNumber(w, n.Value);
                break;
            case ConstantExpr c:
                Empty(w, c.Name);
                break;
            case SymbolExpr { Name: ReactionNetwork.TimeSymbol }:
                w.WriteStartElement("csymbol", MathMLReader.Namespace);
                w.WriteAttributeString("encoding", "text");
                w.WriteAttributeString("definitionURL", "http://www.sbml.org/sbml/symbols/time");
                w.WriteString("time");
                w.WriteEndElement();
                break;
            case SymbolExpr s:
                w.WriteElementString("ci", MathMLReader.Namespace, s.Name);
                break;
            case UnaryExpr u:
                Apply(w, u.Operator == UnaryOperator.Negate ? "minus" : "not", null, u.Operand);
                break;
            case BinaryExpr b:
                Apply(w, MathMLOperators.ElementOf(b.Operator)!, null, b.Left, b.Right);
                break;
            case CallExpr call:
                WriteCall(w, call);
                break;
            case PiecewiseExpr p:
                w.WriteStartElement("piecewise", MathMLReader.Namespace);
                foreach (var piece in p.Cases)
                {
                    w.WriteStartElement("piece", MathMLReader.Namespace);
                    Write(w, piece.Value);
                    Write(w, piece.Condition);
                    w.WriteEndElement();
                }

                if (p.Otherwise is { } otherwise)
                {
                    w.WriteStartElement("otherwise", MathMLReader.Namespace);
                    Write(w, otherwise);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                break;
            default:
                throw new ArgumentException($"Cannot write the expression node {e.GetType().Name} as MathML.", nameof(e));
        }
    }

    private static void WriteCall(XmlWriter w, CallExpr call)
    {
        var args = call.Arguments;
        if (!call.IsBuiltin)
        {
            w.WriteStartElement("apply", MathMLReader.Namespace);
            w.WriteElementString("ci", MathMLReader.Namespace, call.Name);
            foreach (var a in args)
            {
                Write(w, a);
            }

            w.WriteEndElement();
            return;
        }

        switch (call.Name)
        {
            case "delay":
                w.WriteStartElement("apply", MathMLReader.Namespace);
                w.WriteStartElement("csymbol", MathMLReader.Namespace);
                w.WriteAttributeString("encoding", "text");
                w.WriteAttributeString("definitionURL", "http://www.sbml.org/sbml/symbols/delay");
                w.WriteString("delay");
                w.WriteEndElement();
                Write(w, args[0]);
                Write(w, args[1]);
                w.WriteEndElement();
                break;
            case "sqrt":
                Apply(w, "root", null, args[0]);
                break;
            case "root":
                Apply(w, "root", ("degree", args[0]), args[1]);
                break;
            case "log10":
                Apply(w, "log", null, args[0]);
                break;
            case "log":
                Apply(w, "log", ("logbase", args[0]), args[1]);
                break;
            case "pow":
                Apply(w, "power", null, args[0], args[1]);
                break;
            case "sign":
                // sign(x) = 1 if x > 0, −1 if x < 0, else x (keeps ±0 and NaN), as BuiltinMath.Sign defines it.
                Write(w, new PiecewiseExpr(
                    [new PiecewiseCase(NumberExpr.One, new BinaryExpr(BinaryOperator.Greater, args[0], NumberExpr.Zero)),
                     new PiecewiseCase(new NumberExpr(-1), new BinaryExpr(BinaryOperator.Less, args[0], NumberExpr.Zero))],
                    args[0]));
                break;
            case "eq" or "neq" or "gt" or "lt" or "geq" or "leq" when args.Count == 2:
                Apply(w, call.Name, null, args[0], args[1]);
                break;
            default:
                // The remaining built-ins have MathML elements of the same name (n-ary where MathML allows it).
                Apply(w, call.Name, null, [.. args]);
                break;
        }
    }

    private static void Apply(XmlWriter w, string op, (string Name, Expr Value)? qualifier, params Expr[] args)
    {
        w.WriteStartElement("apply", MathMLReader.Namespace);
        Empty(w, op);
        if (qualifier is { } q)
        {
            w.WriteStartElement(q.Name, MathMLReader.Namespace);
            Write(w, q.Value);
            w.WriteEndElement();
        }

        foreach (var a in args)
        {
            Write(w, a);
        }

        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string name)
    {
        w.WriteStartElement(name, MathMLReader.Namespace);
        w.WriteEndElement();
    }

    private static void WriteNumber(XmlWriter w, double value)
    {
        if (double.IsNaN(value))
        {
            Empty(w, "notanumber");
            return;
        }

        if (double.IsInfinity(value))
        {
            if (value > 0)
            {
                Empty(w, "infinity");
            }
            else
            {
                w.WriteStartElement("apply", MathMLReader.Namespace);
                Empty(w, "minus");
                Empty(w, "infinity");
                w.WriteEndElement();
            }

            return;
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = text.IndexOf('E', StringComparison.Ordinal);
        w.WriteStartElement("cn", MathMLReader.Namespace);
        if (exponent >= 0)
        {
            w.WriteAttributeString("type", "e-notation");
            w.WriteString(text[..exponent]);
            w.WriteStartElement("sep", MathMLReader.Namespace);
            w.WriteEndElement();
            w.WriteString(text[(exponent + 1)..]);
        }
        else
        {
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15 && !(value == 0 && double.IsNegative(value)))
            {
                w.WriteAttributeString("type", "integer");
            }

            w.WriteString(text);
        }

        w.WriteEndElement();
    }
}
