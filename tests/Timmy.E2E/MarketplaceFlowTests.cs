using System.Globalization;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The marketplace: figures that follow the tasks the personas finish, and personas spawned and stopped.</summary>
public sealed class MarketplaceFlowTests(SwarmBrowserFixture fixture) : IClassFixture<SwarmBrowserFixture>
{
    [Fact]
    public async Task Figures_AfterAFewTasks_CountWhatThePersonaWonAndEarned()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var market = await context.NewPageAsync();
        await market.GotoAsync("/marketplace");
        var forge = market.Locator("[data-persona='forge']");
        var completedBefore = Number(await forge.Locator("[data-figure='completed']").InnerTextAsync());
        var earnedBefore = Number(await forge.Locator("[data-figure='earned']").InnerTextAsync());

        long paid = 0;
        foreach (var description in new[] { "Fix the bug in the login function", "Refactor the class and add unit tests", "Debug the compiler exception" })
        {
            var (page, _) = await SwarmPages.PostTaskAsync(context, description);
            await Assertions.Expect(SwarmPages.Status(page)).ToContainTextAsync("completed");
            await Assertions.Expect(page.Locator("[data-field='agent']")).ToHaveTextAsync("forge");
            paid += Number((await page.Locator(".bids-table tr[data-won='true'] td.num").InnerTextAsync()));
            await page.CloseAsync();
        }

        // The open page follows along (agent and task events), and a reload shows the same figures.
        await Assertions.Expect(forge.Locator("[data-figure='completed']")).ToHaveTextAsync((completedBefore + 3).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(forge.Locator("[data-figure='earned']")).ToHaveTextAsync(Sats(earnedBefore + paid));
        await market.ReloadAsync();
        await Assertions.Expect(forge.Locator("[data-figure='completed']")).ToHaveTextAsync((completedBefore + 3).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(forge.Locator("[data-figure='earned']")).ToHaveTextAsync(Sats(earnedBefore + paid));
        await Assertions.Expect(forge.Locator("[data-figure='success']")).ToHaveTextAsync("100 %");
        await BrowserFixture.ScreenshotAsync(market, "marketplace");
    }

    [Fact]
    public async Task Persona_SpawnedAndStopped_JoinsAndLeavesTheSwarm()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/marketplace");
        var lyra = page.Locator("[data-persona='lyra']");
        await Assertions.Expect(lyra).ToHaveAttributeAsync("data-status", "offline");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spawn Lyra" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-marketplace-notice]")).ToContainTextAsync("Started Lyra");
        await Assertions.Expect(lyra).ToHaveAttributeAsync("data-status", "idle");
        var room = await context.NewPageAsync();
        await room.GotoAsync("/swarm/live");
        await Assertions.Expect(room.Locator(".swarm-agents [data-agent='lyra']")).ToHaveAttributeAsync("data-status", "idle");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop Lyra" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-marketplace-notice]")).ToContainTextAsync("Stopped Lyra");
        await Assertions.Expect(lyra).ToHaveAttributeAsync("data-status", "offline");
        // The control room, open all along, hears that she left.
        await Assertions.Expect(room.Locator(".swarm-agents [data-agent='lyra']")).ToHaveAttributeAsync("data-status", "offline");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop Timmy" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task IssueRemoteAgentToken_OpensTheTokenFormWithTheScopeTicked()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/marketplace");

        await page.GetByRole(AriaRole.Link, new() { Name = "Issue a remote-agent token" }).ClickAsync();

        // The address is enough; waiting for the page's load event as well only adds a way to time out on a busy machine.
        await page.WaitForURLAsync("**/settings/tokens?**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByLabel("agents:remote", new() { Exact = false })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("events:read", new() { Exact = false })).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("remote-agent");
    }

    private static long Number(string text) => long.Parse(new string(text.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);

    private static string Sats(long sats) => sats.ToString("N0", CultureInfo.InvariantCulture) + " sats";
}
