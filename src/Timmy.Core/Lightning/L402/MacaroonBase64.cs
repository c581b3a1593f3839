namespace Timmy.Core.Lightning.L402;

/// <summary>Base64 as macaroons arrive in it: standard (<c>+/</c>) or URL-safe (<c>-_</c>), with or without padding
/// (go-macaroon and pymacaroons write both).</summary>
public static class MacaroonBase64
{
    /// <summary>Longest text accepted: far above any L402 macaroon, well below what would cost a server anything.</summary>
    public const int MaxLength = 8_192;

    /// <exception cref="MacaroonFormatException">Empty, too long, or not base64.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new MacaroonFormatException("The macaroon is empty.");
        }
        if (text.Length > MaxLength)
        {
            throw new MacaroonFormatException($"The macaroon is longer than {MaxLength} characters.");
        }
        var standard = text.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (standard.Length % 4 == 1 || standard.Contains('='))
        {
            throw new MacaroonFormatException("The macaroon is not valid base64.");
        }
        var padded = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        var bytes = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            throw new MacaroonFormatException("The macaroon is not valid base64.");
        }
        return bytes[..written];
    }
}
