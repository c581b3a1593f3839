using NBitcoin;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>Writes and signs an invoice. Fields go in one fixed order (s, p, d, h, m, x, c, f, r, 9); <c>x</c> and
/// <c>c</c> are left out at their defaults, <c>9</c> when no bit is set, and <c>n</c> always (the payee is
/// recovered from the signature). Contents the format cannot carry are refused with <see cref="ArgumentException"/>.</summary>
internal static class Bolt11Encoder
{
    private const int MaxFieldBytes = 639;   // 1023 words of 5 bits
    private const int MaxHopsPerHint = MaxFieldBytes / Bolt11RouteHop.Size;
    private const long MaxTimestamp = (1L << 35) - 1;

    public static string Encode(Bolt11Invoice invoice, Key payeeKey)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payeeKey);
        Check(invoice, payeeKey);
        var hrp = "ln" + invoice.Network + (invoice.AmountMsat is { } msat ? Bolt11Amount.Format(msat) : "");
        var words = new List<byte>();
        FiveBitWords.AppendNumber(words, (ulong)invoice.Timestamp.ToUnixTimeSeconds(), 7);
        AddBytes(words, Bolt11Tag.PaymentSecret, HexOrNull(invoice.PaymentSecret));
        AddBytes(words, Bolt11Tag.PaymentHash, Convert.FromHexString(invoice.PaymentHash));
        AddBytes(words, Bolt11Tag.Description, invoice.Description is null ? null : System.Text.Encoding.UTF8.GetBytes(invoice.Description));
        AddBytes(words, Bolt11Tag.DescriptionHash, HexOrNull(invoice.DescriptionHash));
        AddBytes(words, Bolt11Tag.Metadata, HexOrNull(invoice.PaymentMetadata));
        if (invoice.Expiry != TimeSpan.FromHours(1))
        {
            AddWords(words, Bolt11Tag.Expiry, FiveBitWords.FromNumber((ulong)invoice.Expiry.TotalSeconds));
        }
        if (invoice.MinFinalCltvExpiry != 18)
        {
            AddWords(words, Bolt11Tag.MinFinalCltvExpiry, FiveBitWords.FromNumber((ulong)invoice.MinFinalCltvExpiry));
        }
        foreach (var fallback in invoice.Fallbacks)
        {
            AddWords(words, Bolt11Tag.Fallback, [(byte)fallback.Version, .. FiveBitWords.FromBytes(Convert.FromHexString(fallback.Program))]);
        }
        foreach (var hint in invoice.RouteHints)
        {
            AddBytes(words, Bolt11Tag.RouteHint, [.. hint.SelectMany(HopBytes)]);
        }
        if (invoice.Features is { Bits.Count: > 0 } features)
        {
            AddWords(words, Bolt11Tag.Features, features.ToWords());
        }
        words.AddRange(FiveBitWords.FromBytes(Bolt11Signature.Sign(hrp, [.. words], payeeKey)));
        var encoded = Bech32.Encode(hrp, words);
        return encoded.Length <= Bolt11Decoder.MaxLength ? encoded
            : throw new ArgumentException($"the invoice would be {encoded.Length} characters; at most {Bolt11Decoder.MaxLength} can be read back", nameof(invoice));
    }

    private static void Check(Bolt11Invoice invoice, Key payeeKey)
    {
        Require(payeeKey.IsCompressed, "the payee key must be a compressed key");
        Require(invoice.PayeeNodeId is null || invoice.PayeeNodeId == payeeKey.PubKey.ToHex(), "PayeeNodeId is not the signing key's public key");
        Require(Bolt11Networks.IsKnown(invoice.Network), $"Network must be one of {string.Join(", ", Bolt11Networks.Prefixes)}");
        Require(invoice.AmountMsat is null or > 0, "AmountMsat must be positive (or null for any amount)");
        Require(invoice.Timestamp.ToUnixTimeSeconds() is >= 0 and <= MaxTimestamp, "Timestamp must fall between 1970 and 3058");
        Require(IsHex(invoice.PaymentHash, 32), "PaymentHash must be 32 bytes of hex");
        Require(invoice.PaymentSecret is null || IsHex(invoice.PaymentSecret, 32), "PaymentSecret must be 32 bytes of hex");
        Require(invoice.DescriptionHash is null || IsHex(invoice.DescriptionHash, 32), "DescriptionHash must be 32 bytes of hex");
        Require(invoice.Description is not null || invoice.DescriptionHash is not null, "an invoice needs a Description or a DescriptionHash");
        Require(invoice.Description is null || System.Text.Encoding.UTF8.GetByteCount(invoice.Description) <= MaxFieldBytes,
            $"Description must be at most {MaxFieldBytes} bytes of UTF-8 (use DescriptionHash for longer ones)");
        Require(invoice.PaymentMetadata is null || IsHex(invoice.PaymentMetadata, null), $"PaymentMetadata must be at most {MaxFieldBytes} bytes of hex");
        Require(invoice.Expiry >= TimeSpan.Zero, "Expiry must not be negative");
        Require(invoice.MinFinalCltvExpiry >= 0, "MinFinalCltvExpiry must not be negative");
        Require(invoice.Fallbacks.All(f => IsHex(f.Program, null) && Bolt11Fallback.IsWellFormed(f.Version, f.Program.Length / 2)),
            "each fallback needs a known version (0-18) and a program of a length that version allows");
        Require(invoice.RouteHints.All(h => h.Count is > 0 and <= MaxHopsPerHint && h.All(hop => IsHex(hop.NodeId, 33))),
            $"each route hint needs 1 to {MaxHopsPerHint} hops, each with a 33-byte node id in hex");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "invoice");
        }
    }

    private static bool IsHex(string value, int? bytes) =>
        value.Length % 2 == 0 && (bytes is null ? value.Length <= 2 * MaxFieldBytes : value.Length == 2 * bytes) && value.All(char.IsAsciiHexDigit);

    private static byte[]? HexOrNull(string? hex) => hex is null ? null : Convert.FromHexString(hex);

    private static void AddBytes(List<byte> words, byte tag, byte[]? data)
    {
        if (data is not null)
        {
            AddWords(words, tag, FiveBitWords.FromBytes(data));
        }
    }

    private static void AddWords(List<byte> words, byte tag, byte[] data)
    {
        words.Add(tag);
        FiveBitWords.AppendNumber(words, (ulong)data.Length, 2);
        words.AddRange(data);
    }

    private static byte[] HopBytes(Bolt11RouteHop hop)
    {
        var bytes = new byte[Bolt11RouteHop.Size];
        Convert.FromHexString(hop.NodeId).CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(33), hop.ShortChannelId);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(41), hop.FeeBaseMsat);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(45), hop.FeeProportionalMillionths);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(49), hop.CltvExpiryDelta);
        return bytes;
    }
}
