using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timmy.Core.Events;
using Timmy.Core.Upgrades.Git;

namespace Timmy.Core.Upgrades;

/// <summary>Applies approved upgrades in the background, one at a time. The branch must still hold the approved diff;
/// its change is laid onto the target's current tip as one commit (refused when the base moved in a conflicting way),
/// the tests run again on that result in a clean worktree, and only then does the target branch move, from the tip it
/// was checked at. Any failure marks the upgrade failed with the reason and leaves the target branch as it was.</summary>
public sealed class UpgradeApplier(
    UpgradeService upgrades,
    UpgradeApplyQueue queue,
    TestCommandRunner tests,
    TimeProvider time,
    ILogger<UpgradeApplier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.Opened.WaitAsync(stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ApplyAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the start-up after this one fails it: an interrupted apply never half-lands
            }
            catch (Exception e)
            {
                logger.LogError(e, "Applying upgrade {Id} failed unexpectedly", id);
            }
        }
    }

    /// <summary>Applies one approved upgrade now; the outcome is in the returned upgrade (applied or failed).</summary>
    public async Task<Upgrade> ApplyAsync(string id, CancellationToken cancellationToken)
    {
        var upgrade = await upgrades.GetAsync(id, cancellationToken);
        if (!NotStarted(upgrade))
        {
            return upgrade;
        }
        var repository = new UpgradeRepository(upgrade.Repository);
        var previousHead = repository.TipOf(upgrade.TargetBranch);
        if (previousHead is null)
        {
            return await upgrades.FailAsync(upgrade, $"The target branch {upgrade.TargetBranch} does not exist.", cancellationToken);
        }
        try
        {
            upgrade = await upgrades.MoveAsync(upgrade with { ApplyStartedAt = time.GetUtcNow(), PreviousHead = previousHead },
                EventType.UpgradeApplying, null, cancellationToken, expected: NotStarted);
        }
        catch (IllegalUpgradeTransitionException)
        {
            return await upgrades.GetAsync(id, cancellationToken); // another apply began meanwhile (or it was decided)
        }

        CommitAttempt merged;
        TestRunResult result;
        try
        {
            var tip = repository.TipOf(upgrade.BranchName);
            if (tip is null || tip != upgrade.BranchCommit || repository.Diff(upgrade.BaseCommit, tip).Sha256 != upgrade.DiffSha256)
            {
                return await upgrades.FailAsync(upgrade, $"The branch {upgrade.BranchName} changed after approval: it no longer holds the approved diff.", cancellationToken);
            }
            if (!repository.IsAncestor(upgrade.BaseCommit, previousHead))
            {
                return await upgrades.FailAsync(upgrade,
                    $"{upgrade.TargetBranch} was rewritten since the proposal: its base {upgrade.BaseCommit[..12]} is no longer in the branch's history.", cancellationToken);
            }
            merged = repository.SquashOnto(previousHead, upgrade.BranchCommit, UpgradeCommitMessages.Apply(upgrade), time.GetUtcNow());
            if (!merged.Succeeded)
            {
                return await upgrades.FailAsync(upgrade,
                    $"{upgrade.TargetBranch} moved since the proposal and conflicts with it in {string.Join(", ", merged.Conflicts)}.", cancellationToken);
            }
            result = await TestAsync(upgrade, merged.Commit!, cancellationToken);
        }
        catch (GitCommandException e)
        {
            return await upgrades.FailAsync(upgrade, $"Could not prepare the merged result: {e.Message}", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // nothing has moved yet: fail it now rather than leave it applying until the next start-up
            logger.LogError(e, "Applying upgrade {Id} failed unexpectedly", upgrade.Id);
            return await upgrades.FailAsync(upgrade, $"The apply failed unexpectedly: {e.Message}", cancellationToken);
        }
        if (!result.Passed)
        {
            return await upgrades.FailAsync(upgrade with { TestResults = result },
                $"The tests failed on the merged result ({result.Summary}).", cancellationToken);
        }
        Upgrade applied;
        await upgrades.BranchMoves.WaitAsync(CancellationToken.None);
        try
        {
            try
            {
                repository.MoveBranch(upgrade.TargetBranch, previousHead, merged.Commit!, $"timmy: apply upgrade {upgrade.Id}");
            }
            catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
            {
                return await upgrades.FailAsync(upgrade with { TestResults = result }, e.Message, CancellationToken.None);
            }
            applied = await upgrades.MoveAsync(upgrade with
            {
                Status = UpgradeStatus.Applied, AppliedAt = time.GetUtcNow(), AppliedCommit = merged.Commit, TestResults = result,
                WorktreePath = null,
            }, EventType.UpgradeApplied, null, CancellationToken.None);
        }
        finally
        {
            upgrades.BranchMoves.Release();
        }
        await upgrades.CleanUpAsync(upgrade, deleteBranch: false);
        logger.LogInformation("Upgrade {Id} applied to {Branch} as {Commit}", upgrade.Id, upgrade.TargetBranch, merged.Commit);
        return applied;
    }

    /// <summary>Approved, and no apply has begun.</summary>
    internal static bool NotStarted(Upgrade upgrade) => upgrade is { Status: UpgradeStatus.Approved, ApplyStartedAt: null };

    /// <summary>Runs the tests on <paramref name="commit"/> in a worktree of its own, removed afterwards.</summary>
    private async Task<TestRunResult> TestAsync(Upgrade upgrade, string commit, CancellationToken cancellationToken)
    {
        var worktree = Path.Combine(upgrades.Target.WorktreeDirectory, $"apply-{upgrade.Id}");
        try
        {
            await GitWorktrees.RemoveAsync(upgrade.Repository, worktree, cancellationToken);
            await GitWorktrees.AddDetachedAsync(upgrade.Repository, worktree, commit, cancellationToken);
            return await tests.RunAsync(worktree, cancellationToken);
        }
        finally
        {
            await RemoveQuietlyAsync(upgrade.Repository, worktree);
        }
    }

    private async Task RemoveQuietlyAsync(string repository, string worktree)
    {
        try
        {
            await GitWorktrees.RemoveAsync(repository, worktree, CancellationToken.None);
        }
        catch (Exception e) when (e is GitCommandException or IOException)
        {
            logger.LogWarning(e, "Could not remove the apply worktree {Worktree}", worktree);
        }
    }
}
