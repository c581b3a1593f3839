namespace Timmy.Core.Lightning.L402;

/// <summary>A macaroon as libmacaroons defines it: an optional location, an identifier, caveats in order, and the
/// signature that closes the HMAC-SHA256 chain over them (see <see cref="MacaroonChain"/>). It travels in the libmacaroons
/// v2 binary format (<see cref="MacaroonV2Format"/>), base64-encoded (<see cref="MacaroonBase64"/>). No macaroon library
/// is available to this project, so the format is written here by hand to libmacaroons' <c>doc/format.txt</c> (v2) and
/// checked against other implementations' published vectors in the tests.</summary>
public sealed class Macaroon
{
    public const int SignatureLength = 32;

    public Macaroon(string? location, byte[] identifier, IReadOnlyList<MacaroonCaveat> caveats, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(caveats);
        if (signature is not { Length: SignatureLength })
        {
            throw new ArgumentException($"A macaroon's signature is {SignatureLength} bytes.", nameof(signature));
        }
        Location = string.IsNullOrEmpty(location) ? null : location;
        Identifier = identifier;
        Caveats = caveats;
        Signature = signature;
    }

    public string? Location { get; }

    public byte[] Identifier { get; }

    public IReadOnlyList<MacaroonCaveat> Caveats { get; }

    public byte[] Signature { get; }

    /// <summary>The libmacaroons v2 binary form.</summary>
    public byte[] Serialize() => MacaroonV2Format.Write(this);

    /// <summary>Parses the libmacaroons v2 binary form; nothing may follow the signature.</summary>
    /// <exception cref="MacaroonFormatException">The bytes are not one well-formed v2 macaroon.</exception>
    public static Macaroon Deserialize(ReadOnlySpan<byte> bytes) => MacaroonV2Format.Read(bytes);

    /// <summary>The v2 binary form in standard base64 with padding, as L402 sends it.</summary>
    public string ToBase64() => Convert.ToBase64String(Serialize());

    /// <summary>Parses base64 (standard or URL-safe, padded or not) of the v2 binary form.</summary>
    /// <exception cref="MacaroonFormatException">The text is not base64 of one well-formed v2 macaroon.</exception>
    public static Macaroon FromBase64(string text) => Deserialize(MacaroonBase64.Decode(text));

    /// <summary>This macaroon with one more first-party caveat, its signature carried along the chain (what any
    /// holder may do to narrow it, with no key).</summary>
    public Macaroon WithFirstPartyCaveat(string predicate)
    {
        var caveat = MacaroonCaveat.FirstParty(predicate);
        return new Macaroon(Location, Identifier, [.. Caveats, caveat], MacaroonChain.Extend(Signature, caveat.Identifier));
    }
}
