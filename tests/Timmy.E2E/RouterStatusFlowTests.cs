using Microsoft.Playwright;
using Timmy.E2E.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.E2E;

public sealed class RouterStatusFlowTests(RouterBrowserFixture fixture) : IClassFixture<RouterBrowserFixture>
{
    [Fact]
    public async Task FailingProvider_CircuitOpensLiveOnTheCard_ThenResetClosesIt()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/router/status");
        var card = page.Locator("[data-provider-card='ollama']");
        var circuit = card.Locator("[data-field='circuit']");
        await Assertions.Expect(page.Locator("[data-router-badge]")).ToHaveTextAsync("live");
        await Assertions.Expect(card.Locator("[data-field='availability']")).ToHaveTextAsync("available: llama3.2 present");
        await Assertions.Expect(circuit).ToHaveTextAsync("circuit closed");
        await Assertions.Expect(page.Locator("[data-field='preferred']")).ToHaveTextAsync("ollama");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        fixture.Ollama.Default = FakeReply.Error(500);
        var calls = fixture.Ollama.ChatRequests;
        for (var i = 0; i < RouterBrowserFixture.CircuitBreakerThreshold; i++)
        {
            // 503 unless a later tier (an in-process model, if one is installed) answers instead.
            var response = await context.APIRequest.PostAsync("/api/v1/router/complete", new() { DataObject = new { prompt = "hello" } });
            Assert.Contains(response.Status, new[] { 200, 503 });
        }
        Assert.Equal(calls + RouterBrowserFixture.CircuitBreakerThreshold, fixture.Ollama.ChatRequests);

        await Assertions.Expect(circuit).ToHaveTextAsync("circuit open");
        await Assertions.Expect(card.Locator("[data-field='availability']")).ToHaveTextAsync($"unavailable: circuit open after {RouterBrowserFixture.CircuitBreakerThreshold} failure(s)");
        await Assertions.Expect(card.Locator("[data-field='half-open']")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("[data-metric='failures']")).ToHaveTextAsync(RouterBrowserFixture.CircuitBreakerThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-field='preferred']")).Not.ToHaveTextAsync("ollama");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await BrowserFixture.ScreenshotAsync(page, "router-circuit-open");

        fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset circuit: ollama" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reset the circuit of ollama" })).ToBeVisibleAsync();
        await Assertions.Expect(circuit).ToHaveTextAsync("circuit closed");
        await Assertions.Expect(card.Locator("[data-field='half-open']")).ToBeHiddenAsync();
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task Chart_FollowsRequestsWithoutAReload()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
        await context.APIRequest.PostAsync("/api/v1/router/providers/ollama/reset");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/router/status");
        await Assertions.Expect(page.Locator("[data-router-badge]")).ToHaveTextAsync("live");
        var history = page.Locator("[data-swap-target='router-history']");
        // What the chart says it shows ("3 requests in the last hour, …"), or its empty note.
        const string said = "() => { const h = document.querySelector(\"[data-swap-target='router-history']\"); return h.querySelector('.chart-plot')?.getAttribute('aria-label') ?? h.textContent.trim(); }";
        var before = await page.EvaluateAsync<string>(said);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var chat = await context.APIRequest.PostAsync("/api/v1/chat", new() { DataObject = new { message = "count me in the chart" } });
        Assert.Equal(200, chat.Status);

        await Assertions.Expect(history.Locator(".router-chart rect").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync($"(before) => ({said})() !== before", before, new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
    }

    [Fact]
    public async Task ChartAndCards_LookRightOnDesktopAndPhone()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        // Whatever another test left behind, the fake answers and the circuit is closed.
        fixture.Ollama.Default = FakeReply.Answer("hello from the fake");
        await context.APIRequest.PostAsync("/api/v1/router/providers/ollama/reset");
        var api = await context.APIRequest.PostAsync("/api/v1/router/complete", new() { DataObject = new { prompt = "hello" } });
        Assert.Equal(200, api.Status);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/router/status?range=6h");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "6h" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator(".router-chart rect").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-router-badge]")).ToHaveTextAsync("live");
        await BrowserFixture.ScreenshotAsync(page, "router-desktop");

        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "router-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the page scrolls sideways on a phone");
        Assert.Empty(fixture.ConsoleErrors);
    }
}
