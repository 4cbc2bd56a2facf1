using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ferroptosis.Sim.Pathway;

/// <summary>A read-only view of a state vector by state id (the initial values of a run handed to the simulator), without copying it into a dictionary.</summary>
/// <param name="ids">The state ids, in the order of <paramref name="values"/>.</param>
/// <param name="values">The values; the view reads them, so the caller must not change them while the view is in use.</param>
internal sealed class StateValues(IReadOnlyList<string> ids, double[] values) : IReadOnlyDictionary<string, double>
{
    /// <inheritdoc/>
    public int Count => ids.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => ids;

    /// <inheritdoc/>
    public IEnumerable<double> Values => values;

    /// <inheritdoc/>
    public double this[string key] => TryGetValue(key, out double value) ? value : throw new KeyNotFoundException($"'{key}' is not a state.");

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        int k = IndexOf(key);
        value = k >= 0 ? values[k] : 0;
        return k >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (int k = 0; k < ids.Count; k++)
        {
            yield return new KeyValuePair<string, double>(ids[k], values[k]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (int k = 0; k < ids.Count; k++)
        {
            if (string.Equals(ids[k], key, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }
}
