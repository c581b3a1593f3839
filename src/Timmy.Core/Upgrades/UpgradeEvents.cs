using Timmy.Core.Events;

namespace Timmy.Core.Upgrades;

/// <summary>The upgrade.* events: the queue's audit trail. Each says which upgrade, its branch and state, and why; the
/// diff itself stays in the table.</summary>
public static class UpgradeEvents
{
    public const string Source = "self-modify";

    public static EventDraft Moved(string type, Upgrade upgrade, string? actor = null) => new(type, Source, new
    {
        upgrade_id = upgrade.Id,
        status = upgrade.Status,
        description = upgrade.Description,
        branch = upgrade.BranchName,
        target_branch = upgrade.TargetBranch,
        files_changed = upgrade.FilesChanged.Count,
        lines_added = upgrade.LinesAdded,
        lines_removed = upgrade.LinesRemoved,
        tests_passed = upgrade.TestResults?.Passed,
        tests = upgrade.TestResults?.Summary,
        approved_by = upgrade.ApprovedBy,
        applied_commit = upgrade.AppliedCommit,
        rollback_commit = upgrade.RollbackCommit,
        reason = upgrade.ErrorMessage,
    })
    { Actor = actor };

    /// <summary>A self-modify run's step, for the page that started it: <paramref name="runId"/> ties them together.</summary>
    public static EventDraft Run(string type, string runId, string message, string? upgradeId = null, string? actor = null) =>
        new(type, Source, new { run_id = runId, message, upgrade_id = upgradeId }) { Actor = actor };
}
