using Microsoft.Playwright;
using Timmy.Core.Upgrades;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Upgrades.Fakes;

namespace Timmy.E2E;

/// <summary>The upgrade queue from the owner's side, over a throwaway repository: a proposal listed with the navigation's
/// count, its diff read unified and side by side, a wrong PIN refused with nothing changed, the right PIN approving it
/// until it is applied (the page following live) and the count gone, then rolled back; another proposal rejected into the history.</summary>
public sealed class UpgradeQueueFlowTests(UpgradeBrowserFixture fixture) : IClassFixture<UpgradeBrowserFixture>
{
    [Fact]
    public async Task Proposal_ReviewedThenApprovedWithThePin_IsAppliedAndLeavesTheBadge()
    {
        var upgrade = await fixture.ProposeAsync("timmy/double", "Add a double function");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);

        await page.GotoAsync("/self-modify/queue");
        var item = page.Locator($"[data-upgrade-item='{upgrade.Id}']");
        await Assertions.Expect(item).ToContainTextAsync("2 passed, 0 failed");
        await Assertions.Expect(page.Locator("nav.nav [data-upgrades-badge]")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(page, "upgrades-queue-1280");

        await item.GetByRole(AriaRole.Link, new() { Name = "View diff" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-diff-file='src/calc.sh'] tr[data-kind='added']").First).ToContainTextAsync("double()");
        await BrowserFixture.ScreenshotAsync(page, "upgrade-diff-unified-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = "Side by side" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-diff-file='src/calc.sh'] .diff-table.split td[data-change='inserted']").First).ToBeVisibleAsync();
        await PageFitTests.AssertFitsAsync(page, 1280);
        await BrowserFixture.ScreenshotAsync(page, "upgrade-diff-split-1280");
        await page.SetViewportSizeAsync(390, 844);
        await PageFitTests.AssertFitsAsync(page, 390);
        await BrowserFixture.ScreenshotAsync(page, "upgrade-diff-split-390");
        await page.SetViewportSizeAsync(1280, 800);

        var pin = page.GetByLabel("Owner password or approval PIN to approve Add a double function");
        await pin.FillAsync("0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-upgrade-notice]")).ToContainTextAsync("Not approved");
        await Assertions.Expect(page.Locator("[data-field='status']")).ToHaveTextAsync("proposed");
        Assert.Equal(UpgradeStatus.Proposed, (await fixture.GetAsync(upgrade.Id))!.Status);

        await pin.FillAsync(UpgradeBrowserFixture.Pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-upgrade-notice]")).ToContainTextAsync("Approved");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Assertions.Expect(page.Locator("[data-field='status']")).ToHaveTextAsync("applied", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-field='applied-commit']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.nav [data-upgrades-badge]")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Contains("double()", fixture.Repository.Git("show", TempGitRepository.Branch + ":src/calc.sh"));
        await BrowserFixture.ScreenshotAsync(page, "upgrade-applied-1280");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back Add a double function" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-upgrade-notice]")).ToContainTextAsync("Rolled back");
        await Assertions.Expect(page.Locator("[data-field='status']")).ToHaveTextAsync("rolled back");
        Assert.DoesNotContain("double()", fixture.Repository.Git("show", TempGitRepository.Branch + ":src/calc.sh"));
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task Proposal_Rejected_LeavesThePendingListForTheHistory()
    {
        var upgrade = await fixture.ProposeAsync("timmy/triple", "Add a triple function", TestProposals.PassingChange("triple"));
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/self-modify/queue");
        var pending = page.Locator($"[data-pending-list] [data-upgrade-item='{upgrade.Id}']");
        await Assertions.Expect(pending).ToBeVisibleAsync();
        await PageFitTests.AssertFitsAsync(page, 390);
        await BrowserFixture.ScreenshotAsync(page, "upgrades-queue-390");
        await pending.GetByLabel("Why reject Add a triple function (optional)").FillAsync("Not this one");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-upgrade-notice]")).ToContainTextAsync("Rejected");
        await Assertions.Expect(pending).ToHaveCountAsync(0);
        var history = page.Locator($"[data-history-list] [data-upgrade-item='{upgrade.Id}']");
        await Assertions.Expect(history).ToHaveAttributeAsync("data-history-status", "rejected");
        await Assertions.Expect(history).ToContainTextAsync("Not this one");
        Assert.False(fixture.Repository.HasBranch("timmy/triple"));
        await BrowserFixture.ScreenshotAsync(page, "upgrades-history-390");
        Assert.Empty(fixture.ConsoleErrors);
    }
}
