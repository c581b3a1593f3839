namespace Timmy.Core.Lightning.Bolt11;

/// <summary>Turns an untrusted string into a <see cref="Bolt11Invoice"/>, or refuses it with
/// <see cref="InvalidInvoiceException"/> saying why.</summary>
internal static class Bolt11Decoder
{
    /// <summary>The longest string accepted: more than any invoice a real node writes, so anything longer is refused
    /// before any work is done on it.</summary>
    public const int MaxLength = 7089;

    private const string UriScheme = "lightning:";
    private const int TimestampWords = 7;

    // The latest instant DateTimeOffset can hold, in Unix seconds: an expiry reaching past it is refused.
    private static readonly long LatestSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static Bolt11Invoice Decode(string? input)
    {
        var text = Normalize(input);
        var (hrp, words) = Bech32.Decode(text);
        var (network, amountMsat) = ReadHumanReadablePart(hrp);
        if (words.Length < TimestampWords + Bolt11Signature.Words)
        {
            throw new InvalidInvoiceException("too short to hold a timestamp and a signature");
        }
        var signed = words.AsSpan(0, words.Length - Bolt11Signature.Words);
        var seconds = (long)FiveBitWords.ToNumber(signed[..TimestampWords]);
        var fields = Bolt11FieldReader.Read(signed[TimestampWords..]);
        var payee = Bolt11Signature.RecoverPayee(hrp, signed, words.AsSpan(signed.Length), fields.PayeeNodeId);

        var paymentHash = fields.PaymentHash ?? throw new InvalidInvoiceException("no payment hash ('p' field)");
        if (fields.Description is null && fields.DescriptionHash is null)
        {
            throw new InvalidInvoiceException("neither a description ('d') nor a description hash ('h')");
        }
        var expirySeconds = fields.ExpirySeconds ?? 3600;
        if (expirySeconds > (ulong)(LatestSeconds - seconds))
        {
            throw new InvalidInvoiceException("expiry is out of range");
        }
        return new Bolt11Invoice
        {
            Network = network,
            AmountMsat = amountMsat,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds),
            PaymentHash = paymentHash,
            PaymentSecret = fields.PaymentSecret,
            Description = fields.Description,
            DescriptionHash = fields.DescriptionHash,
            PaymentMetadata = fields.PaymentMetadata,
            Expiry = TimeSpan.FromSeconds(expirySeconds),
            MinFinalCltvExpiry = fields.MinFinalCltvExpiry ?? 18,
            Fallbacks = fields.Fallbacks,
            RouteHints = fields.RouteHints,
            Features = fields.Features,
            PayeeNodeId = payee,
            Bolt11 = text,
        };
    }

    /// <summary>Trims, drops a <c>lightning:</c> scheme, bounds the length and checks the characters and their case
    /// (all upper or all lower, as bech32 requires); returns the lower-case form.</summary>
    private static string Normalize(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[UriScheme.Length..];
        }
        if (text.Length == 0)
        {
            throw new InvalidInvoiceException("empty");
        }
        if (text.Length > MaxLength)
        {
            throw new InvalidInvoiceException($"too long ({text.Length} characters; at most {MaxLength})");
        }
        bool upper = false, lower = false;
        foreach (var c in text)
        {
            if (c < 33 || c > 126)
            {
                throw new InvalidInvoiceException("contains a character outside printable ASCII");
            }
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }
        if (upper && lower)
        {
            throw new InvalidInvoiceException("mixes upper and lower case");
        }
        return text.ToLowerInvariant();
    }

    private static (string Network, long? AmountMsat) ReadHumanReadablePart(string hrp)
    {
        if (!hrp.StartsWith("ln", StringComparison.Ordinal))
        {
            throw new InvalidInvoiceException("does not start with 'ln'");
        }
        var currencyLength = hrp.AsSpan(2).IndexOfAnyExceptInRange('a', 'z');
        var currency = currencyLength < 0 ? hrp[2..] : hrp.Substring(2, currencyLength);
        if (!Bolt11Networks.IsKnown(currency))
        {
            throw new InvalidInvoiceException(currency.Length <= 8 ? $"unknown currency prefix 'ln{currency}'" : "unknown currency prefix");
        }
        return (currency, Bolt11Amount.Parse(hrp[(2 + currency.Length)..]));
    }
}
