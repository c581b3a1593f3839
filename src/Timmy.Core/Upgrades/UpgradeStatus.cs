namespace Timmy.Core.Upgrades;

/// <summary>Where an upgrade stands in the queue. Proposed waits for the owner; rejected, expired, failed and rolled back
/// are final; applied can still be rolled back.</summary>
public static class UpgradeStatus
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Applied = "applied";
    public const string Failed = "failed";
    public const string RolledBack = "rolled_back";

    public static IReadOnlyList<string> All { get; } = [Proposed, Approved, Rejected, Expired, Applied, Failed, RolledBack];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);

    /// <summary>Decided and done with: the queue's history.</summary>
    public static bool IsHistory(string value) => value is Rejected or Expired or Applied or Failed or RolledBack;
}
