using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>Each page loads only the scripts of its own live parts (and the navigation's, for its count of upgrades waiting),
/// and its rows are there without any script.</summary>
public sealed partial class PageScriptsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/", "ChatPanel.razor.js ActivityPanel.razor.js SummaryCards.razor.js SwarmGlanceCard.razor.js page-actions.js UpgradeNavBadge.razor.js")]
    [InlineData("/swarm/live", "ActivityPanel.razor.js SummaryCards.razor.js ControlRoomPage.razor.js UpgradeNavBadge.razor.js")]
    [InlineData("/swarm/tasks", "UpgradeNavBadge.razor.js")]
    [InlineData("/marketplace", "MarketplacePage.razor.js UpgradeNavBadge.razor.js")]
    [InlineData("/swarm/events", "SummaryCards.razor.js EventsPage.razor.js UpgradeNavBadge.razor.js")]
    [InlineData("/router/status", "RouterStatusPage.razor.js UpgradeNavBadge.razor.js")]
    [InlineData("/settings/tokens", "page-actions.js UpgradeNavBadge.razor.js")]
    [InlineData("/memory", "MemoryPage.razor.js page-actions.js UpgradeNavBadge.razor.js")]
    [InlineData("/lightning/ledger", "LightningLedgerPage.razor.js page-actions.js UpgradeNavBadge.razor.js")]
    [InlineData("/self-modify/queue", "UpgradeQueuePage.razor.js page-actions.js UpgradeNavBadge.razor.js")]
    public async Task Page_LoadsOnlyItsOwnScripts(string path, string expected)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var sources = await page.Locator("script[src]").EvaluateAllAsync<string[]>("(scripts) => scripts.map((s) => s.getAttribute('src'))");

        var names = sources.Select(s => Path.GetFileName(s.Split('?')[0])).Select(WithoutFingerprint).OrderBy(n => n).ToArray();
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderBy(n => n).ToArray(), names);
    }

    [Fact]
    public async Task LivePage_WithoutJavaScript_StillShowsTheNewestActivity()
    {
        await using var context = await fixture.NewOwnerContextAsync(javaScript: false);
        var response = await context.APIRequest.PostAsync("/api/v1/events", new()
        {
            DataObject = new { event_type = "system.info", source = "no-script-test", data = new { message = "Seen without script" } },
        });
        Assert.Equal(201, response.Status);

        var page = await context.NewPageAsync();
        await page.GotoAsync("/swarm/live");

        await Assertions.Expect(page.Locator(".activity-item .activity-desc").First).ToHaveTextAsync("Seen without script");
    }

    // Static assets are served under a fingerprinted name (EventsPage.<hash>.razor.js, feed.<hash>.js).
    private static string WithoutFingerprint(string name) => Fingerprint().Replace(name, "");

    [GeneratedRegex(@"\.[a-z0-9]{10}(?=\.)")]
    private static partial Regex Fingerprint();
}
