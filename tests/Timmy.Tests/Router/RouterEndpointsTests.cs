using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Timmy.Core.Router;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Router.Fakes;

namespace Timmy.Tests.Router;

/// <summary>The router API over HTTP through the real host, signed in with an owner API token.</summary>
public sealed class RouterEndpointsTests : IAsyncLifetime
{
    private FakeOllamaServer _ollama = null!;
    private FakeOpenAiServer _openAi = null!;
    private RouterWebFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ollama = await FakeOllamaServer.StartNewAsync();
        _openAi = await FakeOpenAiServer.StartNewAsync();
        _openAi.Default = FakeReply.Answer("from openai");
        _factory = new RouterWebFactory();
        var settings = _factory.Settings;
        settings["Timmy:Router:Retries"] = "0";
        settings.AddRouterProvider(0, "ollama", "ollama", _ollama.BaseUrl, "llama3.2", 1);
        settings.AddRouterProvider(1, "openai", "openai", _openAi.ApiBase, "gpt-test", 2, "HTTP_TEST_OPENAI_KEY");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ollama.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    /// <summary>An owner token with every scope; the one place credentials are set.</summary>
    private Task<HttpClient> CreateClientAsync() => _factory.CreateOwnerClientAsync();

    /// <summary>The host with a fake environment holding the OpenAI key.</summary>
    private sealed class RouterWebFactory : TimmyWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
                s.AddSingleton(new RouterEnvironment(name => name == "HTTP_TEST_OPENAI_KEY" ? "sk-http-test" : null)));
        }
    }

    [Fact]
    public async Task Status_Anonymous_Returns401()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/api/v1/router/status", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Disable_ReadOnlyToken_Returns403AndChangesNothing()
    {
        var client = await _factory.CreateOwnerClientAsync(ApiScopes.RouterRead);

        var response = await client.PostAsync("/api/v1/router/providers/ollama/disable", null, Ct);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/router/providers/ollama", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(status.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Status_Get_ListsProvidersInSnakeCase()
    {
        var json = await (await CreateClientAsync()).GetFromJsonAsync<JsonElement>("/api/v1/router/status", Ct);

        var providers = json.GetProperty("providers");
        Assert.Equal("ollama", providers[0].GetProperty("name").GetString());
        Assert.Equal("closed", providers[0].GetProperty("circuit_state").GetString());
        Assert.Equal("openai", providers[1].GetProperty("name").GetString());
        Assert.Equal("HTTP_TEST_OPENAI_KEY", providers[1].GetProperty("api_key_env").GetString());
        Assert.DoesNotContain("sk-http-test", json.GetRawText());
    }

    [Fact]
    public async Task Providers_Get_ReturnsArrayInPriorityOrder()
    {
        var json = await (await CreateClientAsync()).GetFromJsonAsync<JsonElement>("/api/v1/router/providers", Ct);

        Assert.Equal(["ollama", "openai"], json.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Complete_Prompt_AnswersWithProviderModelAndLatency()
    {
        var response = await (await CreateClientAsync()).PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("hello from the fake", json.GetProperty("text").GetString());
        Assert.Equal("ollama", json.GetProperty("provider").GetString());
        Assert.Equal("llama3.2", json.GetProperty("model").GetString());
        Assert.False(json.GetProperty("fallback_used").GetBoolean());
        Assert.True(json.GetProperty("latency_ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task Disable_ThenComplete_NextProviderAnswersAsPrimary()
    {
        var client = await CreateClientAsync();

        var disabled = await client.PostAsync("/api/v1/router/providers/ollama/disable", null, Ct);
        var response = await client.PostAsJsonAsync("/api/v1/router/complete",
            new { messages = new[] { new { role = "user", content = "hi" } }, max_tokens = 50 }, Ct);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("enabled").GetBoolean());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("openai", json.GetProperty("provider").GetString());
        Assert.False(json.GetProperty("fallback_used").GetBoolean()); // a disabled provider is not the primary

        Assert.Equal(0, _ollama.ChatRequests);
        Assert.Equal(50, _openAi.Requests[0]["max_completion_tokens"]?.GetValue<int>() ?? _openAi.Requests[0]["max_tokens"]?.GetValue<int>());
    }

    [Fact]
    public async Task Enable_AfterDisable_ProviderAnswersAgain()
    {
        var client = await CreateClientAsync();
        await client.PostAsync("/api/v1/router/providers/ollama/disable", null, Ct);

        var enabled = await client.PostAsync("/api/v1/router/providers/ollama/enable", null, Ct);
        var response = await client.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        Assert.True((await enabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("enabled").GetBoolean());
        Assert.Equal("ollama", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("provider").GetString());
    }

    [Theory]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("reset")]
    [InlineData("probe")]
    public async Task Control_UnknownProvider_Returns404Problem(string action)
    {
        var response = await (await CreateClientAsync()).PostAsync($"/api/v1/router/providers/nope/{action}", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No provider is named 'nope'.", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Reset_And_Probe_ReturnProviderStatus()
    {
        var client = await CreateClientAsync();

        var reset = await client.PostAsync("/api/v1/router/providers/ollama/reset", null, Ct);
        var probe = await client.PostAsync("/api/v1/router/providers/ollama/probe", null, Ct);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var json = await probe.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("available", json.GetProperty("availability").GetString());
        Assert.Equal("ok: llama3.2 present", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Complete_NeitherPromptNorMessages_Returns400NamingTheField()
    {
        var response = await (await CreateClientAsync()).PostAsJsonAsync("/api/v1/router/complete", new { model = "x" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(json.GetProperty("errors").TryGetProperty("prompt", out _));
    }

    [Fact]
    public async Task Complete_BadRoleAndMaxTokens_Returns400()
    {
        var response = await (await CreateClientAsync()).PostAsJsonAsync("/api/v1/router/complete",
            new { messages = new[] { new { role = "wizard", content = "hi" } }, max_tokens = 0 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("messages[0].role", out _));
        Assert.True(errors.TryGetProperty("max_tokens", out _));
    }

    [Fact]
    public async Task Complete_MalformedJson_Returns400()
    {
        var response = await (await CreateClientAsync()).PostAsync("/api/v1/router/complete",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("not valid JSON", errors.GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData("""{"prompt":"hi","max_tokens":"many"}""", "max_tokens")]
    [InlineData("""{"prompt":"hi","max_tokens":99999999999}""", "max_tokens")]
    [InlineData("""{"messages":[{"role":1,"content":"hi"}]}""", "messages[0].role")]
    [InlineData("null", "body")]
    public async Task Complete_UnreadableField_Returns400NamingIt(string body, string field)
    {
        var response = await (await CreateClientAsync()).PostAsync("/api/v1/router/complete",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(0, _ollama.ChatRequests);
    }

    [Fact]
    public async Task Complete_ModelNoProviderServes_Returns400ListingTheConfiguredModels()
    {
        var response = await (await CreateClientAsync()).PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi", model = "no-such-model" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("model")[0].GetString();
        Assert.Contains("No provider serves the model 'no-such-model'", message);
        Assert.Contains("llama3.2", message);
    }

    [Fact]
    public async Task Complete_ModelOfADisabledProvider_Returns400SayingWhy()
    {
        var client = await CreateClientAsync();
        await client.PostAsync("/api/v1/router/providers/ollama/disable", null, Ct);

        var response = await client.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi", model = "llama3.2" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("model")[0].GetString();
        Assert.Contains("served only by ollama (disabled), which cannot be called now", message);
        Assert.Equal(0, _ollama.ChatRequests);
    }

    [Fact]
    public async Task Complete_AllProvidersFail_Returns503ListingEach()
    {
        _ollama.Default = FakeReply.Error(500);
        _openAi.Default = FakeReply.Error(500);

        var response = await (await CreateClientAsync()).PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
        Assert.Contains("ollama: failed (HTTP 500", detail);
        Assert.Contains("openai: failed (HTTP 500", detail);
    }

    [Fact]
    public async Task History_MinutesOutOfRange_Returns400_AndValidReturnsPoints()
    {
        var client = await CreateClientAsync();
        await client.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        var bad = await client.GetAsync("/api/v1/router/history?minutes=0", Ct);
        var unknown = await client.GetAsync("/api/v1/router/history?provider=nope", Ct);
        var good = await client.GetFromJsonAsync<JsonElement>("/api/v1/router/history?minutes=60&provider=ollama", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var point = Assert.Single(good.GetProperty("points").EnumerateArray());
        Assert.Equal(1, point.GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Metrics_Get_IsPrometheusText()
    {
        var client = await CreateClientAsync();
        await client.PostAsJsonAsync("/api/v1/router/complete", new { prompt = "hi" }, Ct);

        var response = await client.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE timmy_router_requests_total counter", text);
        Assert.Contains("timmy_router_requests_total{provider=\"ollama\"} 1\n", text);
        Assert.Contains("timmy_router_circuit_state{provider=\"openai\"} 0\n", text);
    }
}
