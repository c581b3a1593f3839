using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Router;
using Timmy.Core.Router.Circuit;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>/router/status through the real host: a fake Ollama first, then an OpenAI tier whose key
/// variable is unset. One failure opens a circuit, so a test can open one with a single call.</summary>
public sealed class RouterStatusPageTests : IAsyncLifetime
{
    private const string Page = "/router/status";
    private FakeOllamaServer _ollama = null!;
    private TimmyWebFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ollama = await FakeOllamaServer.StartNewAsync();
        _factory = new TimmyWebFactory();
        var settings = _factory.Settings;
        settings["Timmy:Router:Retries"] = "0";
        settings["Timmy:Router:CircuitBreakerThreshold"] = "1";
        settings.AddRouterProvider(0, "ollama", "ollama", _ollama.BaseUrl, "llama3.2", 1);
        settings.AddRouterProvider(1, "openai", "openai", null, "gpt-test", 2, "PAGE_TEST_KEY_NOT_SET");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ollama.DisposeAsync();
    }

    [Fact]
    public async Task Page_Owner_ShowsProvidersInPriorityOrderWithTheirState()
    {
        var html = await PageAsync();

        Assert.True(html.IndexOf("<h2 id=\"provider-ollama\">", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"provider-openai\">", StringComparison.Ordinal));
        Assert.Contains("not configured: PAGE_TEST_KEY_NOT_SET is not set", html);
        Assert.Contains("circuit closed", html);
        Assert.Contains("llama3.2</code> (default) · 4,096-token context", html);
        Assert.Contains("data-field=\"preferred\">ollama<", html);
        Assert.Contains("No requests in the last hour.", html);
    }

    [Fact]
    public async Task EnableForm_ProviderWithoutItsKey_SaysWhatIsMissing()
    {
        await _factory.Service<RouterService>().SetEnabledAsync("openai", false, Ct);

        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page, "enable-openai", Ct);

        var html = await PageAsync(response.Headers.Location!.PathAndQuery);
        Assert.Contains("Enabled openai, but it is not configured: PAGE_TEST_KEY_NOT_SET is not set", html);
        Assert.DoesNotContain("the cascade calls it again", html);
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToLogin()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task DisableForm_RedirectsWithNotice_AndPageShowsDisabled()
    {
        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page, "disable-ollama", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/router/status?notice=disable&provider=ollama", response.Headers.Location!.PathAndQuery);
        var html = await PageAsync(response.Headers.Location.PathAndQuery);
        Assert.Contains("Disabled ollama: the cascade passes it by", html);
        Assert.Contains("data-field=\"availability\">disabled: turned off by the owner<", html);
        Assert.Contains("data-field=\"enabled\">no<", html);
        Assert.False(_factory.Service<RouterService>().GetProvider("ollama")!.Enabled);
    }

    [Fact]
    public async Task EnableForm_AfterDisable_EnablesAgain()
    {
        await _factory.Service<RouterService>().SetEnabledAsync("ollama", false, Ct);

        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page, "enable-ollama", Ct);

        Assert.Equal("/router/status?notice=enable&provider=ollama", response.Headers.Location!.PathAndQuery);
        Assert.True(_factory.Service<RouterService>().GetProvider("ollama")!.Enabled);
    }

    [Fact]
    public async Task ResetForm_OpenCircuit_ClosesIt()
    {
        _ollama.Default = FakeReply.Error(500);
        var api = await _factory.CreateOwnerClientAsync();
        await api.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);
        var open = await PageAsync();
        Assert.Contains("data-state=\"open\">circuit open<", open);
        Assert.Contains("Trial calls resume in", open);

        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page, "reset-ollama", Ct);

        var html = await PageAsync(response.Headers.Location!.PathAndQuery);
        Assert.Contains("Reset the circuit of ollama", html);
        Assert.Contains("data-state=\"closed\">circuit closed<", html);
        Assert.Equal(CircuitState.Closed, _factory.Service<RouterService>().GetProvider("ollama")!.CircuitState);
    }

    [Fact]
    public async Task LiveFragment_OpenCircuit_HasThePartsThePageSwapsIn()
    {
        _ollama.Default = FakeReply.Error(500);
        var api = await _factory.CreateOwnerClientAsync();
        await api.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        var browser = await OwnerBrowserSession.SignInAsync(_factory);
        var response = await browser.GetAsync("/router/fragments/status", Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the fragment may be cached");
        Assert.Contains("data-field=\"preferred\">none<", html);
        Assert.Contains("data-field=\"summary\">0 of 2 providers available · 1 circuit open<", html);
        Assert.Contains("data-state=\"open\">circuit open<", html);
        Assert.Contains("data-metric=\"failures\" data-format=\"count\">1<", html);
        Assert.Contains("data-swap=\"router-preferred\"", html);
        Assert.Contains("data-swap=\"provider-cards\"", html);
        Assert.Contains("<form method=\"post\" action=\"/router/status\" data-action=\"disable\">", html);
        // The history chart too, with the failed request in it.
        Assert.Contains("data-swap=\"router-history\"", html);
        Assert.Contains("1 request (1 failed) in the last hour", html);
    }

    [Fact]
    public async Task LiveFragment_WithTheChartRange_CardsPostBackToThePageAsShown()
    {
        var browser = await OwnerBrowserSession.SignInAsync(_factory);

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/router/fragments/status?range=6h", Ct));

        Assert.Contains("<form method=\"post\" action=\"/router/status?range=6h\" data-action=\"reset\">", html);
        Assert.Contains("name=\"_handler\" value=\"reset-ollama\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
    }

    [Fact]
    public async Task LiveFragment_Anonymous_IsNotServed()
    {
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/router/fragments/status", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ProbeForm_ShowsTheProbeResult()
    {
        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page, "probe-ollama", Ct);

        var html = await PageAsync(response.Headers.Location!.PathAndQuery);
        Assert.Contains("Probed ollama: ok: llama3.2 present", html);
        Assert.Contains("data-field=\"availability\">available: llama3.2 present<", html);
    }

    [Fact]
    public async Task ProbeAllForm_CountsAvailableProviders()
    {
        var response = await OwnerBrowserSession.SubmitFormAsync(_factory, Page + "?range=6h", "probe-all", Ct);

        Assert.Equal("/router/status?range=6h&notice=probed-all", response.Headers.Location!.PathAndQuery);
        Assert.Contains("Probed every provider: 1 of 2 available.", await PageAsync(response.Headers.Location.PathAndQuery));
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        var browser = await OwnerBrowserSession.SignInAsync(_factory);

        var response = await browser.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "disable-ollama" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(_factory.Service<RouterService>().GetProvider("ollama")!.Enabled);
    }

    [Fact]
    public async Task Form_ApiToken_IsSentToSignIn()
    {
        var client = await _factory.CreateOwnerClientAsync(ApiScopes.RouterControl);

        var response = await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "disable-ollama" }), Ct);

        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.True(_factory.Service<RouterService>().GetProvider("ollama")!.Enabled);
    }

    [Fact]
    public async Task Chart_AfterACompletion_DrawsBarsAndLegend()
    {
        var api = await _factory.CreateOwnerClientAsync();
        await api.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        var html = await PageAsync(Page + "?range=24h");

        Assert.Contains("<rect class=\"series-0\"", html);
        Assert.Contains("1 request in the last 24 hours", html);
        Assert.Contains("requests per 24 minutes", html);
        Assert.Contains("href=\"/router/status?range=24h\" class=\"button small \" aria-current=\"page\"", html);
    }

    [Theory]
    [InlineData("?range=1w")]
    [InlineData("?notice=nonsense&provider=ollama")]
    [InlineData("?notice=disable&provider=nope")]
    public async Task Page_UnknownQueryValues_AreIgnored(string query)
    {
        var html = await PageAsync(Page + query);

        Assert.Contains("No requests in the last hour.", html);
        Assert.DoesNotContain("data-router-notice", html);
    }

    private async Task<string> PageAsync(string path = Page)
    {
        var response = await (await OwnerBrowserSession.SignInAsync(_factory)).GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
