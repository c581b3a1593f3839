using System.Security.Cryptography;
using System.Text;

namespace Timmy.Core.Lightning.L402;

/// <summary>The HMAC-SHA256 chain that signs a macaroon, as libmacaroons computes it: the root key is first derived
/// as HMAC-SHA256(key "macaroons-key-generator", root key), the chain starts at HMAC(derived key, identifier), and each
/// first-party caveat moves it on to HMAC(previous signature, caveat identifier). Third-party caveats are not part of
/// L402 and are not signed here.</summary>
public static class MacaroonChain
{
    private static readonly byte[] KeyGenerator = Encoding.ASCII.GetBytes("macaroons-key-generator");

    public static byte[] DeriveKey(ReadOnlySpan<byte> rootKey) => HMACSHA256.HashData(KeyGenerator, rootKey);

    public static byte[] Start(ReadOnlySpan<byte> rootKey, ReadOnlySpan<byte> identifier) =>
        HMACSHA256.HashData(DeriveKey(rootKey), identifier);

    public static byte[] Extend(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> caveatIdentifier) =>
        HMACSHA256.HashData(signature, caveatIdentifier);
}
