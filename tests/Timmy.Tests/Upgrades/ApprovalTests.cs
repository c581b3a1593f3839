using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Approving needs the second factor (the PIN or the owner password), locks after five wrong answers, and is
/// bound to the diff the reviewer read. A refused approval changes nothing.</summary>
public sealed class ApprovalTests : UpgradeTestBase
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task The_Pin_Approves_AndQueuesTheApply()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        var approved = await H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, UpgradeHarness.Pin, upgrade.DiffSha256, Ct);

        Assert.Equal(UpgradeStatus.Approved, approved.Status);
        var stored = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeHarness.Owner, stored.ApprovedBy);
        Assert.Equal(H.Time.GetUtcNow(), stored.ApprovedAt);
        Assert.True(H.Queue.Reader.TryRead(out var queued));
        Assert.Equal(upgrade.Id, queued);
        Assert.Equal(UpgradeHarness.Owner, Assert.Single(await H.EventsAsync(EventType.UpgradeApproved)).Actor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234")]
    public async Task A_Missing_OrWrong_SecondFactor_IsRefused_AndNothingChanges(string? secret)
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<SecondFactorRefusedException>(() => H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, secret, null, Ct));

        await AssertUntouchedAsync(upgrade);
    }

    [Fact]
    public async Task Without_AnyPinOrPassword_NothingCanBeApproved()
    {
        H.Options.ApprovalPin = null;
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        var refused = await Assert.ThrowsAsync<SecondFactorRefusedException>(() => H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, UpgradeHarness.Pin, null, Ct));

        Assert.Contains("neither is set", refused.Message);
        await AssertUntouchedAsync(upgrade);
    }

    [Fact]
    public async Task The_OwnerPassword_Approves_AndAWrongOneDoesNot()
    {
        H.Options.ApprovalPin = null;
        await H.Passwords.ApplyAsync(Password, cancellationToken: Ct);
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<SecondFactorRefusedException>(() => H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, Password + "!", null, Ct));
        await AssertUntouchedAsync(upgrade);
        var approved = await H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, Password, null, Ct);

        Assert.Equal(UpgradeStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Five_WrongAnswers_LockApprovals_For15Minutes_EvenForTheRightPin()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        for (var i = 0; i < ApprovalSecondFactor.MaxFailures; i++)
        {
            await Assert.ThrowsAsync<SecondFactorRefusedException>(() => H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, "0000", null, Ct));
            H.Time.Advance(TimeSpan.FromSeconds(10));
        }

        await Assert.ThrowsAsync<LimitExceededException>(() => H.ApproveAsync(upgrade.Id));
        await AssertUntouchedAsync(upgrade);
        H.Time.Advance(TimeSpan.FromMinutes(14));
        await Assert.ThrowsAsync<LimitExceededException>(() => H.ApproveAsync(upgrade.Id));

        H.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(UpgradeStatus.Approved, (await H.ApproveAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task Four_WrongAnswers_DoNotLock()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        for (var i = 0; i < ApprovalSecondFactor.MaxFailures - 1; i++)
        {
            await Assert.ThrowsAsync<SecondFactorRefusedException>(() => H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, "0000", null, Ct));
        }

        Assert.Equal(UpgradeStatus.Approved, (await H.ApproveAsync(upgrade.Id)).Status);
    }

    [Fact]
    public async Task A_ReviewedDiffHash_ThatIsNotTheProposedOne_IsRefused()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);

        await Assert.ThrowsAsync<UpgradeChangedException>(() =>
            H.Service.ApproveAsync(upgrade.Id, UpgradeHarness.Owner, UpgradeHarness.Pin, new string('0', 64), Ct));

        await AssertUntouchedAsync(upgrade);
    }

    [Fact]
    public async Task A_Branch_Changed_BeforeApproval_IsRefused()
    {
        var upgrade = await H.ProposeAsync(CalcChanges.WithSub);
        File.WriteAllText(Path.Combine(upgrade.WorktreePath!, "docs", "notes.md"), "changed behind the reviewer's back\n");
        H.Repo.Git("-C", upgrade.WorktreePath!, "commit", "--quiet", "-am", "sneaky");

        await Assert.ThrowsAsync<UpgradeChangedException>(() => H.ApproveAsync(upgrade.Id));

        await AssertUntouchedAsync(upgrade);
    }

    private async Task AssertUntouchedAsync(Upgrade upgrade)
    {
        var stored = await H.GetAsync(upgrade.Id);
        Assert.Equal(UpgradeStatus.Proposed, stored.Status);
        Assert.Null(stored.ApprovedBy);
        Assert.Empty(await H.EventsAsync(EventType.UpgradeApproved));
        Assert.False(H.Queue.Reader.TryRead(out _));
    }
}
