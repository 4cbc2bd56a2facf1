using System.Numerics;

namespace Ferroptosis.Sim.Analysis;

/// <summary>An exact sum of signed integers given as a magnitude of up to 128 bits and a left shift: a fixed-point (Kulisch) accumulator in 32-bit digits held in 64-bit words.</summary>
/// <remarks>
/// An addition splits the shifted magnitude into 32-bit digits and adds each to its word (3 to 5 words, no allocation);
/// a word absorbs 2³⁰ such additions before <see cref="Normalize"/> must carry, which <see cref="Add(UInt128, int, bool)"/> does by itself.
/// The value is Σ word_i · 2^(32i) at any time, so reading it back (<see cref="ToBigInteger"/>) is exact. Not thread-safe.
/// </remarks>
internal sealed class ExactAccumulator
{
    private const long DigitMask = 0xFFFF_FFFF;
    private const int MaxPending = 1 << 30;
    private readonly long[] _words;
    private int _pending;

    /// <summary>Initializes a new instance of the <see cref="ExactAccumulator"/> class.</summary>
    /// <param name="bits">The largest bit length the sum can reach (the top word, signed 64-bit, holds the sign and some slack).</param>
    public ExactAccumulator(int bits) => _words = new long[(bits / 32) + 2];

    /// <summary>Adds ±magnitude · 2^shift.</summary>
    public void Add(UInt128 magnitude, int shift, bool negative)
    {
        int word = shift >> 5, offset = shift & 31;
        var low = (ulong)(magnitude & ((UInt128.One << (32 - offset)) - 1)) << offset;
        _words[word] += negative ? -(long)low : (long)low;
        var rest = magnitude >> (32 - offset);
        while (rest != UInt128.Zero)
        {
            long digit = (long)(ulong)(rest & DigitMask);
            _words[++word] += negative ? -digit : digit;
            rest >>= 32;
        }

        if (++_pending >= MaxPending)
        {
            Normalize();
        }
    }

    /// <summary>Adds another accumulator's value (of the same size).</summary>
    public void Add(ExactAccumulator other)
    {
        Normalize();
        other.Normalize();
        for (int i = 0; i < _words.Length; i++)
        {
            _words[i] += other._words[i];
        }

        Normalize();
    }

    /// <summary>Replaces the value.</summary>
    public void Set(BigInteger value)
    {
        Array.Clear(_words);
        _pending = 0;
        long sign = value.Sign;
        var magnitude = BigInteger.Abs(value);
        for (int i = 0; !magnitude.IsZero; i++)
        {
            _words[i] = sign * (long)(ulong)(magnitude & DigitMask);
            magnitude >>= 32;
        }
    }

    /// <summary>Gets the value.</summary>
    public BigInteger ToBigInteger()
    {
        var value = BigInteger.Zero;
        for (int i = _words.Length - 1; i >= 0; i--)
        {
            value = (value << 32) + _words[i];
        }

        return value;
    }

    /// <summary>Carries every word's excess into the next, leaving words 0 … n − 2 in [0, 2³²).</summary>
    private void Normalize()
    {
        for (int i = 0; i < _words.Length - 1; i++)
        {
            long carry = _words[i] >> 32;
            _words[i] -= carry << 32;
            _words[i + 1] += carry;
        }

        _pending = 0;
    }
}
