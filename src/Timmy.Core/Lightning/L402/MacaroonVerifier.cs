using System.Security.Cryptography;

namespace Timmy.Core.Lightning.L402;

/// <summary>Checks that a macaroon was signed with a root key: recomputes the chain over its identifier and caveats
/// and compares in constant time. Caveats' predicates are the caller's to check; a third-party caveat fails here,
/// since L402 never mints one and this verifier has no discharge macaroons.</summary>
public static class MacaroonVerifier
{
    public static bool HasValidSignature(Macaroon macaroon, ReadOnlySpan<byte> rootKey)
    {
        if (macaroon.Caveats.Any(c => !c.IsFirstParty))
        {
            return false;
        }
        var signature = MacaroonChain.Start(rootKey, macaroon.Identifier);
        foreach (var caveat in macaroon.Caveats)
        {
            signature = MacaroonChain.Extend(signature, caveat.Identifier);
        }
        return CryptographicOperations.FixedTimeEquals(signature, macaroon.Signature);
    }
}
