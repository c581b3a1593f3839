using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Components.Upgrades;

/// <summary>The upgrade.* events in a sentence for the activity feed ("Proposed “Add a greeting”: 2 files, +12 −3, tests
/// 2 passed, 0 failed", "Applied “Add a greeting” as 4b81028"); a self-modify run's steps as the loop wrote them. Null
/// for other events.</summary>
public static class UpgradeEventText
{
    public static string? Describe(EventRecord e)
    {
        var d = e.Data;
        var what = Text(d, "description") is { Length: > 0 } description ? $"“{description}”" : "an upgrade";
        return e.EventType switch
        {
            EventType.UpgradeRunStarted or EventType.UpgradeRunProgress or EventType.UpgradeRunFinished =>
                $"Self-modify: {Text(d, "message") ?? "a step"}",
            EventType.UpgradeProposed =>
                $"Proposed {what}: {UpgradeFormat.Files(Number(d, "files_changed"))}, +{Number(d, "lines_added")} −{Number(d, "lines_removed")}, tests {Text(d, "tests") ?? "not run"}",
            EventType.UpgradeApproved => $"Approved {what}" + (Text(d, "approved_by") is { } by ? $" ({by})" : ""),
            EventType.UpgradeRejected => $"Rejected {what}" + Reason(d),
            EventType.UpgradeExpired => $"{Capital(what)} expired undecided",
            EventType.UpgradeApplying => $"Applying {what}",
            EventType.UpgradeApplied => $"Applied {what}" + (Text(d, "applied_commit") is { } commit ? $" as {UpgradeFormat.Short(commit)}" : ""),
            EventType.UpgradeFailed => $"{Capital(what)} failed to apply" + Reason(d),
            EventType.UpgradeRolledBack => $"Rolled back {what}",
            _ => null,
        };
    }

    private static string Reason(JsonElement d) => Text(d, "reason") is { Length: > 0 } reason ? $": {reason}" : "";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Text(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Number(JsonElement d, string key) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var v) && v.TryGetInt32(out var n) ? n : 0;
}
