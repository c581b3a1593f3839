using Timmy.Core.Upgrades;

namespace Timmy.Web.Components.Upgrades;

/// <summary>How the upgrade pages write things: addresses, states, short commits and line counts.</summary>
public static class UpgradeFormat
{
    public const string Path = "/self-modify/queue";

    public static string Url(string id) => Path + "/" + Uri.EscapeDataString(id);

    public static string DiffUrl(string id, bool split) => Url(id) + (split ? "?view=split" : "") + "#diff";

    /// <summary>A commit's first 7 hex digits, or "—".</summary>
    public static string Short(string? commit) => commit is { Length: > 7 } ? commit[..7] : commit ?? "—";

    public static string Files(int count) => count == 1 ? "1 file" : $"{count} files";

    public static string Status(Upgrade u) => u.IsApplying ? "applying" : u.Status switch
    {
        UpgradeStatus.RolledBack => "rolled back",
        _ => u.Status,
    };

    public static string StatusIcon(Upgrade u) => u.IsApplying ? "⚙️" : u.Status switch
    {
        UpgradeStatus.Proposed => "📬",
        UpgradeStatus.Approved => "✅",
        UpgradeStatus.Applied => "🚀",
        UpgradeStatus.Failed => "💥",
        UpgradeStatus.Rejected => "🙅",
        UpgradeStatus.Expired => "⌛",
        UpgradeStatus.RolledBack => "⏪",
        _ => "•",
    };

    /// <summary>When it last moved: applied, finished, approved or proposed.</summary>
    public static DateTimeOffset DecidedAt(Upgrade u) => u.AppliedAt ?? u.FinishedAt ?? u.RejectedAt ?? u.ApprovedAt ?? u.ProposedAt;
}
