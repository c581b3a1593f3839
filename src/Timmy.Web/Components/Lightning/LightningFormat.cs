using System.Globalization;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Components.Lightning;

/// <summary>How the Lightning pages write directions, states, amounts and addresses, so every part says them the same
/// way (sats with thousands separators, as <see cref="Swarm.SwarmFormat.Sats(long)"/>).</summary>
public static class LightningFormat
{
    public const string Path = "/lightning/ledger";

    public static string EntryUrl(string id) => Path + "/" + Uri.EscapeDataString(id);

    public static string Sats(long sats) => Swarm.SwarmFormat.Sats(sats);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Arrow(string direction) => direction == LedgerDirection.Incoming ? "↓" : "↑";

    /// <summary>"in" or "out", as the table's direction column says it beside the arrow.</summary>
    public static string DirectionWord(string direction) => direction == LedgerDirection.Incoming ? "in" : "out";

    public static string StatusIcon(string status) => status switch
    {
        LedgerStatus.Pending => "⏳",
        LedgerStatus.Settled => "✅",
        LedgerStatus.Failed => "❌",
        LedgerStatus.Expired => "⌛",
        _ => "•",
    };

    /// <summary>An invoice's currency prefix with the chain it names: "bcrt (regtest)".</summary>
    public static string Network(string prefix) => prefix.ToLowerInvariant() switch
    {
        "bc" => "bc (bitcoin)",
        "tb" => "tb (testnet)",
        "tbs" => "tbs (signet)",
        "bcrt" => "bcrt (regtest)",
        "sb" => "sb (simnet)",
        _ => prefix,
    };

    /// <summary>A time span as an invoice's expiry reads: "10 minutes", "1 hour", "7 days".</summary>
    public static string Span(TimeSpan span) => span.TotalMinutes switch
    {
        < 60 => Plural((long)Math.Round(span.TotalMinutes), "minute"),
        < 60 * 24 when span.TotalHours % 1 == 0 => Plural((long)span.TotalHours, "hour"),
        < 60 * 24 => Plural((long)Math.Round(span.TotalMinutes), "minute"),
        _ when span.TotalDays % 1 == 0 => Plural((long)span.TotalDays, "day"),
        _ => Plural((long)Math.Round(span.TotalHours), "hour"),
    };

    /// <summary>The end of a long hex string (hash, key), enough to tell two apart; the whole value goes in a title.</summary>
    public static string Short(string hex) => hex.Length <= 16 ? hex : hex[..8] + "…" + hex[^8..];

    private static string Plural(long n, string unit) => $"{Count(n)} {unit}{(n == 1 ? "" : "s")}";
}
