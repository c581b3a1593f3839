using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Hosting;
using Timmy.Core.Upgrades.Git;

namespace Timmy.Core.Upgrades;

/// <summary>At start-up: an apply a crash interrupted is failed, and when it had already moved the target branch, the
/// branch is put back where it was; approved upgrades whose apply never began are queued again; worktrees no open
/// upgrade owns are removed. Then, every <see cref="UpgradesOptions.ExpiryCheckInterval"/>, overdue proposals expire.</summary>
public sealed class UpgradeMaintenance(
    UpgradeService upgrades,
    UpgradeApplyQueue queue,
    IOptionsMonitor<UpgradesOptions> options,
    TimeProvider time,
    ILogger<UpgradeMaintenance> logger) : PeriodicBackgroundService(time, logger)
{
    protected override IReadOnlyList<PeriodicJob> Jobs =>
        [new PeriodicJob("Expiring upgrade proposals", options.CurrentValue.ExpiryCheckInterval, ExpireAsync)];

    /// <summary>Recovery first, so nothing expires or applies before an interrupted apply is dealt with.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Upgrade recovery at start-up failed");
        }
        await base.ExecuteAsync(stoppingToken);
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var expired = await upgrades.ExpireDueAsync(cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("{Count} upgrade proposals expired", expired);
        }
    }

    /// <summary>Fails interrupted applies, prunes strays, then queues the approvals still waiting and opens the queue
    /// (even when recovery failed: the owner's later approvals must still apply).</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            var waiting = new List<string>();
            foreach (var upgrade in await upgrades.Store.ListAsync([UpgradeStatus.Approved], UpgradeService.MaxListLimit, null, cancellationToken))
            {
                if (!upgrade.IsApplying)
                {
                    waiting.Add(upgrade.Id);
                    continue;
                }
                await upgrades.FailAsync(upgrade, "The apply was interrupted (the server stopped). " + RestoreTarget(upgrade), cancellationToken);
            }
            await PruneWorktreesAsync(cancellationToken);
            foreach (var id in Enumerable.Reverse(waiting))
            {
                queue.Enqueue(id); // oldest approval first
            }
        }
        finally
        {
            queue.Open();
        }
    }

    /// <summary>Moves the target branch back to its head before the apply when the apply got as far as moving it; says
    /// what became of the branch.</summary>
    private string RestoreTarget(Upgrade upgrade)
    {
        var unchanged = $"{upgrade.TargetBranch} was not changed.";
        string? tip = null;
        try
        {
            var repository = new UpgradeRepository(upgrade.Repository);
            tip = repository.TipOf(upgrade.TargetBranch);
            if (tip is null || upgrade.PreviousHead is null || tip == upgrade.PreviousHead
                || repository.CommitInfo(tip) is not { } info || !UpgradeCommitMessages.Names(info.Message, upgrade.Id)
                || !info.Parents.SequenceEqual([upgrade.PreviousHead]))
            {
                return unchanged;
            }
            repository.MoveBranch(upgrade.TargetBranch, tip, upgrade.PreviousHead, $"timmy: undo interrupted apply of upgrade {upgrade.Id}");
            return $"Its commit {tip[..12]} was taken off {upgrade.TargetBranch}, which is as it was before.";
        }
        catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
        {
            logger.LogError(e, "Could not restore {Branch} after the interrupted apply of upgrade {Id}", upgrade.TargetBranch, upgrade.Id);
            return tip is null ? unchanged
                : $"{upgrade.TargetBranch} is at {tip[..12]}, which may be its commit, and could not be checked or moved back ({e.Message}); look at it by hand.";
        }
    }

    /// <summary>Removes the worktrees under <see cref="UpgradeTarget.WorktreeDirectory"/> that no open upgrade owns: the
    /// repository's registered ones, and folders git no longer knows that are empty or hold a worktree's <c>.git</c>
    /// file (a folder that is neither, such as the repository's own <c>src</c> when the setting points at it, is never
    /// touched).</summary>
    private async Task PruneWorktreesAsync(CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(upgrades.Target.WorktreeDirectory);
        if (!Directory.Exists(root) || upgrades.Target.Repository is not { } repository)
        {
            return; // no upgrade ever made a worktree here
        }
        var open = (await upgrades.Store.ListAsync([UpgradeStatus.Proposed, UpgradeStatus.Approved], UpgradeService.MaxListLimit, null, cancellationToken))
            .Select(u => u.WorktreePath).OfType<string>().Select(Path.GetFullPath).Select(Path.TrimEndingDirectorySeparator).ToHashSet();
        try
        {
            await GitWorktrees.PruneAsync(repository, cancellationToken);
            var registered = (await GitWorktrees.ListAsync(repository, cancellationToken)).Select(Path.GetFullPath)
                .Where(p => p.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            var leftOver = Directory.EnumerateDirectories(root).Select(Path.GetFullPath).Where(GitWorktrees.LooksLikeWorktree);
            foreach (var stray in registered.Concat(leftOver).Distinct().Where(p => !open.Contains(p)).ToList())
            {
                logger.LogInformation("Removing the stray upgrade worktree {Worktree}", stray);
                await GitWorktrees.RemoveAsync(repository, stray, cancellationToken);
            }
        }
        catch (Exception e) when (e is GitCommandException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Pruning upgrade worktrees failed");
        }
    }
}
