using Timmy.Core.Upgrades;

namespace Timmy.Web.Components.Upgrades;

/// <summary>The queue's lists, read at one moment: proposals waiting for the owner, approved ones being applied (or
/// queued to be), and the history. The page draws it; the live fragment draws the same lists again.</summary>
public sealed record UpgradeQueueModel
{
    public required IReadOnlyList<Upgrade> Pending { get; init; }
    public required IReadOnlyList<Upgrade> Applying { get; init; }
    public required IReadOnlyList<Upgrade> History { get; init; }

    /// <summary>Whether a second factor (owner password or approval PIN) is set up; without one nothing can be approved.</summary>
    public required bool CanApprove { get; init; }

    public required DateTimeOffset Now { get; init; }
}
