using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The event log and the navigation read well on a phone (390 px) and on a desktop (1280 px).</summary>
public sealed class EventLogLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/swarm/events")]
    [InlineData("/router/status")]
    [InlineData("/settings/tokens")]
    public async Task Navigation_OnAPhone_ShowsEveryItemWithoutScrolling(string path)
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync(path);

        var rights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('nav.nav .nav-link')].map((a) => a.getBoundingClientRect().right)");
        Assert.Equal(5, rights.Length);
        Assert.All(rights, r => Assert.True(r <= 390, $"a navigation item ends at {r} px, off a 390 px screen"));
        await Assertions.Expect(page.Locator("nav.nav .nav-link.active")).ToBeInViewportAsync();
    }
}
