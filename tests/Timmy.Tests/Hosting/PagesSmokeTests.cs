using System.Net;
using System.Text.Json;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Hosting;

public sealed class PagesSmokeTests(PagesSmokeTests.Host host) : IClassFixture<PagesSmokeTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Host : TimmyWebFactory;

    [Theory]
    [InlineData("/", "Mission Control")]
    [InlineData("/swarm/live", "Control room")]
    [InlineData("/swarm/tasks", "Tasks")]
    [InlineData("/swarm/tasks?status=open&agent=forge&q=report", "Tasks")]
    [InlineData("/swarm/tasks?status=nonsense", "Tasks")]
    [InlineData("/marketplace", "Marketplace")]
    [InlineData("/settings/tokens?scope=agents:remote&name=remote-agent", "API tokens")]
    [InlineData("/swarm/events", "Event log")]
    [InlineData("/swarm/events?type=task.*&task_id=t1", "Event log")]
    [InlineData("/settings/tokens", "API tokens")]
    [InlineData("/router/status", "Router")]
    [InlineData("/memory", "Memory")]
    [InlineData("/memory?q=coffee&type=fact&agent=owner&since=2026-01-01&until=2026-12-31", "Memory")]
    [InlineData("/memory?type=nonsense&since=never", "Memory")]
    public async Task Page_SignedIn_RendersWithItsHeading(string path, string heading)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/swarm/live")]
    [InlineData("/swarm/tasks")]
    [InlineData("/swarm/tasks/0190f3c2-0000-7000-8000-000000000000")]
    [InlineData("/marketplace")]
    [InlineData("/swarm/fragments/control-room")]
    [InlineData("/swarm/events")]
    [InlineData("/settings/tokens")]
    [InlineData("/router/status")]
    [InlineData("/memory")]
    [InlineData("/memory/0190f3c2-0000-7000-8000-000000000000")]
    [InlineData("/memory/fragments/results")]
    [InlineData("/memory/fragments/stats")]
    [InlineData("/self-modify/queue")]
    [InlineData("/self-modify/queue/0190f3c2-0000-7000-8000-000000000000")]
    [InlineData("/self-modify/fragments/queue")]
    [InlineData("/self-modify/fragments/badge")]
    public async Task Page_Anonymous_RedirectsToLogin(string path)
    {
        var response = await host.CreateAnonymousClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/swarm/events")]
    [InlineData("/swarm/tasks")]
    [InlineData("/marketplace")]
    [InlineData("/settings/tokens")]
    [InlineData("/router/status")]
    [InlineData("/memory")]
    public async Task Page_WithApiToken_RedirectsToLogin(string path)
    {
        // Tokens are for the API: a page (and its forms) takes only the owner's sign-in cookie.
        var client = await host.CreateOwnerClientAsync();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task OpenApiDocument_TakesATokenOfAnyScope()
    {
        var client = await host.CreateOwnerClientAsync(Timmy.Core.Security.ApiScopes.Chat);

        var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateAnonymousClient().GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task LoginPage_IsOpen()
    {
        var response = await host.CreateAnonymousClient().GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Sign in</h1>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task LoginPage_UsedLinkWithoutPassword_DoesNotSuggestThePassword()
    {
        var html = await host.CreateAnonymousClient().GetStringAsync("/login?error=link", Ct);

        Assert.Contains("Restart Timmy for a new one.", html);
        Assert.DoesNotContain("sign in with the password", html);
    }

    [Fact]
    public async Task UnknownPage_Returns404()
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/no/such/page", Ct)).StatusCode);
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPageWithTheNavigation()
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync("/no/such/page", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not found</h1>", html);
        Assert.Contains("<code>/no/such/page</code>", html);
        Assert.Contains("aria-label=\"Main\"", html);
    }

    [Theory]
    [InlineData("/swarm/tasks/0190f3c2-0000-7000-8000-000000000000")]
    [InlineData("/swarm/tasks/no-such-task")]
    public async Task UnknownTask_ShowsTheNotFoundPage(string path)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/swarm/fragments/control-room", "data-swap=\"open-auctions\"")]
    [InlineData("/swarm/fragments/marketplace", "data-swap=\"marketplace\"")]
    [InlineData("/swarm/fragments/glance", "data-swap=\"swarm-glance\"")]
    public async Task SwarmFragment_SignedIn_RendersItsParts(string path, string expected)
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TaskFragment_UnknownTask_Returns404()
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync("/swarm/fragments/tasks/no-such-task", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiAddress_StillAnswersProblemDetails()
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var response = await browser.GetAsync("/api/v1/no-such-thing", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HomeActivityPanel_IsBoundedWithALinkToLive_LivePanelIsNot()
    {
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var home = WebUtility.HtmlDecode(await browser.GetStringAsync("/", Ct));
        var live = await browser.GetStringAsync("/swarm/live", Ct);

        Assert.Contains("data-bounded", home);
        Assert.Contains("<a href=\"/swarm/live\">See all in the control room →</a>", home);
        Assert.DoesNotContain("data-bounded", live);
    }

    [Fact]
    public async Task Health_IsOpenAndReportsDatabase()
    {
        var response = await host.CreateAnonymousClient().GetAsync("/health", Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.True(body.TryGetProperty("version", out _));
        Assert.True(body.GetProperty("uptime_seconds").GetInt64() >= 0);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateAnonymousClient().GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await host.CreateAnonymousClient().GetAsync("/login", Ct);

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task EventsPage_ShowsListsInDataOneItemALine()
    {
        var client = await host.CreateOwnerClientAsync();
        await client.PostAsync("/api/v1/events", new StringContent("""{"event_type":"system.info","source":"lists","data":{"attempts":[{"provider":"ollama-list-test"},{"provider":"openai-list-test"}],"tags":["alpha-tag","beta-tag"]}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var html = await browser.GetStringAsync("/swarm/events?source=lists", Ct);

        Assert.Contains("<ol class=\"data-list\">", html);
        Assert.Matches(@"<li>\s*<dl class=""data-view""><dt>provider</dt>\s*<dd>\s*ollama-list-test", html);
        Assert.Matches(@"<li>\s*alpha-tag\s*</li>", html);
        Assert.DoesNotContain("[{", html);
    }

    [Fact]
    public async Task EventsPage_ShowsHtmlInDataAsText()
    {
        var client = await host.CreateOwnerClientAsync();
        await client.PostAsync("/api/v1/events", new StringContent("""{"event_type":"system.warning","source":"x","data":{"message":"<script>alert(1)</script>"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var browser = await OwnerBrowserSession.SignInAsync(host);

        var html = await browser.GetStringAsync("/swarm/events", Ct);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }
}
