namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>A flat, append-only array of doubles that doubles its capacity when full (amortised O(1), no per-element objects).</summary>
internal sealed class GrowableBuffer(int initialCapacity)
{
    private double[] _items = new double[Math.Max(initialCapacity, 4)];

    public int Count { get; private set; }

    public ReadOnlySpan<double> Items => _items.AsSpan(0, Count);

    public double this[int index] => _items[index];

    public void Add(double value)
    {
        EnsureCapacity(Count + 1);
        _items[Count++] = value;
    }

    /// <summary>Reserves <paramref name="length"/> elements at the end and returns them for writing.</summary>
    public Span<double> Append(int length)
    {
        EnsureCapacity(Count + length);
        var span = _items.AsSpan(Count, length);
        Count += length;
        return span;
    }

    public double[] ToArray() => Items.ToArray();

    private void EnsureCapacity(int required)
    {
        if (required > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(required, _items.Length * 2));
        }
    }
}
