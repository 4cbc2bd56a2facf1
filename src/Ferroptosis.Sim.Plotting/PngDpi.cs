using System.Buffers.Binary;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Records a PNG's resolution in a pHYs chunk, so editors and journal systems read the intended DPI.</summary>
/// <remarks>
/// Skia's encoder writes no pHYs chunk, and readers then assume 72 or 96 dpi and print a 300-dpi figure three
/// times too large. The chunk (PNG specification, ISO/IEC 15948:2004, §11.3.5.3) holds pixels per metre for x
/// and y and unit 1 (metre); it must come before the first IDAT chunk, so it is inserted right after IHDR.
/// Chunk CRCs are CRC-32 (ISO 3309) over the type and data.
/// </remarks>
internal static class PngDpi
{
    private const int SignatureLength = 8;
    private const int IhdrLength = 8 + 13 + 4;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Returns the PNG with a pHYs chunk for <paramref name="dpi"/> after its IHDR chunk.</summary>
    public static byte[] WithPhysicalDpi(byte[] png, double dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        int insertAt = SignatureLength + IhdrLength;
        if (png.Length < insertAt || png[12] != (byte)'I' || png[13] != (byte)'H' || png[14] != (byte)'D' || png[15] != (byte)'R')
        {
            throw new ArgumentException("Not a PNG that starts with an IHDR chunk.", nameof(png));
        }

        uint pixelsPerMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));

        var result = new byte[png.Length + chunk.Length];
        png.AsSpan(0, insertAt).CopyTo(result);
        chunk.CopyTo(result.AsSpan(insertAt));
        png.AsSpan(insertAt).CopyTo(result.AsSpan(insertAt + chunk.Length));
        return result;
    }

    /// <summary>Reads the DPI of a PNG's pHYs chunk, or <see langword="null"/> if it has none in metres.</summary>
    public static double? ReadDpi(ReadOnlySpan<byte> png)
    {
        for (int at = SignatureLength; at + 12 <= png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("pHYs"u8) && length == 9 && png[at + 16] == 1)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8)..]) * 0.0254;
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                return null;
            }

            at += 12 + length;
        }

        return null;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
