using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Proposals older than upgrade_timeout_hours (24) expire, and their branches and worktrees go with them.</summary>
public sealed class ExpiryTests : UpgradeTestBase
{
    [Fact]
    public async Task A_Proposal_23HoursOld_DoesNotExpire()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        H.Time.Advance(TimeSpan.FromHours(23));

        Assert.Equal(0, await H.Service.ExpireDueAsync(Ct));

        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
        Assert.True(H.Repo.HasBranch(upgrade.BranchName));
        Assert.True(Directory.Exists(upgrade.WorktreePath));
    }

    [Fact]
    public async Task A_Proposal_25HoursOld_Expires_AndItsBranchAndWorktreeGo()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        H.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(1, await H.Service.ExpireDueAsync(Ct));

        var expired = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Expired, expired.Status);
        Assert.Equal(H.Time.GetUtcNow(), expired.FinishedAt);
        Assert.False(H.Repo.HasBranch(upgrade.BranchName));
        Assert.False(Directory.Exists(upgrade.WorktreePath));
        Assert.Single(await H.EventsAsync(EventType.UpgradeExpired));
        Assert.Equal(0, await H.Service.ExpireDueAsync(Ct));
    }

    [Fact]
    public async Task An_Approved_Upgrade_DoesNotExpire()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        H.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await H.Service.ExpireDueAsync(Ct));

        Assert.Equal(UpgradeStatus.Approved, (await H.GetAsync(upgrade.Id)).Status);
    }
}
