using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Core.Upgrades.Git;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>A proposal is read from git and stored with its event; one over the size limit is refused whole.</summary>
public sealed class ProposeTests : UpgradeTestBase
{
    [Fact]
    public async Task A_Proposal_IsStored_AsProposed_WithItsFilesDiffHashAndEvent()
    {
        var proposed = await H.ProposeAsync(CalcChanges.WithSub);

        var stored = await H.GetAsync(proposed.Id);
        Assert.Equal(UpgradeStatus.Proposed, stored.Status);
        Assert.Equal([CalcChanges.CalcPath], stored.FilesChanged);
        Assert.Equal(1, stored.LinesAdded);
        Assert.Equal(0, stored.LinesRemoved);
        Assert.Contains("+sub() { echo $(($1 - $2)); }", stored.Diff);
        Assert.Equal(BranchDiff.HashOf(stored.Diff), stored.DiffSha256);
        Assert.Equal(64, stored.DiffSha256.Length);
        Assert.True(stored.TestsPassed);
        Assert.Equal(H.Time.GetUtcNow(), stored.ProposedAt);
        var proposedEvent = Assert.Single(await H.EventsAsync(EventType.UpgradeProposed));
        Assert.Equal(proposed.Id, proposedEvent.Data.GetProperty("upgrade_id").GetString());
        Assert.Equal("timmy", proposedEvent.Actor);
        Assert.Equal(1, await H.Service.PendingCountAsync(Ct));
    }

    [Fact]
    public async Task A_Proposal_OverMaxChangedLines_IsRefused_AndNothingIsStored()
    {
        H.Options.MaxChangedLines = 3;
        var longer = TempGitRepository.Calc + string.Concat(Enumerable.Range(0, 5).Select(i => $"# note {i}\n"));

        var refused = await Assert.ThrowsAsync<ProposalTooLargeException>(() => H.ProposeAsync(longer));

        Assert.Contains("5", refused.Message);
        Assert.Empty(await H.Service.ListAsync([], cancellationToken: Ct));
        Assert.Empty(await H.EventsAsync(EventType.UpgradeProposed));
    }

    [Fact]
    public async Task The_Same_Branch_CannotBe_Proposed_Twice_While_Open()
    {
        var first = await H.ProposeAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => H.Service.ProposeAsync(new NewProposal(first.Instruction,
            first.Description, first.BranchName, first.BaseCommit, first.BranchCommit, first.TargetBranch, first.WorktreePath!,
            UpgradeHarness.PassedTests) { Id = first.Id + "x" }, Ct));

        Assert.Single(await H.Service.ListAsync([], cancellationToken: Ct));
        Assert.Single(await H.EventsAsync(EventType.UpgradeProposed));
    }

    [Theory]
    [InlineData("README.md", "outside the allowed directories")]
    [InlineData("docs/logo.bin", "is binary")]
    public async Task A_Branch_ThatTouchesWhatNoProposalMay_IsRefused_AndNothingIsStored(string path, string reason)
    {
        var content = path.EndsWith(".bin", StringComparison.Ordinal) ? "PNG\0\0\u0001binary" : "# changed\n";

        var refused = await Assert.ThrowsAsync<ProposalRefusedException>(() => H.ProposeAsync(new Dictionary<string, string> { [path] = content }));

        Assert.Contains(reason, refused.Detail);
        Assert.Empty(await H.Service.ListAsync([], cancellationToken: Ct));
    }
}
