using System.Reflection;

namespace Ferroptosis.Sim.Tests;

/// <summary>The layering rule Ode ← Modeling ← Formats ← Pathway ← Analysis: no type in a lower layer names a type of a higher one.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Layers = ["Ode", "Modeling", "Formats", "Pathway", "Analysis"];

    [Test]
    public void Lower_layers_do_not_reference_higher_layers()
    {
        var assembly = typeof(Sim.Ode.OdeProblem).Assembly;
        var violations = new List<string>();
        foreach (var type in assembly.GetTypes())
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
                    violations.Add($"{type.FullName} → {used.FullName}");
                }
            }
        }

        Assert.That(violations.Distinct(), Is.Empty);
    }

    private static int LayerOf(Type type)
    {
        var ns = type.Namespace ?? string.Empty;
        for (int i = 0; i < Layers.Length; i++)
        {
            string prefix = "Ferroptosis.Sim." + Layers[i];
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The types a type names in its signature: base type, interfaces, fields, properties, events and method signatures.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        if (type.BaseType is not null)
        {
            direct.Add(type.BaseType);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        direct.AddRange(type.GetEvents(all).Select(e => e.EventHandlerType!));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo mi)
            {
                direct.Add(mi.ReturnType);
            }

            var body = method.GetMethodBody();
            if (body is not null)
            {
                direct.AddRange(body.LocalVariables.Select(l => l.LocalType));
            }
        }

        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType)
        {
            return Unwrap(t.GetElementType()!);
        }

        return t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrap).Append(t) : [t];
    }
}
