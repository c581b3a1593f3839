namespace Timmy.Core.Lightning.Nodes.CoreLightning;

/// <summary>
/// Reads when a BOLT11 invoice was created: the 35-bit Unix time in the first seven bech32 characters after the
/// separator. Core Lightning's invoice listing has no creation time of its own, and this is all of the invoice
/// format we need, so the full codec is not pulled in for it.
/// </summary>
internal static class Bolt11Timestamp
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    public static DateTimeOffset? TryRead(string? bolt11)
    {
        var separator = bolt11?.LastIndexOf('1') ?? -1;
        if (bolt11 is null || separator < 0 || bolt11.Length < separator + 8)
        {
            return null;
        }
        long seconds = 0;
        foreach (var c in bolt11.AsSpan(separator + 1, 7))
        {
            var value = Charset.IndexOf(char.ToLowerInvariant(c));
            if (value < 0)
            {
                return null;
            }
            seconds = (seconds << 5) | (uint)value;
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
