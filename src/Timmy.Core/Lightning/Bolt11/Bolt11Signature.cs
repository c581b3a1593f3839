using System.Text;
using NBitcoin;
using NBitcoin.Secp256k1;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The invoice signature: a recoverable secp256k1 ECDSA signature (64 bytes r‖s, then the recovery id)
/// over SHA-256 of the human-readable part's bytes followed by the data words before the signature, packed into
/// bytes with zero bits padding the last one.</summary>
internal static class Bolt11Signature
{
    public const int Words = 104; // 65 bytes = 520 bits exactly

    public static byte[] MessageHash(string hrp, ReadOnlySpan<byte> signedWords)
    {
        var prefix = Encoding.UTF8.GetBytes(hrp);
        var data = FiveBitWords.ToBytes(signedWords, padLastByte: true);
        return System.Security.Cryptography.SHA256.HashData([.. prefix, .. data]);
    }

    /// <summary>Signs deterministically (RFC 6979, no low-R grinding, as the specification's examples were made), so
    /// the same invoice and key always give the same string.</summary>
    public static byte[] Sign(string hrp, ReadOnlySpan<byte> signedWords, Key key)
    {
        var compact = key.SignCompact(new uint256(MessageHash(hrp, signedWords)), forceLowR: false);
        return [.. compact.Signature, (byte)compact.RecoveryId];
    }

    /// <summary>The compressed key (hex) that made the signature. When the invoice names its payee
    /// (<paramref name="claimedPayee"/>, the <c>n</c> field) the recovered key must be that one.</summary>
    public static string RecoverPayee(string hrp, ReadOnlySpan<byte> signedWords, ReadOnlySpan<byte> signatureWords, string? claimedPayee)
    {
        var signature = FiveBitWords.ToBytes(signatureWords, padLastByte: false);
        int recoveryId = signature[64];
        if (recoveryId > 3)
        {
            throw new InvalidInvoiceException($"signature recovery id {recoveryId} is not 0 to 3");
        }
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(signature.AsSpan(0, 64), recoveryId, out var recoverable)
            || !ECPubKey.TryRecover(Context.Instance, recoverable, MessageHash(hrp, signedWords), out var key))
        {
            throw new InvalidInvoiceException("signature is not recoverable");
        }
        var payee = Convert.ToHexStringLower(key.ToBytes(compressed: true));
        if (claimedPayee is not null && claimedPayee != payee)
        {
            throw new InvalidInvoiceException("signature was not made by the payee node named in the 'n' field");
        }
        return payee;
    }
}
