using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Rollback undoes an applied upgrade with a revert commit on main.</summary>
public sealed class RollbackTests : UpgradeTestBase
{
    private const string Main = TempGitRepository.Branch;

    [Fact]
    public async Task Rolling_Back_CommitsARevertOnMain_ThatRestoresTheFile()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        var applied = await H.ApplyAsync(upgrade.Id);

        var rolledBack = await H.Service.RollbackAsync(upgrade.Id, UpgradeHarness.Owner, Ct);

        Assert.Equal(UpgradeStatus.RolledBack, rolledBack.Status);
        Assert.Equal(UpgradeStatus.RolledBack, (await H.GetAsync(upgrade.Id)).Status);
        Assert.Equal(H.Repo.Head(Main), rolledBack.RollbackCommit);
        Assert.Equal(applied.AppliedCommit, H.Repo.Git("rev-parse", Main + "^").Trim());
        Assert.Equal(TempGitRepository.Calc, H.Repo.Git("show", Main + ":" + CalcChanges.CalcPath));
        Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        Assert.Contains(applied.AppliedCommit!, H.Repo.Message(rolledBack.RollbackCommit!));
        Assert.Equal(UpgradeHarness.Owner, Assert.Single(await H.EventsAsync(EventType.UpgradeRolledBack)).Actor);
    }

    [Fact]
    public async Task Rolling_Back_AfterLaterEditsOfTheSameLines_IsRefused_AndMainStays()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.GreetNoted("friendly"));
        await H.ApplyAsync(upgrade.Id);
        H.Repo.Write(CalcChanges.CalcPath, CalcChanges.GreetNoted("friendlier"));
        var later = H.Repo.CommitAll("A later edit of greet");

        await Assert.ThrowsAsync<UpgradeRollbackException>(() => H.Service.RollbackAsync(upgrade.Id, UpgradeHarness.Owner, Ct));

        Assert.Equal(later, H.Repo.Head(Main));
        Assert.Equal(UpgradeStatus.Applied, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task Rolling_Back_AfterLaterUnrelatedCommits_RevertsOnlyTheUpgrade()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        await H.ApplyAsync(upgrade.Id);
        H.Repo.Write("docs/notes.md", "# Notes\n\nKept.\n");
        var later = H.Repo.CommitAll("A later, unrelated commit");

        var rolledBack = await H.Service.RollbackAsync(upgrade.Id, UpgradeHarness.Owner, Ct);

        Assert.Equal(later, H.Repo.Git("rev-parse", rolledBack.RollbackCommit + "^").Trim());
        Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        Assert.Equal("# Notes\n\nKept.\n", H.Repo.Read("docs/notes.md"));
    }

    [Fact]
    public async Task Rolling_Back_AnUpgrade_NoLongerOnMain_IsRefused()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        var applied = await H.ApplyAsync(upgrade.Id);
        H.Repo.Git("reset", "--quiet", "--hard", applied.PreviousHead!);

        var refused = await Assert.ThrowsAsync<UpgradeRollbackException>(() => H.Service.RollbackAsync(upgrade.Id, UpgradeHarness.Owner, Ct));

        Assert.Contains("no longer on main", refused.Message);
        Assert.Equal(applied.PreviousHead, H.Repo.Head(Main));
        Assert.Equal(UpgradeStatus.Applied, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task A_Proposal_CannotBe_RolledBack()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<IllegalUpgradeTransitionException>(() => H.Service.RollbackAsync(upgrade.Id, UpgradeHarness.Owner, Ct));

        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
    }
}
