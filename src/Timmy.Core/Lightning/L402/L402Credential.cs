using System.Security.Cryptography;

namespace Timmy.Core.Lightning.L402;

/// <summary>What a client presents in <c>Authorization: L402 &lt;base64 macaroon&gt;:&lt;hex preimage&gt;</c> (the L402
/// protocol specification; the scheme is case-insensitive and the older name <c>LSAT</c> is accepted too).</summary>
public sealed record L402Credential(Macaroon Macaroon, L402Identifier Identifier, byte[] Preimage)
{
    public const string Scheme = "L402";
    public const string LegacyScheme = "LSAT";
    public const int PreimageLength = 32;

    /// <summary>Whether the header names the L402 (or LSAT) scheme, whatever follows.</summary>
    public static bool IsL402(string? header) => SchemeLength(header) > 0;

    /// <summary>Parses the header's value.</summary>
    /// <exception cref="MacaroonFormatException">Another scheme, no colon, several macaroons, bad base64, a malformed
    /// macaroon or identifier, or a preimage that is not 64 hex digits.</exception>
    public static L402Credential Parse(string? header)
    {
        var schemeLength = SchemeLength(header);
        if (schemeLength == 0)
        {
            throw new MacaroonFormatException($"The Authorization header must read '{Scheme} <base64 macaroon>:<hex preimage>'.");
        }
        var value = header![schemeLength..].Trim();
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            throw new MacaroonFormatException("The L402 credential must be '<base64 macaroon>:<hex preimage>' (no colon found).");
        }
        var macaroonText = value[..colon].Trim();
        if (macaroonText.Contains(','))
        {
            throw new MacaroonFormatException("Send one macaroon per L402 credential.");
        }
        var macaroon = Macaroon.FromBase64(macaroonText);
        var preimage = ParsePreimage(value[(colon + 1)..].Trim());
        return new L402Credential(macaroon, L402Identifier.Decode(macaroon.Identifier), preimage);
    }

    /// <summary>SHA-256 of the preimage: what the invoice's payment hash must be.</summary>
    public byte[] PreimageHash() => SHA256.HashData(Preimage);

    public string PreimageHex => Convert.ToHexStringLower(Preimage);

    private static byte[] ParsePreimage(string hex)
    {
        if (hex.Length != PreimageLength * 2 || !hex.All(Uri.IsHexDigit))
        {
            throw new MacaroonFormatException($"The preimage must be {PreimageLength * 2} hex digits.");
        }
        return Convert.FromHexString(hex);
    }

    private static int SchemeLength(string? header)
    {
        foreach (var scheme in (ReadOnlySpan<string>)[Scheme, LegacyScheme])
        {
            if (header is not null && header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                && header[scheme.Length] == ' ')
            {
                return scheme.Length + 1;
            }
        }
        return 0;
    }
}
