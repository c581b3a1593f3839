using System.Buffers.Binary;

namespace Timmy.Core.Lightning.L402;

/// <summary>The identifier of an L402 macaroon, as Lightning Labs' aperture encodes it: a big-endian uint16 version
/// (0, the only one defined), the 32-byte payment hash of the invoice that pays for the token, and the 32-byte token
/// id (which names the token's root key, kept on the server).</summary>
public sealed record L402Identifier(ushort Version, byte[] PaymentHash, byte[] TokenId)
{
    public const ushort CurrentVersion = 0;
    public const int HashLength = 32;
    public const int TokenIdLength = 32;
    private const int EncodedLength = 2 + HashLength + TokenIdLength;

    public string PaymentHashHex => Convert.ToHexStringLower(PaymentHash);

    public string TokenIdHex => Convert.ToHexStringLower(TokenId);

    public static L402Identifier Create(byte[] paymentHash, byte[] tokenId)
    {
        if (paymentHash.Length != HashLength || tokenId.Length != TokenIdLength)
        {
            throw new ArgumentException($"A payment hash and a token id are {HashLength} bytes each.");
        }
        return new L402Identifier(CurrentVersion, paymentHash, tokenId);
    }

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, Version);
        PaymentHash.CopyTo(bytes, 2);
        TokenId.CopyTo(bytes, 2 + HashLength);
        return bytes;
    }

    /// <exception cref="MacaroonFormatException">Too short, an unknown version, or the wrong length for version 0.</exception>
    public static L402Identifier Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            throw new MacaroonFormatException("The macaroon's identifier is not an L402 identifier.");
        }
        var version = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        if (version != CurrentVersion)
        {
            throw new MacaroonFormatException($"Unknown L402 identifier version {version}.");
        }
        if (bytes.Length != EncodedLength)
        {
            throw new MacaroonFormatException($"An L402 version 0 identifier is {EncodedLength} bytes (this one is {bytes.Length}).");
        }
        return new L402Identifier(version, bytes[2..(2 + HashLength)].ToArray(), bytes[(2 + HashLength)..].ToArray());
    }
}
