using System.Reflection;
using System.Reflection.Emit;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests;

/// <summary>The dependency rule of the architecture: Ode ← Modeling ← Formats ← Pathway ← Analysis; a layer never names a type of a later one.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Layers =
    [
        "Ferroptosis.Sim.Ode",
        "Ferroptosis.Sim.Modeling",
        "Ferroptosis.Sim.Formats",
        "Ferroptosis.Sim.Pathway",
        "Ferroptosis.Sim.Analysis",
    ];

    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    [Test]
    public void NoLayerReferencesALaterLayer()
    {
        var violations = new List<string>();
        foreach (var type in typeof(IOdeSystem).Assembly.GetTypes())
        {
            int layer = LayerOf(type);
            if (layer < 0)
            {
                continue;
            }

            foreach (var used in ReferencedTypes(type))
            {
                int usedLayer = LayerOf(used);
                if (usedLayer > layer)
                {
                    violations.Add($"{type.FullName} ({Layers[layer]}) uses {used.FullName} ({Layers[usedLayer]})");
                }
            }
        }

        Assert.That(violations.Distinct(), Is.Empty);
    }

    [Test]
    public void TheScannerSeesReferencesInMethodBodies()
    {
        // Guard against a vacuous rule: the IL scan must find a type that is only used inside a body.
        var used = ReferencedTypes(typeof(OdeSystem)).Select(t => t.Name).ToHashSet();
        Assert.That(used, Does.Contain("ArgumentOutOfRangeException"));
    }

    private static int LayerOf(Type type)
    {
        string ns = type.Namespace ?? string.Empty;
        for (int i = Layers.Length - 1; i >= 0; i--)
        {
            if (ns == Layers[i] || ns.StartsWith(Layers[i] + ".", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static HashSet<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var arg in t.GetGenericArguments())
                {
                    Add(arg);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var t in TypesInBody(m))
            {
                Add(t);
            }
        }

        return found;
    }

    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int pos = 0;
        while (pos < il.Length)
        {
            short code = il[pos] == 0xFE ? (short)(0xFE00 | il[pos + 1]) : il[pos];
            pos += il[pos] == 0xFE ? 2 : 1;
            var operand = OperandTypes.TryGetValue(code, out var ot) ? ot : OperandType.InlineNone;
            switch (operand)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, pos);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        // Tokens into other generic contexts; their declaring types are seen elsewhere.
                    }

                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                    }

                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                    pos += 4 + (4 * BitConverter.ToInt32(il, pos));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    pos += 4;
                    break;
            }
        }
    }
}
