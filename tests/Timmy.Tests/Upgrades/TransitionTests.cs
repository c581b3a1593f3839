using Dapper;
using Microsoft.Data.Sqlite;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>The state machine allows exactly its moves, in code and in SQL: the triggers refuse an illegal move, a row born
/// in any state but proposed, and a change to a stored diff.</summary>
public sealed class TransitionTests : UpgradeTestBase
{
    [Theory]
    [InlineData(UpgradeStatus.Proposed, UpgradeStatus.Approved, true)]
    [InlineData(UpgradeStatus.Proposed, UpgradeStatus.Rejected, true)]
    [InlineData(UpgradeStatus.Proposed, UpgradeStatus.Expired, true)]
    [InlineData(UpgradeStatus.Approved, UpgradeStatus.Applied, true)]
    [InlineData(UpgradeStatus.Approved, UpgradeStatus.Failed, true)]
    [InlineData(UpgradeStatus.Applied, UpgradeStatus.RolledBack, true)]
    [InlineData(UpgradeStatus.Proposed, UpgradeStatus.Applied, false)]
    [InlineData(UpgradeStatus.Rejected, UpgradeStatus.Approved, false)]
    [InlineData(UpgradeStatus.Expired, UpgradeStatus.Approved, false)]
    [InlineData(UpgradeStatus.Approved, UpgradeStatus.Rejected, false)]
    [InlineData(UpgradeStatus.Failed, UpgradeStatus.Approved, false)]
    [InlineData(UpgradeStatus.Applied, UpgradeStatus.Proposed, false)]
    [InlineData(UpgradeStatus.RolledBack, UpgradeStatus.Applied, false)]
    public void The_StateMachine_AllowsOnlyItsMoves(string from, string to, bool allowed) =>
        Assert.Equal(allowed, UpgradeStateMachine.CanMove(from, to));

    [Fact]
    public async Task A_Rejected_Upgrade_CannotBe_Approved()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        await H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, null, Ct);

        await Assert.ThrowsAsync<IllegalUpgradeTransitionException>(() => H.ApproveAsync(upgrade.Id));

        Assert.Equal(UpgradeStatus.Rejected, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task A_Move_FromAStaleRow_IsRefused_NotOverwritten()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        await H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, null, Ct);

        // the row in hand still says proposed
        await Assert.ThrowsAsync<IllegalUpgradeTransitionException>(() => H.Service.MoveAsync(
            upgrade with { Status = UpgradeStatus.Expired, FinishedAt = H.Time.GetUtcNow() }, null, null, Ct));

        Assert.Equal(UpgradeStatus.Rejected, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task Approving_AnApprovedUpgrade_Again_IsRefused_WithoutASecondEvent()
    {
        var approved = await H.ProposeApprovedAsync(CalcChanges.WithSub);

        // as a second approval that read the proposal before the first one landed would write it
        await Assert.ThrowsAsync<IllegalUpgradeTransitionException>(() => H.Service.MoveAsync(
            approved with { ApprovedAt = H.Time.GetUtcNow() }, Timmy.Core.Events.EventType.UpgradeApproved, UpgradeHarness.Owner, Ct));

        Assert.Single(await H.EventsAsync(Timmy.Core.Events.EventType.UpgradeApproved));
    }

    [Fact]
    public async Task Sql_Refuses_Rejected_ToApproved()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        await H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, null, Ct);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
            "UPDATE upgrades SET status = 'approved', approved_at = updated_at, approved_by = 'mallory' WHERE id = @id", upgrade.Id));

        Assert.Contains("illegal upgrade transition", refused.Message);
        Assert.Equal(UpgradeStatus.Rejected, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task Sql_Refuses_Proposed_ToApplied()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("""
            UPDATE upgrades SET status = 'applied', approved_at = updated_at, approved_by = 'mallory', applied_at = updated_at,
                applied_commit = branch_commit WHERE id = @id
            """, upgrade.Id));

        Assert.Contains("illegal upgrade transition", refused.Message);
    }

    [Fact]
    public async Task Sql_Refuses_ARow_BornApplied()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("""
            INSERT INTO upgrades SELECT @id || 'b', 'applied', instruction, description, repository, target_branch,
                branch_name || '-b', base_commit, branch_commit, files_changed, lines_added, lines_removed, diff_preview, diff,
                diff_sha256, test_results, worktree_path, proposed_at, proposed_at, 'mallory', NULL, proposed_at, base_commit,
                branch_commit, NULL, NULL, NULL, NULL, NULL, updated_at
            FROM upgrades WHERE id = @id
            """, upgrade.Id));

        Assert.Contains("an upgrade starts as proposed", refused.Message);
        Assert.Single(await H.Service.ListAsync([], cancellationToken: Ct));
    }

    [Fact]
    public async Task Sql_Refuses_AChange_ToAnApprovedDiff()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
            "UPDATE upgrades SET diff = diff || 'more', approved_by = 'mallory' WHERE id = @id", upgrade.Id));

        Assert.Contains("permanent", refused.Message);
        Assert.Equal(upgrade.Diff, (await H.GetAsync(upgrade.Id)).Diff);
    }

    [Fact]
    public async Task Sql_Refuses_Rewriting_ADecidedUpgrade_OrRestartingAnApply()
    {
        var rejected = await H.ProposeAsync(CalcChanges.WithSub);
        await H.Service.RejectAsync(rejected.Id, UpgradeHarness.Owner, "no", Ct);

        var rewrite = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
            "UPDATE upgrades SET rejected_by = 'mallory', error_message = 'fine' WHERE id = @id", rejected.Id));

        Assert.Contains("is not rewritten", rewrite.Message);
        Assert.Equal(UpgradeHarness.Owner, (await H.GetAsync(rejected.Id)).RejectedBy);
        var approved = await H.ProposeApprovedAsync(CalcChanges.GreetNoted("second"));
        await H.Service.MoveAsync(approved with { ApplyStartedAt = H.Time.GetUtcNow(), PreviousHead = approved.BaseCommit },
            Timmy.Core.Events.EventType.UpgradeApplying, null, Ct, expected: UpgradeApplier.NotStarted);

        var restart = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(
            "UPDATE upgrades SET apply_started_at = NULL WHERE id = @id", approved.Id));

        Assert.Contains("is not rewritten", restart.Message);
    }

    private async Task ExecuteAsync(string sql, string id)
    {
        await using var connection = await H.Db.Connections.OpenAsync(Ct);
        await connection.ExecuteAsync(sql, new { id });
    }
}
