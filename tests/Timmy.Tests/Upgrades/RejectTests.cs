using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Rejecting ends a proposal and removes its branch and worktree.</summary>
public sealed class RejectTests : UpgradeTestBase
{
    [Fact]
    public async Task Rejecting_RemovesTheBranchAndWorktree_AndLogsIt()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        Assert.True(Directory.Exists(upgrade.WorktreePath));

        var rejected = await H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, " not now ", Ct);

        Assert.Equal(UpgradeStatus.Rejected, rejected.Status);
        var stored = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Rejected, stored.Status);
        Assert.Equal(UpgradeHarness.Owner, stored.RejectedBy);
        Assert.Equal("not now", stored.ErrorMessage);
        Assert.Null(stored.WorktreePath);
        Assert.False(H.Repo.HasBranch(upgrade.BranchName));
        Assert.False(Directory.Exists(upgrade.WorktreePath));
        Assert.DoesNotContain(upgrade.WorktreePath!, H.Repo.Git("worktree", "list"));
        var rejectedEvent = Assert.Single(await H.EventsAsync(EventType.UpgradeRejected));
        Assert.Equal(UpgradeHarness.Owner, rejectedEvent.Actor);
        Assert.Equal(0, await H.Service.PendingCountAsync(Ct));
    }

    [Fact]
    public async Task An_Approved_Upgrade_CannotBe_Rejected()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<IllegalUpgradeTransitionException>(() => H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, null, Ct));

        Assert.Equal(UpgradeStatus.Approved, (await H.GetAsync(upgrade.Id)).Status);
        Assert.True(H.Repo.HasBranch(upgrade.BranchName));
        Assert.Empty(await H.EventsAsync(EventType.UpgradeRejected));
    }

    [Fact]
    public async Task A_WorktreePath_ThatIsNoWorktree_IsNotDeleted_OnReject()
    {
        var src = Path.Combine(H.Repo.Path, "src");
        var upgrade = await H.ProposeAsync(CalcChanges.Files(CalcChanges.WithSub), claimedWorktree: src);

        await H.Service.RejectAsync(upgrade.Id, UpgradeHarness.Owner, null, Ct);

        Assert.Equal(UpgradeStatus.Rejected, (await H.GetAsync(upgrade.Id)).Status);
        Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        Assert.True(File.Exists(Path.Combine(H.Repo.Path, "tests", "run.sh")));
    }
}
