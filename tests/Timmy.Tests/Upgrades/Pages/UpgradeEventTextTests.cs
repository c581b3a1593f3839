using Timmy.Core.Events;
using Timmy.Core.Upgrades;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Upgrades.Pages;

/// <summary>The activity feed says what each upgrade.* event means in a sentence.</summary>
public sealed class UpgradeEventTextTests
{
    private static readonly Upgrade Proposal = new()
    {
        Id = "u1", Status = UpgradeStatus.Proposed, Instruction = "add a greeting", Description = "Add a greeting", Repository = "/repo",
        TargetBranch = "main", BranchName = "timmy/greeting", BaseCommit = new string('a', 40), BranchCommit = new string('b', 40),
        FilesChanged = ["src/a.cs", "src/b.cs"], LinesAdded = 12, LinesRemoved = 3, DiffPreview = "", Diff = "", DiffSha256 = new string('c', 64),
        TestResults = new TestRunResult(true, 0, 2, 0, 1000, false, "bash .ci/run", ""), ProposedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void UpgradeEvents_ReadAsSentences()
    {
        Assert.Equal("Proposed “Add a greeting”: 2 files, +12 −3, tests 2 passed, 0 failed", Say(UpgradeEvents.Moved(EventType.UpgradeProposed, Proposal)));
        Assert.Equal("Approved “Add a greeting” (owner)",
            Say(UpgradeEvents.Moved(EventType.UpgradeApproved, Proposal with { Status = UpgradeStatus.Approved, ApprovedBy = "owner" })));
        Assert.Equal("Applied “Add a greeting” as 4b81028",
            Say(UpgradeEvents.Moved(EventType.UpgradeApplied, Proposal with { Status = UpgradeStatus.Applied, AppliedCommit = "4b81028" + new string('0', 33) })));
        Assert.Equal("Rejected “Add a greeting”: not now",
            Say(UpgradeEvents.Moved(EventType.UpgradeRejected, Proposal with { Status = UpgradeStatus.Rejected, ErrorMessage = "not now" })));
        Assert.Equal("“Add a greeting” failed to apply: tests failed",
            Say(UpgradeEvents.Moved(EventType.UpgradeFailed, Proposal with { Status = UpgradeStatus.Failed, ErrorMessage = "tests failed" })));
        Assert.Equal("Self-modify: reading 2 files", Say(UpgradeEvents.Run(EventType.UpgradeRunProgress, "r1", "reading 2 files")));
    }

    private static string Say(EventDraft draft) =>
        ActivityDescription.For(new EventRecord(1, draft.EventType, draft.Source, draft.TaskId, draft.AgentId, EventSanitizer.Data(draft.Data), DateTimeOffset.UnixEpoch));
}
