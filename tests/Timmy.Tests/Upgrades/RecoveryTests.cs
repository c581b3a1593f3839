using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Start-up recovery: an apply a crash interrupted is failed and main put back; an approval whose apply never
/// began is queued again; worktrees no open upgrade owns are removed.</summary>
public sealed class RecoveryTests : UpgradeTestBase
{
    private const string Main = TempGitRepository.Branch;

    [Fact]
    public async Task An_InterruptedApply_ThatMovedMain_Fails_AndMainGoesBack()
    {
        var (upgrade, previousHead) = await StartApplyAsync();
        H.Repo.Write(CalcChanges.CalcPath, CalcChanges.WithSub);
        var landed = H.Repo.CommitAll(UpgradeCommitMessages.Apply(upgrade));
        Assert.NotEqual(previousHead, landed);

        await H.Maintenance.RecoverAsync(Ct);

        var failed = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("interrupted", failed.ErrorMessage);
        Assert.Contains(landed[..12], failed.ErrorMessage);
        Assert.Equal(previousHead, H.Repo.Head(Main));
        Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        Assert.False(H.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task An_InterruptedApply_WhoseCommitCannotBeTakenOff_SaysSo()
    {
        var (upgrade, _) = await StartApplyAsync();
        H.Repo.Write(CalcChanges.CalcPath, CalcChanges.WithSub);
        var landed = H.Repo.CommitAll(UpgradeCommitMessages.Apply(upgrade));
        H.Repo.Write("docs/notes.md", "the owner's unsaved work\n");

        await H.Maintenance.RecoverAsync(Ct);

        var failed = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("could not be checked or moved back", failed.ErrorMessage);
        Assert.DoesNotContain("not changed", failed.ErrorMessage);
        Assert.Equal(landed, H.Repo.Head(Main));
        Assert.Equal("the owner's unsaved work\n", H.Repo.Read("docs/notes.md"));
    }

    [Fact]
    public async Task An_InterruptedApply_ThatHadNotMovedMain_Fails_AndMainStays()
    {
        var (upgrade, previousHead) = await StartApplyAsync();

        await H.Maintenance.RecoverAsync(Ct);

        var failed = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("main was not changed", failed.ErrorMessage);
        Assert.Equal(previousHead, H.Repo.Head(Main));
        Assert.False(Directory.Exists(upgrade.WorktreePath));
    }

    [Fact]
    public async Task A_Commit_OnMain_ThatIsNotTheUpgrades_IsLeftAlone()
    {
        var (upgrade, _) = await StartApplyAsync();
        H.Repo.Write("docs/notes.md", "# Notes\n\nThe owner's own edit.\n");
        var owners = H.Repo.CommitAll("The owner's own commit");

        await H.Maintenance.RecoverAsync(Ct);

        Assert.Equal(UpgradeStatus.Failed, (await H.GetAsync(upgrade.Id)).Status);
        Assert.Equal(owners, H.Repo.Head(Main));
    }

    [Fact]
    public async Task An_Approval_WhoseApplyNeverBegan_IsQueuedAgain()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        Assert.True(H.Queue.Reader.TryRead(out _)); // the queue of the server that stopped

        await H.Maintenance.RecoverAsync(Ct);

        Assert.True(H.Queue.Reader.TryRead(out var queued));
        Assert.Equal(upgrade.Id, queued);
        Assert.Equal(UpgradeStatus.Approved, (await H.GetAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task Stray_Worktrees_AreRemoved_AndOpenOnesKept()
    {
        var open = await H.ProposeAsync(CalcChanges.WithSub);
        var registered = Path.Combine(H.Repo.WorktreeDirectory, "apply-crashed");
        H.Repo.Git("worktree", "add", "--quiet", "--detach", registered, Main);
        var forgotten = Path.Combine(H.Repo.WorktreeDirectory, "forgotten");
        H.Repo.Git("worktree", "add", "--quiet", "--detach", forgotten, Main);
        Directory.Delete(Path.Combine(H.Repo.Path, ".git", "worktrees", "forgotten"), recursive: true); // git no longer knows it
        var empty = Directory.CreateDirectory(Path.Combine(H.Repo.WorktreeDirectory, "half-made")).FullName;

        await H.Maintenance.RecoverAsync(Ct);

        Assert.False(Directory.Exists(registered));
        Assert.False(Directory.Exists(forgotten));
        Assert.False(Directory.Exists(empty));
        Assert.DoesNotContain("apply-crashed", H.Repo.Git("worktree", "list"));
        Assert.True(Directory.Exists(open.WorktreePath));
        Assert.Contains(open.WorktreePath!, H.Repo.Git("worktree", "list"));
    }

    [Fact]
    public async Task Folders_ThatAreNoWorktrees_AreNeverRemoved()
    {
        // the setting pointed at a folder with other things in it
        H.Options.WorktreeDirectory = H.Repo.Path;

        await H.Maintenance.RecoverAsync(Ct);

        Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        Assert.True(Directory.Exists(Path.Combine(H.Repo.Path, "tests")));
        Assert.True(Directory.Exists(Path.Combine(H.Repo.Path, ".git")));
    }

    /// <summary>An approved upgrade whose apply had begun (as <see cref="UpgradeApplier"/> records it) when the server
    /// stopped; main's tip at that moment.</summary>
    private async Task<(Upgrade Upgrade, string PreviousHead)> StartApplyAsync()
    {
        var approved = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        Assert.True(H.Queue.Reader.TryRead(out _));
        var previousHead = H.Repo.Head(Main);
        var applying = await H.Service.MoveAsync(approved with { ApplyStartedAt = H.Time.GetUtcNow(), PreviousHead = previousHead }, null, null, Ct,
            UpgradeApplier.NotStarted);
        Assert.True(applying.IsApplying);
        return (applying, previousHead);
    }
}
