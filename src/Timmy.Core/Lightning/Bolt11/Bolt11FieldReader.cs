using System.Buffers.Binary;
using System.Text;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>Reads the tagged fields between an invoice's timestamp and its signature. As BOLT11 asks, it skips
/// fields it does not know, fallbacks of an unknown version, and <c>p</c>/<c>h</c>/<c>s</c>/<c>n</c> fields of the
/// wrong length; it refuses a field cut short, a second copy of a single-valued field, a description that is not
/// UTF-8, numbers too large to mean anything, and feature bits it is required to understand but does not.</summary>
internal static class Bolt11FieldReader
{
    private const int HashWords = 52;    // 256 bits, padded to whole words
    private const int NodeIdWords = 53;  // 264 bits, padded
    private const int MaxNumberWords = 12;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Bolt11Fields Read(ReadOnlySpan<byte> words)
    {
        var fields = new Bolt11Fields();
        var seen = new HashSet<byte>();
        var position = 0;
        while (position < words.Length)
        {
            if (position + 3 > words.Length)
            {
                throw new InvalidInvoiceException("a tagged field's header is cut short");
            }
            var tag = words[position];
            var length = (words[position + 1] << 5) | words[position + 2];
            position += 3;
            if (position + length > words.Length)
            {
                throw new InvalidInvoiceException($"the '{Bolt11Tag.Letter(tag)}' field runs into the signature");
            }
            Apply(fields, seen, tag, words.Slice(position, length));
            position += length;
        }
        return fields;
    }

    private static void Apply(Bolt11Fields fields, HashSet<byte> seen, byte tag, ReadOnlySpan<byte> data)
    {
        switch (tag)
        {
            case Bolt11Tag.PaymentHash when data.Length == HashWords:
                fields.PaymentHash = Once(seen, tag, Hex(data));
                break;
            case Bolt11Tag.PaymentSecret when data.Length == HashWords:
                fields.PaymentSecret = Once(seen, tag, Hex(data));
                break;
            case Bolt11Tag.DescriptionHash when data.Length == HashWords:
                fields.DescriptionHash = Once(seen, tag, Hex(data));
                break;
            case Bolt11Tag.PayeeNodeId when data.Length == NodeIdWords:
                fields.PayeeNodeId = Once(seen, tag, Hex(data));
                break;
            case Bolt11Tag.Description:
                fields.Description = Once(seen, tag, Utf8(data));
                break;
            case Bolt11Tag.Metadata:
                fields.PaymentMetadata = Once(seen, tag, Hex(data));
                break;
            case Bolt11Tag.Expiry:
                fields.ExpirySeconds = Once(seen, tag, Number(data, "expiry"));
                break;
            case Bolt11Tag.MinFinalCltvExpiry:
                var cltv = Number(data, "min_final_cltv_expiry");
                fields.MinFinalCltvExpiry = Once(seen, tag, cltv <= int.MaxValue ? (int)cltv
                    : throw new InvalidInvoiceException("min_final_cltv_expiry is out of range"));
                break;
            case Bolt11Tag.Features:
                fields.Features = Once(seen, tag, Features(data));
                break;
            case Bolt11Tag.Fallback when data.Length > 0:
                var program = FiveBitWords.ToBytes(data[1..], padLastByte: false);
                if (Bolt11Fallback.IsWellFormed(data[0], program.Length))
                {
                    fields.Fallbacks.Add(new Bolt11Fallback(data[0], Convert.ToHexStringLower(program)));
                }
                break;
            case Bolt11Tag.RouteHint:
                var bytes = FiveBitWords.ToBytes(data, padLastByte: false);
                if (bytes.Length > 0 && bytes.Length % Bolt11RouteHop.Size == 0)
                {
                    fields.RouteHints.Add([.. bytes.Chunk(Bolt11RouteHop.Size).Select(Hop)]);
                }
                break;
        }
    }

    private static T Once<T>(HashSet<byte> seen, byte tag, T value) =>
        seen.Add(tag) ? value : throw new InvalidInvoiceException($"more than one '{Bolt11Tag.Letter(tag)}' field");

    private static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(FiveBitWords.ToBytes(data, padLastByte: false));

    private static string Utf8(ReadOnlySpan<byte> data)
    {
        try
        {
            return StrictUtf8.GetString(FiveBitWords.ToBytes(data, padLastByte: false));
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInvoiceException("the description is not valid UTF-8");
        }
    }

    private static ulong Number(ReadOnlySpan<byte> data, string name) =>
        data.Length <= MaxNumberWords ? FiveBitWords.ToNumber(data) : throw new InvalidInvoiceException($"{name} is out of range");

    private static Bolt11Features? Features(ReadOnlySpan<byte> data)
    {
        var features = Bolt11Features.FromWords(data);
        foreach (var bit in features.Bits)
        {
            if (bit % 2 == 0 && !Bolt11FeatureNames.IsKnown(bit))
            {
                throw new InvalidInvoiceException($"the invoice requires feature bit {bit}, which this node does not understand");
            }
        }
        return features.Bits.Count == 0 ? null : features;
    }

    private static Bolt11RouteHop Hop(byte[] hop) => new(
        Convert.ToHexStringLower(hop.AsSpan(0, 33)),
        BinaryPrimitives.ReadUInt64BigEndian(hop.AsSpan(33)),
        BinaryPrimitives.ReadUInt32BigEndian(hop.AsSpan(41)),
        BinaryPrimitives.ReadUInt32BigEndian(hop.AsSpan(45)),
        BinaryPrimitives.ReadUInt16BigEndian(hop.AsSpan(49)));
}
