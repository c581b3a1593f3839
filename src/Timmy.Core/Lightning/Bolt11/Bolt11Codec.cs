using System.Diagnostics.CodeAnalysis;
using NBitcoin;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>
/// Reads and writes BOLT11 Lightning invoices. Written by hand from the public BOLT #11 specification ("Invoice
/// Protocol for Lightning Payments", lightning/bolts, 11-payment-encoding.md) and checked against every example in
/// it; no BOLT11 library is used. NBitcoin provides the keys and the secp256k1 signatures; bech32 is our own
/// (<see cref="Bech32"/>), because BIP-0173's 90-character limit does not apply to invoices.
/// Decoding takes untrusted text and fails only with <see cref="InvalidInvoiceException"/>.
/// </summary>
public static class Bolt11Codec
{
    /// <summary>Reads an invoice in upper or lower case, with or without a <c>lightning:</c> prefix and surrounding
    /// whitespace, checking its checksum and signature.</summary>
    /// <exception cref="InvalidInvoiceException">The text is not a valid invoice; the message says why.</exception>
    public static Bolt11Invoice Decode(string invoice)
    {
        try
        {
            return Bolt11Decoder.Decode(invoice);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or InvalidOperationException)
        {
            // A safety net: the decoder checks its input itself, and the fuzz tests look for this reason.
            throw new InvalidInvoiceException($"malformed ({e.GetType().Name})", e);
        }
    }

    public static bool TryDecode(
        string invoice, [NotNullWhen(true)] out Bolt11Invoice? decoded, [NotNullWhen(false)] out string? error)
    {
        try
        {
            decoded = Decode(invoice);
            error = null;
            return true;
        }
        catch (InvalidInvoiceException e)
        {
            decoded = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Writes the invoice and signs it with <paramref name="payeeKey"/>. Decoding the result gives back an
    /// equal invoice, with <see cref="Bolt11Invoice.PayeeNodeId"/> the key's public key and
    /// <see cref="Bolt11Invoice.Bolt11"/> the string. The same invoice and key always give the same string.</summary>
    /// <exception cref="ArgumentException">The invoice holds something the format cannot carry; the message names it.</exception>
    public static string Encode(Bolt11Invoice invoice, Key payeeKey) => Bolt11Encoder.Encode(invoice, payeeKey);

    /// <summary><see cref="Encode"/>, returning the invoice with <see cref="Bolt11Invoice.Bolt11"/> and
    /// <see cref="Bolt11Invoice.PayeeNodeId"/> filled in: what decoding the string gives.</summary>
    public static Bolt11Invoice Sign(Bolt11Invoice invoice, Key payeeKey) =>
        invoice with { Bolt11 = Encode(invoice, payeeKey), PayeeNodeId = payeeKey.PubKey.ToHex() };
}
