using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>auto_approve_upgrades approves, as "auto", only proposals whose tests passed and whose diff is small.</summary>
public sealed class AutoApproveTests : UpgradeTestBase
{
    private static readonly TestRunResult FailedTests = new(false, 1, 1, 1, 10, false, TempGitRepository.TestCommand, "1 passed, 1 failed");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        H.Options.AutoApproveUpgrades = true;
    }

    [Fact]
    public async Task A_Small_PassingProposal_IsApproved_ByAuto_AndQueued()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        Assert.Equal(UpgradeStatus.Approved, upgrade.Status);
        var stored = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Approved, stored.Status);
        Assert.Equal(UpgradeService.AutoApprover, stored.ApprovedBy);
        Assert.Equal(UpgradeService.AutoApprover, Assert.Single(await H.EventsAsync(EventType.UpgradeApproved)).Actor);
        Assert.True(H.Queue.Reader.TryRead(out var queued));
        Assert.Equal(upgrade.Id, queued);
        Assert.Contains("Approved-by: auto", H.Repo.Message((await H.ApplyAsync(upgrade.Id)).AppliedCommit!));
    }

    [Fact]
    public async Task A_Proposal_WithFailingTests_StaysProposed()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub, FailedTests);

        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
        Assert.Empty(await H.EventsAsync(EventType.UpgradeApproved));
        Assert.False(H.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_Proposal_OverTheAutoApproveSize_StaysProposed()
    {
        H.Options.AutoApproveMaxChangedLines = 1;
        var twoLines = CalcChanges.WithSub.Replace("greet()", "mul() { echo $(($1 * $2)); }\ngreet()");

        var upgrade = await H.ProposeAsync(twoLines);

        Assert.Equal(2, upgrade.ChangedLines);
        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task A_Proposal_WhoseBranchMovedOn_IsStored_AndWaitsForTheOwner()
    {
        var baseCommit = H.Repo.Head(TempGitRepository.Branch);
        var (commit, worktree) = H.Repo.Propose("upgrade/moved-on", CalcChanges.Files(CalcChanges.WithSub));
        File.WriteAllText(Path.Combine(worktree, "docs", "notes.md"), "one more commit after the tests ran\n");
        H.Repo.Git("-C", worktree, "commit", "--quiet", "-am", "later");

        var upgrade = await H.Service.ProposeAsync(new NewProposal("i", "d", "upgrade/moved-on", baseCommit, commit, TempGitRepository.Branch,
            worktree, UpgradeHarness.PassedTests) { Id = "0190aaaa-0000-7000-8000-000000000001" }, Ct);

        Assert.Equal(UpgradeStatus.Proposed, upgrade.Status);
        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
        Assert.False(H.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Off_NothingIsApproved()
    {
        H.Options.AutoApproveUpgrades = false;

        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        Assert.Equal(UpgradeStatus.Proposed, (await H.GetAsync(upgrade.Id)).Status);
    }
}
