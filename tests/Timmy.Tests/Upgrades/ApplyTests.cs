using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Apply lands an approved branch on main as one commit only when the branch still holds the approved diff, the
/// change merges onto main's tip and the tests pass on the result; every other way it fails and main stays put.</summary>
public sealed class ApplyTests : UpgradeTestBase
{
    private TempGitRepository Repo => H.Repo;
    private const string Main = TempGitRepository.Branch;

    [Fact]
    public async Task An_Approved_Upgrade_Applies_AsOneCommitOnMain_NamingItAndItsApprover()
    {
        var before = Repo.Head(Main);
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);

        var applied = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Applied, applied.Status);
        Assert.Equal(applied.AppliedCommit, (await H.GetAsync(upgrade.Id)).AppliedCommit);
        Assert.Equal(before, applied.PreviousHead);
        Assert.Equal(Repo.Head(Main), applied.AppliedCommit);
        Assert.Equal(before, Repo.Git("rev-parse", Main + "^").Trim());
        var message = Repo.Message(applied.AppliedCommit!);
        Assert.Contains(upgrade.Id, message);
        Assert.Contains("Approved-by: " + UpgradeHarness.Owner, message);
        Assert.Equal(CalcChanges.WithSub, Repo.Git("show", Main + ":" + CalcChanges.CalcPath));
        Assert.Equal(CalcChanges.WithSub, Repo.Read(CalcChanges.CalcPath)); // main is checked out: its files came along
        Assert.True(applied.TestsPassed);
        Assert.Equal(2, applied.TestResults!.TestsPassed);
        Assert.Null(applied.WorktreePath);
        Assert.False(Directory.Exists(upgrade.WorktreePath));
        Assert.Single(await H.EventsAsync(EventType.UpgradeApplying));
        Assert.Single(await H.EventsAsync(EventType.UpgradeApplied));
    }

    [Fact]
    public async Task Main_Moved_OnTheSameLines_Fails_AndMainStaysWhereItWas()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.GreetNoted("friendly"));
        Repo.Write(CalcChanges.CalcPath, CalcChanges.GreetNoted("terse"));
        var moved = Repo.CommitAll("Someone else edits greet");

        var failed = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("conflicts", failed.ErrorMessage);
        Assert.Contains(CalcChanges.CalcPath, failed.ErrorMessage);
        Assert.Equal(moved, Repo.Head(Main));
        Assert.Equal(CalcChanges.GreetNoted("terse"), Repo.Read(CalcChanges.CalcPath));
        Assert.Single(await H.EventsAsync(EventType.UpgradeFailed));
        Assert.True(Repo.HasBranch(upgrade.BranchName)); // kept for a look
    }

    [Fact]
    public async Task Main_Moved_Elsewhere_Applies_OnTopOfIt()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        Repo.Write("docs/notes.md", "# Notes\n\nRewritten meanwhile.\n");
        var moved = Repo.CommitAll("Someone else edits the notes");

        var applied = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Applied, applied.Status);
        Assert.Equal(moved, applied.PreviousHead);
        Assert.Equal(moved, Repo.Git("rev-parse", Main + "^").Trim());
        Assert.Equal(CalcChanges.WithSub, Repo.Git("show", Main + ":" + CalcChanges.CalcPath));
        Assert.Equal("# Notes\n\nRewritten meanwhile.\n", Repo.Git("show", Main + ":docs/notes.md"));
    }

    [Fact]
    public async Task A_Branch_Changed_AfterApproval_Fails_AndMainIsUntouched()
    {
        var before = Repo.Head(Main);
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        File.WriteAllText(Path.Combine(upgrade.WorktreePath!, "src", "extra.sh"), "echo sneaked in\n");
        Repo.Git("-C", upgrade.WorktreePath!, "add", "--all");
        Repo.Git("-C", upgrade.WorktreePath!, "commit", "--quiet", "-m", "one more thing");

        var failed = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("changed after approval", failed.ErrorMessage);
        Assert.Equal(before, Repo.Head(Main));
        Assert.False(File.Exists(Path.Combine(Repo.Path, "src", "extra.sh")));
    }

    [Fact]
    public async Task A_Change_ThatBreaksTheTests_Fails_OnTheMergedResult_AndMainIsUntouched()
    {
        var before = Repo.Head(Main);
        // the loop's own run claimed a pass: apply runs the tests again and believes only those
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.BrokenAdd);

        var failed = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("tests failed on the merged result", failed.ErrorMessage);
        Assert.Contains("1 passed, 1 failed", failed.ErrorMessage);
        Assert.False((await H.GetAsync(upgrade.Id)).TestsPassed);
        Assert.Equal(before, Repo.Head(Main));
        Assert.Equal(TempGitRepository.Calc, Repo.Read(CalcChanges.CalcPath));
        Assert.Empty(Directory.EnumerateDirectories(Repo.WorktreeDirectory, "apply-*"));
    }

    [Fact]
    public async Task Applying_Twice_ChangesNothing_TheSecondTime()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        var applied = await H.ApplyAsync(upgrade.Id);

        var again = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(applied.AppliedCommit, again.AppliedCommit);
        Assert.Equal(applied.AppliedCommit, Repo.Head(Main));
        Assert.Single(await H.EventsAsync(EventType.UpgradeApplied));
    }

    [Fact]
    public async Task Two_Applies_AtOnce_LandOneCommit()
    {
        var before = Repo.Head(Main);
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);

        var outcomes = await Task.WhenAll(Task.Run(() => H.ApplyAsync(upgrade.Id)), Task.Run(() => H.ApplyAsync(upgrade.Id)));

        Assert.Contains(outcomes, o => o.Status == UpgradeStatus.Applied);
        var applied = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Applied, applied.Status);
        Assert.Equal(before, Repo.Git("rev-parse", Main + "^").Trim());
        Assert.Equal(applied.AppliedCommit, Repo.Head(Main));
        Assert.Single(await H.EventsAsync(EventType.UpgradeApplying));
        Assert.Single(await H.EventsAsync(EventType.UpgradeApplied));
        Assert.Empty(await H.EventsAsync(EventType.UpgradeFailed));
    }

    [Theory]
    [InlineData("docs/notes.md", "uncommitted changes")] // a tracked file changed
    [InlineData("src/extra.sh", "src/extra.sh exists untracked")] // a file git does not track, where the upgrade adds one
    public async Task The_OwnersWork_InMainsCheckout_FailsTheApply_AndIsKept(string ownersFile, string reason)
    {
        var before = Repo.Head(Main);
        var upgrade = await H.ProposeAsync(new Dictionary<string, string>
        {
            [CalcChanges.CalcPath] = CalcChanges.WithSub, ["src/extra.sh"] = "echo from the upgrade\n",
        });
        await H.ApproveAsync(upgrade.Id);
        Repo.Write(ownersFile, "the owner's own work\n");

        var failed = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains(reason, failed.ErrorMessage);
        Assert.Equal(before, Repo.Head(Main));
        Assert.Equal("the owner's own work\n", Repo.Read(ownersFile));
    }

    [Fact]
    public async Task A_Worktree_ThatCannotBeMade_Fails_TheApply()
    {
        var before = Repo.Head(Main);
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        var file = Path.Combine(H.Repo.Root, "a-file");
        File.WriteAllText(file, "not a folder");
        H.Options.WorktreeDirectory = Path.Combine(file, "worktrees");

        var failed = await H.ApplyAsync(upgrade.Id);

        Assert.Equal(UpgradeStatus.Failed, failed.Status);
        Assert.Contains("Could not prepare the merged result", failed.ErrorMessage);
        Assert.Equal(before, Repo.Head(Main));
        Assert.False((await H.GetAsync(upgrade.Id)).IsApplying);
    }
}
