namespace Timmy.Core.Lightning.Bolt11;

/// <summary>Conversions between bech32's 5-bit words and bytes or big-endian integers.</summary>
internal static class FiveBitWords
{
    /// <summary>Packs words into bytes. With <paramref name="padLastByte"/> the bits left over at the end fill one
    /// more byte with zeros after them (how the signed data is hashed); without it they are dropped (how a field's
    /// payload is read, its last word carrying padding).</summary>
    public static byte[] ToBytes(ReadOnlySpan<byte> words, bool padLastByte)
    {
        var bitCount = words.Length * 5;
        var bytes = new byte[padLastByte ? (bitCount + 7) / 8 : bitCount / 8];
        int accumulator = 0, bits = 0, index = 0;
        foreach (var word in words)
        {
            accumulator = ((accumulator << 5) | word) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(accumulator >> bits);
            }
        }
        if (padLastByte && bits > 0)
        {
            bytes[index] = (byte)(accumulator << (8 - bits));
        }
        return bytes;
    }

    /// <summary>Unpacks bytes into words, the last word padded with zero bits.</summary>
    public static byte[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var words = new byte[(bytes.Length * 8 + 4) / 5];
        int accumulator = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            accumulator = ((accumulator << 8) | b) & 0x1fff;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                words[index++] = (byte)((accumulator >> bits) & 31);
            }
        }
        if (bits > 0)
        {
            words[index] = (byte)((accumulator << (5 - bits)) & 31);
        }
        return words;
    }

    /// <summary>The big-endian number the words spell; callers keep them to 12 words (60 bits) or fewer.</summary>
    public static ulong ToNumber(ReadOnlySpan<byte> words)
    {
        ulong value = 0;
        foreach (var word in words)
        {
            value = (value << 5) | word;
        }
        return value;
    }

    /// <summary>The shortest big-endian word form of <paramref name="value"/> (no words for zero).</summary>
    public static byte[] FromNumber(ulong value)
    {
        var words = new List<byte>();
        for (; value > 0; value >>= 5)
        {
            words.Insert(0, (byte)(value & 31));
        }
        return [.. words];
    }

    /// <summary>Exactly <paramref name="count"/> big-endian words of <paramref name="value"/>.</summary>
    public static void AppendNumber(List<byte> words, ulong value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            words.Add((byte)((value >> (5 * i)) & 31));
        }
    }
}
