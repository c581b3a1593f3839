namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The amount in an invoice's human-readable part: a whole number of bitcoin, or of milli-, micro-, nano- or
/// pico-bitcoin with the letter m, u, n or p after it, converted to and from milli-satoshis.</summary>
internal static class Bolt11Amount
{
    private const long MsatPerBitcoin = 100_000_000_000;

    // Largest multiplier first, so formatting finds the shortest form; pico is handled apart (it divides a msat).
    private static readonly (char Letter, long MsatPerUnit)[] Multipliers =
        [('m', 100_000_000), ('u', 100_000), ('n', 100)];

    /// <summary>Milli-satoshis for the text after the currency prefix; null when it is empty (any amount).</summary>
    public static long? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var digits = text.TrimEnd("munp".ToCharArray());
        var suffix = text[digits.Length..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            var last = text[^1];
            throw new InvalidInvoiceException(text.Length > 1 && text[..^1].All(char.IsAsciiDigit) && char.IsAsciiLetter(last)
                ? $"invalid amount multiplier '{last}'"
                : "malformed amount");
        }
        if (suffix.Length > 1)
        {
            throw new InvalidInvoiceException("malformed amount");
        }
        if (digits[0] == '0')
        {
            throw new InvalidInvoiceException("amount has a leading zero");
        }
        if (digits.Length > 20)
        {
            throw new InvalidInvoiceException("amount is too large");
        }
        var value = UInt128.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        UInt128 msat;
        if (suffix == "p")
        {
            if (value % 10 != 0)
            {
                throw new InvalidInvoiceException("amount in pico-bitcoin is not a whole number of millisatoshis");
            }
            msat = value / 10;
        }
        else
        {
            msat = value * (UInt128)(suffix.Length == 0 ? MsatPerBitcoin : Multipliers.Single(m => m.Letter == suffix[0]).MsatPerUnit);
        }
        if (msat > long.MaxValue)
        {
            throw new InvalidInvoiceException("amount is too large");
        }
        return (long)msat;
    }

    /// <summary>The shortest text for a positive amount: the largest multiplier that divides it exactly.</summary>
    public static string Format(long msat)
    {
        if (msat % MsatPerBitcoin == 0)
        {
            return (msat / MsatPerBitcoin).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var (letter, perUnit) in Multipliers)
        {
            if (msat % perUnit == 0)
            {
                return (msat / perUnit).ToString(System.Globalization.CultureInfo.InvariantCulture) + letter;
            }
        }
        return ((UInt128)msat * 10).ToString() + "p";
    }
}
