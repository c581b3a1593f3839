using Timmy.Core.Upgrades;
using Timmy.Tests.Upgrades.Fakes;
using Timmy.Tests.Upgrades.Harness;

namespace Timmy.Tests.Upgrades;

/// <summary>Which repository upgrades change, where their worktrees go, and the clear refusal when there is none.</summary>
public sealed class UpgradeTargetTests : UpgradeTestBase
{
    [Fact]
    public void The_ConfiguredRepository_IsTheTarget_OnTheBranchHeadIsOn()
    {
        var target = NewTarget(new UpgradesOptions { Repository = H.Repo.Path });

        Assert.Equal(H.Repo.Path, target.Repository);
        Assert.Null(target.Problem);
        Assert.Equal(TempGitRepository.Branch, target.TargetBranch(target.Open()));
        Assert.Equal(Path.Combine(H.Db.Directory, "upgrades", "worktrees"), target.WorktreeDirectory);
    }

    [Fact]
    public void A_ConfiguredFolder_ThatIsNoRepository_IsRefused_ByName()
    {
        var folder = Directory.CreateDirectory(Path.Combine(H.Repo.Root, "plain")).FullName;
        H.Options.Repository = folder;
        var target = NewTarget(H.Options);

        Assert.Null(target.Repository);
        Assert.Contains("Timmy:Upgrades:Repository", target.Problem);
        Assert.Contains(folder, target.Problem);
        Assert.Throws<UpgradeRepositoryUnavailableException>(() => target.Open());
    }

    private UpgradeTarget NewTarget(UpgradesOptions options) => new(new FixedOptionsMonitor<UpgradesOptions>(options), H.Db.Options);
}
