using Timmy.Core.Upgrades;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>The applier in the background: approvals are applied in turn as they are queued, a failing one does not stop
/// the next, and start-up recovery queues what a restart left approved.</summary>
public sealed class BackgroundApplyTests : UpgradeTestBase
{
    [Fact]
    public async Task Approved_Upgrades_AreApplied_InTurn_EvenAfterOneFails()
    {
        H.Queue.Open(); // as start-up recovery does
        await H.Applier.StartAsync(Ct);
        try
        {
            var broken = await H.ProposeApprovedAsync(CalcChanges.BrokenAdd);
            var notes = await H.ProposeAsync(new Dictionary<string, string> { ["docs/notes.md"] = "# Notes\n\nBetter notes.\n" });
            await H.ApproveAsync(notes.Id);

            await Eventually.TrueAsync(async () => (await H.GetAsync(notes.Id)).Status == UpgradeStatus.Applied, "the second upgrade applied",
                TimeSpan.FromSeconds(60));

            Assert.Equal(UpgradeStatus.Failed, (await H.GetAsync(broken.Id)).Status);
            Assert.Equal("# Notes\n\nBetter notes.\n", H.Repo.Read("docs/notes.md"));
            Assert.Equal(TempGitRepository.Calc, H.Repo.Read(CalcChanges.CalcPath));
        }
        finally
        {
            await H.Applier.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task After_ARestart_AnApprovalLeftWaiting_IsApplied()
    {
        var upgrade = await H.ProposeApprovedAsync(CalcChanges.WithSub);
        Assert.True(H.Queue.Reader.TryRead(out _)); // the stopped server's queue
        await H.Maintenance.RecoverAsync(Ct);

        await H.Applier.StartAsync(Ct);
        try
        {
            await Eventually.TrueAsync(async () => (await H.GetAsync(upgrade.Id)).Status == UpgradeStatus.Applied, "the upgrade applied",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await H.Applier.StopAsync(CancellationToken.None);
        }
        Assert.Equal(CalcChanges.WithSub, H.Repo.Read(CalcChanges.CalcPath));
    }
}
