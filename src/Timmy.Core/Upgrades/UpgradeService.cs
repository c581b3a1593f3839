using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Storage;
using Timmy.Core.Upgrades.Git;

namespace Timmy.Core.Upgrades;

/// <summary>The upgrade queue: proposals in, the owner's decisions out. Every move goes through
/// <see cref="UpgradeStateMachine"/> and is stored with its upgrade.* event in one transaction; git clean-up (a rejected
/// branch and its worktree) follows the commit. Apply runs in the background (<see cref="UpgradeApplier"/>).</summary>
public sealed class UpgradeService(
    IDbConnectionFactory connections,
    IUpgradeStore store,
    IEventLog events,
    UpgradeTarget target,
    ApprovalSecondFactor secondFactor,
    UpgradeApplyQueue applyQueue,
    IOptionsMonitor<UpgradesOptions> options,
    TimeProvider time,
    ILogger<UpgradeService> logger)
{
    public const string AutoApprover = "auto";
    public const int MaxListLimit = 200;

    public IUpgradeStore Store => store;

    public UpgradeTarget Target => target;

    /// <exception cref="UpgradeNotFoundException"/>
    public async Task<Upgrade> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) ?? throw new UpgradeNotFoundException(id);

    public Task<IReadOnlyList<Upgrade>> ListAsync(IReadOnlyCollection<string> statuses, int limit = 50, string? beforeId = null, CancellationToken cancellationToken = default) =>
        store.ListAsync(statuses, Math.Clamp(limit, 1, MaxListLimit), beforeId, cancellationToken);

    /// <summary>Proposals waiting for the owner: the navigation badge.</summary>
    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) => store.CountAsync(UpgradeStatus.Proposed, cancellationToken);

    /// <summary>Stores the loop's branch as a proposal (its diff read from git, not from the loop) and logs upgrade.proposed;
    /// with auto-approve on, approves it as "auto" when its tests passed and it is small.</summary>
    /// <exception cref="ProposalTooLargeException">Over the size limit; nothing is stored.</exception>
    public async Task<Upgrade> ProposeAsync(NewProposal proposal, CancellationToken cancellationToken = default)
    {
        var repository = target.Open();
        var diff = repository.Diff(proposal.BaseCommit, proposal.BranchCommit);
        var outside = diff.Files.Where(f => PathRules.Check(repository.Path, f, options.CurrentValue.AllowedDirectories, out _) is null).ToList();
        if (outside.Count > 0 || diff.Problems.Count > 0)
        {
            throw new ProposalRefusedException(string.Join("; ", diff.Problems.Concat(outside.Select(f => $"{f} is outside the allowed directories"))));
        }
        var limit = options.CurrentValue.MaxChangedLines;
        if (diff.ChangedLines > limit)
        {
            throw new ProposalTooLargeException(diff.ChangedLines, limit);
        }
        var now = time.GetUtcNow();
        var upgrade = new Upgrade
        {
            Id = proposal.Id, Status = UpgradeStatus.Proposed, Instruction = proposal.Instruction, Description = proposal.Description,
            Repository = repository.Path, TargetBranch = proposal.TargetBranch, BranchName = proposal.BranchName,
            BaseCommit = proposal.BaseCommit, BranchCommit = proposal.BranchCommit, FilesChanged = diff.Files,
            LinesAdded = diff.LinesAdded, LinesRemoved = diff.LinesRemoved, DiffPreview = diff.Preview, Diff = diff.Patch,
            DiffSha256 = diff.Sha256, TestResults = proposal.TestResults, WorktreePath = proposal.WorktreePath,
            ProposedAt = now, UpdatedAt = now,
        };
        await using (var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken))
        {
            await store.InsertAsync(transaction, upgrade, cancellationToken);
            await events.AppendAsync(transaction, UpgradeEvents.Moved(EventType.UpgradeProposed, upgrade, proposal.Actor), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var settings = options.CurrentValue;
        if (settings.AutoApproveUpgrades && upgrade.TestsPassed && upgrade.ChangedLines <= settings.AutoApproveMaxChangedLines)
        {
            try
            {
                upgrade = await ApproveCheckedAsync(upgrade, AutoApprover, cancellationToken);
            }
            catch (UpgradeChangedException e)
            {
                // it is stored: it waits for the owner, who sees why it no longer matches its branch
                logger.LogWarning("Upgrade {Id} was not approved automatically: {Reason}", upgrade.Id, e.Message);
            }
        }
        return upgrade;
    }

    /// <summary>Approves a proposal for the signed-in owner who gave the second factor, bound to the diff the branch holds
    /// now (which must still be the proposed one, and <paramref name="reviewedDiffSha256"/> when the reviewer names the
    /// diff they read), and queues its apply.</summary>
    /// <exception cref="SecondFactorRefusedException"/>
    /// <exception cref="UpgradeChangedException"/>
    /// <exception cref="IllegalUpgradeTransitionException"/>
    public async Task<Upgrade> ApproveAsync(string id, string approver, string? secondFactorSecret, string? reviewedDiffSha256 = null, CancellationToken cancellationToken = default)
    {
        var upgrade = await GetAsync(id, cancellationToken);
        UpgradeStateMachine.EnsureCanMove(upgrade, UpgradeStatus.Approved);
        await secondFactor.VerifyAsync(secondFactorSecret, cancellationToken);
        if (reviewedDiffSha256 is { Length: > 0 } reviewed && !string.Equals(reviewed, upgrade.DiffSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new UpgradeChangedException(id, "the diff you reviewed is not the one proposed; reload it and review again.");
        }
        return await ApproveCheckedAsync(upgrade, approver, cancellationToken);
    }

    /// <summary>Queues the apply of an approved upgrade whose apply has not begun (approval queues it already; this is for
    /// one left waiting, such as after a restart).</summary>
    public async Task<Upgrade> ApplyAsync(string id, CancellationToken cancellationToken = default)
    {
        var upgrade = await GetAsync(id, cancellationToken);
        if (upgrade.Status != UpgradeStatus.Approved)
        {
            throw new IllegalUpgradeTransitionException(id, upgrade.Status, UpgradeStatus.Applied);
        }
        if (!upgrade.IsApplying)
        {
            applyQueue.Enqueue(id);
        }
        return upgrade;
    }

    /// <summary>Rejects a proposal, then deletes its branch and worktree.</summary>
    public async Task<Upgrade> RejectAsync(string id, string actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        var upgrade = await GetAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        var rejected = await MoveAsync(upgrade with
        {
            Status = UpgradeStatus.Rejected, RejectedAt = now, RejectedBy = actor, FinishedAt = now,
            ErrorMessage = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), WorktreePath = null,
        }, EventType.UpgradeRejected, actor, cancellationToken);
        await CleanUpAsync(upgrade, deleteBranch: true);
        return rejected;
    }

    /// <summary>Undoes an applied upgrade with a revert commit on the target branch.</summary>
    /// <exception cref="UpgradeRollbackException">The revert conflicts with later commits, or the branch cannot move.</exception>
    public async Task<Upgrade> RollbackAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await BranchMoves.WaitAsync(cancellationToken);
        try
        {
            var upgrade = await GetAsync(id, cancellationToken);
            UpgradeStateMachine.EnsureCanMove(upgrade, UpgradeStatus.RolledBack);
            var revert = RevertOnTarget(upgrade, actor);
            // The branch has moved: record it whatever happens to the request now.
            return await MoveAsync(upgrade with { Status = UpgradeStatus.RolledBack, RollbackCommit = revert, FinishedAt = time.GetUtcNow() },
                EventType.UpgradeRolledBack, actor, CancellationToken.None);
        }
        finally
        {
            BranchMoves.Release();
        }
    }

    /// <summary>Held while the target branch is moved and the move recorded (apply, rollback), so two never interleave.</summary>
    internal SemaphoreSlim BranchMoves { get; } = new(1, 1);

    private string RevertOnTarget(Upgrade upgrade, string actor)
    {
        var id = upgrade.Id;
        try
        {
            var repository = target.Open();
            var tip = repository.TipOf(upgrade.TargetBranch) ?? throw new UpgradeRollbackException(id, $"the branch {upgrade.TargetBranch} is gone");
            if (!repository.HasCommit(upgrade.AppliedCommit!) || !repository.IsAncestor(upgrade.AppliedCommit!, tip))
            {
                throw new UpgradeRollbackException(id, $"its commit is no longer on {upgrade.TargetBranch}, so there is nothing to revert there.");
            }
            var revert = repository.RevertOnto(upgrade.AppliedCommit!, tip, UpgradeCommitMessages.Rollback(upgrade, actor), time.GetUtcNow());
            if (!revert.Succeeded)
            {
                throw new UpgradeRollbackException(id, $"later commits changed the same lines ({string.Join(", ", revert.Conflicts)}); revert it by hand.");
            }
            repository.MoveBranch(upgrade.TargetBranch, tip, revert.Commit!, $"timmy: roll back upgrade {id}");
            return revert.Commit!;
        }
        catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
        {
            throw new UpgradeRollbackException(id, e.Message);
        }
    }

    /// <summary>Expires the proposals older than <c>upgrade_timeout_hours</c> and cleans up their branches and worktrees.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var upgrade in await store.ProposedBeforeAsync(now - options.CurrentValue.UpgradeTimeout, cancellationToken))
        {
            try
            {
                await MoveAsync(upgrade with
                {
                    Status = UpgradeStatus.Expired, FinishedAt = now, WorktreePath = null,
                    ErrorMessage = $"No decision within {options.CurrentValue.UpgradeTimeoutHours:0.##} hours.",
                }, EventType.UpgradeExpired, null, cancellationToken);
                expired++;
                await CleanUpAsync(upgrade, deleteBranch: true);
            }
            catch (IllegalUpgradeTransitionException)
            {
                // decided meanwhile
            }
        }
        return expired;
    }

    /// <summary>Marks an approved upgrade failed with <paramref name="reason"/> and removes its worktree (the branch stays
    /// for a look).</summary>
    internal async Task<Upgrade> FailAsync(Upgrade upgrade, string reason, CancellationToken cancellationToken)
    {
        var failed = await MoveAsync(upgrade with
        {
            Status = UpgradeStatus.Failed, ErrorMessage = reason, FinishedAt = time.GetUtcNow(), WorktreePath = null,
        }, EventType.UpgradeFailed, null, cancellationToken);
        await CleanUpAsync(upgrade, deleteBranch: false);
        return failed;
    }

    /// <summary>Writes a move and its event in one transaction, when the stored upgrade may make it. A change within a
    /// state (an apply beginning) names the stored upgrade it may change with <paramref name="expected"/> instead, so of
    /// two callers only one makes it.</summary>
    /// <exception cref="IllegalUpgradeTransitionException">The stored upgrade may not make the move (or is not as expected).</exception>
    internal async Task<Upgrade> MoveAsync(Upgrade changed, string? eventType, string? actor, CancellationToken cancellationToken, Func<Upgrade, bool>? expected = null)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var current = await store.GetAsync(transaction, changed.Id, cancellationToken) ?? throw new UpgradeNotFoundException(changed.Id);
        if (expected is null ? !UpgradeStateMachine.CanMove(current.Status, changed.Status) : !expected(current))
        {
            throw new IllegalUpgradeTransitionException(changed.Id, current.Status, changed.Status);
        }
        changed = changed with { UpdatedAt = time.GetUtcNow() };
        if (!await store.UpdateAsync(transaction, changed, cancellationToken))
        {
            throw new IllegalUpgradeTransitionException(changed.Id, current.Status, changed.Status);
        }
        if (eventType is not null)
        {
            await events.AppendAsync(transaction, UpgradeEvents.Moved(eventType, changed, actor), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Removes an upgrade's worktree and, when asked, its branch. Failures are logged: start-up prunes strays.</summary>
    internal async Task CleanUpAsync(Upgrade upgrade, bool deleteBranch)
    {
        if (upgrade.WorktreePath is { } worktree)
        {
            try
            {
                await GitWorktrees.RemoveAsync(upgrade.Repository, worktree, CancellationToken.None);
            }
            catch (Exception e) when (e is GitCommandException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove the worktree {Worktree} of upgrade {Id}", worktree, upgrade.Id);
            }
        }
        if (deleteBranch)
        {
            try
            {
                new UpgradeRepository(upgrade.Repository).DeleteBranch(upgrade.BranchName);
            }
            catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
            {
                logger.LogWarning(e, "Could not delete the branch {Branch} of upgrade {Id}", upgrade.BranchName, upgrade.Id);
            }
        }
    }

    private async Task<Upgrade> ApproveCheckedAsync(Upgrade upgrade, string approver, CancellationToken cancellationToken)
    {
        var repository = new UpgradeRepository(upgrade.Repository);
        var tip = repository.TipOf(upgrade.BranchName);
        if (tip != upgrade.BranchCommit || !SameDiff(repository, upgrade, tip))
        {
            throw new UpgradeChangedException(upgrade.Id, $"the branch {upgrade.BranchName} no longer holds the proposed diff; reject it and run the loop again.");
        }
        var approved = await MoveAsync(upgrade with
        {
            Status = UpgradeStatus.Approved, ApprovedAt = time.GetUtcNow(), ApprovedBy = approver,
        }, EventType.UpgradeApproved, approver, cancellationToken);
        applyQueue.Enqueue(approved.Id);
        return approved;
    }

    /// <summary>Whether the branch at <paramref name="tip"/> still holds the proposed diff; a repository git cannot read
    /// (a lock held, an object gone) counts as no.</summary>
    private static bool SameDiff(UpgradeRepository repository, Upgrade upgrade, string tip)
    {
        try
        {
            return repository.Diff(upgrade.BaseCommit, tip).Sha256 == upgrade.DiffSha256;
        }
        catch (Exception e) when (e is GitCommandException or LibGit2Sharp.LibGit2SharpException)
        {
            return false;
        }
    }
}
