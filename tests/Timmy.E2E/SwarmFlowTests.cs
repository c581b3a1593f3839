using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E;

/// <summary>The swarm from the owner's side: a task posted in the control room is bid on, won, worked on and answered,
/// live on its page; a running task is cancelled and re-posted; a failed one is re-posted; bad input is refused beside
/// the form.</summary>
public sealed class SwarmFlowTests(SwarmBrowserFixture fixture) : IClassFixture<SwarmBrowserFixture>
{
    [Fact]
    public async Task PostedTask_ShowsItsBidsWinnerAndResult_AsTheyHappen()
    {
        fixture.Ollama.Enqueue(FakeReply.Held("## Findings\n\nThe parser drops the **last token**; see `Lexer.Next`."));
        await using var context = await fixture.NewOwnerContextAsync();

        var (page, _) = await SwarmPages.PostTaskAsync(context, "Debug the failing unit tests in the parser", "500");

        await Assertions.Expect(page.Locator("[data-task-notice]")).ToContainTextAsync("Task posted");
        await BrowserFixture.ScreenshotAsync(page, "swarm-task-bidding");
        // The auction closes once every online persona has bid; the coder wins on price and starts work.
        await Assertions.Expect(page.Locator(".bids-table tr[data-won='true']")).ToHaveAttributeAsync("data-bid", "forge");
        Assert.True(await page.Locator(".bids-table tbody tr").CountAsync() >= 3, "every online persona bids");
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("running");
        await Assertions.Expect(page.Locator("[data-task-waiting]")).ToContainTextAsync("forge is working on it");
        await Assertions.Expect(page.Locator("[data-routing='forge']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "swarm-task-running");

        fixture.Ollama.ReleaseHeld.TrySetResult();

        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("[data-task-result] h2")).ToHaveTextAsync("Findings");
        await Assertions.Expect(page.Locator("[data-task-result] strong")).ToHaveTextAsync("last token");
        await Assertions.Expect(page.Locator(".timeline-step[data-event-type='task.completed']")).ToContainTextAsync("Completed by forge");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel task" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "swarm-task-completed");
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task ControlRoom_ShowsThePostedTask_AndItsWinner_Live()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var room = await context.NewPageAsync();
        await room.GotoAsync("/swarm/live");
        await Assertions.Expect(room.Locator(".activity-panel [data-feed-badge]")).ToHaveTextAsync("live");

        var (_, id) = await SwarmPages.PostTaskAsync(context, "Research the history of the Lightning Network and summarize it");

        var item = room.Locator($".recent-tasks [data-task='{id}']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(item).ToContainTextAsync("echo");
        await Assertions.Expect(room.Locator(".swarm-agents [data-agent='echo'] [data-field='done']")).Not.ToHaveTextAsync("0 done");
        await room.SetViewportSizeAsync(1280, 1100);
        await BrowserFixture.ScreenshotAsync(room, "swarm-control-room", fullPage: false);
    }

    [Fact]
    public async Task RunningTask_Cancelled_ThenRePosted_CompletesAsANewTask()
    {
        fixture.Ollama.Enqueue(FakeReply.Stall());
        await using var context = await fixture.NewOwnerContextAsync();
        var (page, oldId) = await SwarmPages.PostTaskAsync(context, "Summarize the research on solid-state batteries");
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("running");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel task" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-task-notice]")).ToContainTextAsync("Task cancelled");
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator(".timeline-step[data-event-type='task.cancelled']")).ToContainTextAsync("Cancelled by owner");

        await page.GetByRole(AriaRole.Button, new() { Name = "Re-post task" }).ClickAsync();

        await page.WaitForURLAsync(url => SwarmPages.TaskUrl().Match(url) is { Success: true } m && m.Groups["id"].Value != oldId);
        await Assertions.Expect(page.Locator("[data-task-notice]")).ToContainTextAsync("Posted again");
        await Assertions.Expect(page.Locator("[data-link='reposted-from']")).ToHaveAttributeAsync("href", $"/swarm/tasks/{oldId}");
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("[data-task-result]")).ToHaveTextAsync("hello from the fake");
    }

    [Fact]
    public async Task FailedTask_ShowsItsError_AndCanBeRePosted()
    {
        fixture.Ollama.Enqueue(FakeReply.Error(500));
        await using var context = await fixture.NewOwnerContextAsync();
        var (page, _) = await SwarmPages.PostTaskAsync(context, "Forecast next quarter's sales from the dataset");

        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("failed");
        await Assertions.Expect(page.Locator("[data-task-error]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel task" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "swarm-task-failed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Re-post task" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-task-notice]")).ToContainTextAsync("Posted again");
        await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("completed");
    }

    [Fact]
    public async Task PostTask_BadInput_IsRefusedBesideTheForm_AndNothingIsPosted()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/tasks?q=never-posted-marker");
        await Assertions.Expect(page.Locator("[data-tasks-empty]")).ToBeVisibleAsync();
        await page.GotoAsync("/swarm/live");

        await page.GetByLabel("What should the swarm do?").FillAsync("Check the backups never-posted-marker");
        await page.GetByLabel("Max bid in sats (optional)").FillAsync("12.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post task" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-post-errors]")).ToContainTextAsync("The max bid is a whole number of sats");
        await Assertions.Expect(page.GetByLabel("What should the swarm do?")).ToHaveValueAsync("Check the backups never-posted-marker");
        await Assertions.Expect(page.GetByLabel("Max bid in sats (optional)")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.ScreenshotAsync(page, "swarm-post-error", fullPage: false);

        await page.GetByLabel("Max bid in sats (optional)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post task" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-errors]")).ToContainTextAsync("The max bid is a whole number of sats from 1");

        await page.GetByLabel("What should the swarm do?").FillAsync("   ");
        await page.GetByLabel("Max bid in sats (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post task" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-errors]")).ToContainTextAsync("the description is empty");

        await page.GotoAsync("/swarm/tasks?q=never-posted-marker");
        await Assertions.Expect(page.Locator("[data-tasks-empty]")).ToBeVisibleAsync();
    }
}
