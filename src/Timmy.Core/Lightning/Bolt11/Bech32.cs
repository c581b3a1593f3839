namespace Timmy.Core.Lightning.Bolt11;

/// <summary>Bech32 as BIP-0173 defines it (the original checksum constant 1, not bech32m), without BIP-0173's
/// 90-character limit, which BOLT11 lifts. Data is handled as 5-bit words, one per character.</summary>
internal static class Bech32
{
    public const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Splits a lower-case bech32 string into its human-readable part and its data words (checksum
    /// removed), refusing it with the reason when it is malformed or its checksum is wrong.</summary>
    public static (string Hrp, byte[] Words) Decode(string text)
    {
        var separator = text.LastIndexOf('1');
        if (separator < 0)
        {
            throw new InvalidInvoiceException("no bech32 separator '1'");
        }
        if (separator == 0)
        {
            throw new InvalidInvoiceException("empty human-readable part");
        }
        var dataLength = text.Length - separator - 1;
        if (dataLength < ChecksumLength)
        {
            throw new InvalidInvoiceException("too short for a bech32 checksum");
        }
        var words = new byte[dataLength];
        for (var i = 0; i < dataLength; i++)
        {
            var c = text[separator + 1 + i];
            var value = Charset.IndexOf(c);
            if (value < 0)
            {
                throw new InvalidInvoiceException($"character '{c}' is not in the bech32 alphabet");
            }
            words[i] = (byte)value;
        }
        var hrp = text[..separator];
        if (Polymod(hrp, words) != 1)
        {
            throw new InvalidInvoiceException("bech32 checksum is wrong");
        }
        return (hrp, words[..^ChecksumLength]);
    }

    public static string Encode(string hrp, IReadOnlyList<byte> words)
    {
        var all = new byte[words.Count + ChecksumLength];
        for (var i = 0; i < words.Count; i++)
        {
            all[i] = words[i];
        }
        var checksum = Polymod(hrp, all) ^ 1;
        for (var i = 0; i < ChecksumLength; i++)
        {
            all[words.Count + i] = (byte)((checksum >> (5 * (ChecksumLength - 1 - i))) & 31);
        }
        return string.Create(hrp.Length + 1 + all.Length, (hrp, all), static (span, state) =>
        {
            state.hrp.CopyTo(span);
            span[state.hrp.Length] = '1';
            for (var i = 0; i < state.all.Length; i++)
            {
                span[state.hrp.Length + 1 + i] = Charset[state.all[i]];
            }
        });
    }

    private static uint Polymod(string hrp, ReadOnlySpan<byte> words)
    {
        uint chk = 1;
        foreach (var c in hrp)
        {
            chk = Step(chk, (byte)(c >> 5));
        }
        chk = Step(chk, 0);
        foreach (var c in hrp)
        {
            chk = Step(chk, (byte)(c & 31));
        }
        foreach (var w in words)
        {
            chk = Step(chk, w);
        }
        return chk;
    }

    private static uint Step(uint chk, byte value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < Generator.Length; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                chk ^= Generator[i];
            }
        }
        return chk;
    }
}
