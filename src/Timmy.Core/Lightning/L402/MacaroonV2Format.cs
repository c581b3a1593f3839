using System.Text;

namespace Timmy.Core.Lightning.L402;

/// <summary>The libmacaroons v2 binary format, written from its specification (libmacaroons <c>doc/format.txt</c>):
/// a version byte 2, then fields of (type varint, length varint, bytes). The header holds an optional location (1) and
/// the identifier (2), closed by an end-of-section 0; each caveat holds an optional location, its identifier and an
/// optional verification id (4), closed by 0; a further 0 ends the caveats; the signature (6, 32 bytes) comes last.
/// Varints are unsigned LEB128. Reading is strict: fields in this order only, no duplicates, nothing after the
/// signature; any other input is a <see cref="MacaroonFormatException"/>.</summary>
internal static class MacaroonV2Format
{
    public const byte Version = 2;
    private const int EndOfSection = 0;
    private const int LocationField = 1;
    private const int IdentifierField = 2;
    private const int VerificationIdField = 4;
    private const int SignatureField = 6;

    public static byte[] Write(Macaroon macaroon)
    {
        using var output = new MemoryStream();
        output.WriteByte(Version);
        if (macaroon.Location is { } location)
        {
            WriteField(output, LocationField, Encoding.UTF8.GetBytes(location));
        }
        WriteField(output, IdentifierField, macaroon.Identifier);
        output.WriteByte(EndOfSection);
        foreach (var caveat in macaroon.Caveats)
        {
            if (!string.IsNullOrEmpty(caveat.Location))
            {
                WriteField(output, LocationField, Encoding.UTF8.GetBytes(caveat.Location));
            }
            WriteField(output, IdentifierField, caveat.Identifier);
            if (caveat.VerificationId is { } vid)
            {
                WriteField(output, VerificationIdField, vid);
            }
            output.WriteByte(EndOfSection);
        }
        output.WriteByte(EndOfSection);
        WriteField(output, SignatureField, macaroon.Signature);
        return output.ToArray();
    }

    public static Macaroon Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new MacaroonV2Reader(bytes);
        if (reader.ReadByte() != Version)
        {
            throw new MacaroonFormatException("Only libmacaroons v2 binary macaroons are accepted (the first byte must be 2).");
        }
        var location = reader.TryReadField(LocationField, out var loc) ? Utf8(loc, "location") : null;
        if (!reader.TryReadField(IdentifierField, out var identifier))
        {
            throw new MacaroonFormatException("The macaroon has no identifier.");
        }
        reader.ExpectEndOfSection("header");
        var caveats = new List<MacaroonCaveat>();
        while (!reader.TryReadEndOfSection())
        {
            caveats.Add(ReadCaveat(ref reader, caveats.Count));
        }
        if (!reader.TryReadField(SignatureField, out var signature) || signature.Length != Macaroon.SignatureLength)
        {
            throw new MacaroonFormatException($"The macaroon must end with a {Macaroon.SignatureLength}-byte signature.");
        }
        if (!reader.AtEnd)
        {
            throw new MacaroonFormatException("Bytes follow the macaroon's signature.");
        }
        return new Macaroon(location, identifier.ToArray(), caveats, signature.ToArray());
    }

    private static MacaroonCaveat ReadCaveat(ref MacaroonV2Reader reader, int index)
    {
        var location = reader.TryReadField(LocationField, out var loc) ? Utf8(loc, "caveat location") : null;
        if (!reader.TryReadField(IdentifierField, out var identifier))
        {
            throw new MacaroonFormatException($"Caveat {index + 1} has no identifier.");
        }
        byte[]? vid = reader.TryReadField(VerificationIdField, out var v) ? v.ToArray() : null;
        if (location is not null && vid is null)
        {
            throw new MacaroonFormatException($"Caveat {index + 1} is first-party but has a location.");
        }
        reader.ExpectEndOfSection($"caveat {index + 1}");
        return new MacaroonCaveat(identifier.ToArray(), location, vid);
    }

    private static string Utf8(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MacaroonFormatException($"The macaroon's {what} is not UTF-8.");
        }
    }

    private static void WriteField(MemoryStream output, int type, ReadOnlySpan<byte> data)
    {
        WriteVarint(output, (uint)type);
        WriteVarint(output, (uint)data.Length);
        output.Write(data);
    }

    private static void WriteVarint(MemoryStream output, uint value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }
}
