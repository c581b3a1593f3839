using Timmy.Core.Upgrades;

namespace Timmy.Tests.Upgrades;

/// <summary>A configuration that cannot work is refused at start-up, naming its key.</summary>
public sealed class ValidateUpgradesOptionsTests
{
    [Fact]
    public void The_Defaults_AreValid() =>
        Assert.True(new ValidateUpgradesOptions().Validate(null, new UpgradesOptions()).Succeeded);

    public static TheoryData<Action<UpgradesOptions>, string> Broken => new()
    {
        { o => o.AllowedDirectories = ["src", "../elsewhere"], "Timmy:Upgrades:AllowedDirectories: '../elsewhere'" },
        { o => o.AllowedDirectories = [".git"], "Timmy:Upgrades:AllowedDirectories" },
        { o => o.AllowedDirectories = [], "Timmy:Upgrades:AllowedDirectories must name" },
        { o => o.TestCommand = " ", "Timmy:Upgrades:TestCommand" },
        { o => o.TestTimeout = TimeSpan.Zero, "Timmy:Upgrades:TestTimeout" },
        { o => o.MaxChangedLines = 0, "Timmy:Upgrades:MaxChangedLines" },
        { o => o.UpgradeTimeoutHours = 0, "Timmy:Upgrades:UpgradeTimeoutHours" },
        { o => o.ApprovalPin = "12", "Timmy:Upgrades:ApprovalPin" },
        { o => o.ExpiryCheckInterval = TimeSpan.Zero, "Timmy:Upgrades:ExpiryCheckInterval" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_Broken_Setting_IsRefused_ByItsKey(Action<UpgradesOptions> breakIt, string message)
    {
        var options = new UpgradesOptions();
        breakIt(options);

        var result = new ValidateUpgradesOptions().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }
}
