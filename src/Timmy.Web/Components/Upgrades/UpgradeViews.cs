using Timmy.Core.Events;
using Timmy.Core.SelfModify;
using Timmy.Core.Upgrades;

namespace Timmy.Web.Components.Upgrades;

/// <summary>The upgrade pages' read side: the queue's lists, one upgrade, a self-modify run and the navigation's count.
/// Pages and their fragments both load through here, so a fragment is the page's part, drawn again.</summary>
public sealed class UpgradeViews(UpgradeService upgrades, ApprovalSecondFactor secondFactor, SelfModifyLoop loop, TimeProvider time)
{
    public const int MaxIdLength = 64;
    public const int PendingSize = 50;
    public const int HistorySize = 30;

    /// <summary>The upgrade.* events that change the queue (the run_* ones only tell a run's steps).</summary>
    public static IReadOnlyList<string> QueueEventTypes { get; } =
    [
        EventType.UpgradeProposed, EventType.UpgradeApproved, EventType.UpgradeRejected, EventType.UpgradeExpired,
        EventType.UpgradeApplying, EventType.UpgradeApplied, EventType.UpgradeFailed, EventType.UpgradeRolledBack,
    ];

    public static IReadOnlyList<string> RunEventTypes { get; } = [EventType.UpgradeRunStarted, EventType.UpgradeRunProgress, EventType.UpgradeRunFinished];

    private static readonly string[] HistoryStatuses =
        [UpgradeStatus.Applied, UpgradeStatus.Failed, UpgradeStatus.Rejected, UpgradeStatus.Expired, UpgradeStatus.RolledBack];

    public SelfModifyLoop Loop => loop;

    public async Task<UpgradeQueueModel> QueueAsync(CancellationToken ct) => new()
    {
        Pending = await upgrades.ListAsync([UpgradeStatus.Proposed], PendingSize, cancellationToken: ct),
        Applying = await upgrades.ListAsync([UpgradeStatus.Approved], PendingSize, cancellationToken: ct),
        History = await upgrades.ListAsync(HistoryStatuses, HistorySize, cancellationToken: ct),
        CanApprove = await secondFactor.IsAvailableAsync(ct),
        Now = time.GetUtcNow(),
    };

    /// <summary>One upgrade, or null for an unknown (or impossibly long) id.</summary>
    public async Task<Upgrade?> UpgradeAsync(string? id, CancellationToken ct) =>
        id is { Length: > 0 and <= MaxIdLength } ? await upgrades.Store.GetAsync(id, ct) : null;

    public Task<bool> CanApproveAsync(CancellationToken ct) => secondFactor.IsAvailableAsync(ct);

    public Task<int> PendingCountAsync(CancellationToken ct) => upgrades.PendingCountAsync(ct);

    /// <summary>The run the address names (null when unknown), or without one the run going on now.</summary>
    public SelfModifyRun? Run(string? runId) => string.IsNullOrEmpty(runId) ? loop.Current : runId.Length <= MaxIdLength ? loop.Get(runId) : null;

    public DateTimeOffset Now => time.GetUtcNow();
}
