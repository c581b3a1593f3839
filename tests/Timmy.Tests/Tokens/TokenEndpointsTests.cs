using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Tokens;

public sealed class TokenEndpointsTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_AndItWorksForItsScope()
    {
        var admin = await _factory.CreateOwnerClientAsync(ApiScopes.TokensManage);

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "grafana", scopes = new[] { ApiScopes.RouterRead } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secret = json.GetProperty("secret").GetString()!;
        Assert.StartsWith("tt_", secret);
        Assert.Equal("grafana", json.GetProperty("token").GetProperty("name").GetString());
        var listed = await admin.GetStringAsync("/api/v1/tokens", Ct);
        Assert.Contains("grafana", listed);
        Assert.DoesNotContain(secret, listed);
        var user = _factory.CreateAnonymousClient();
        user.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/router/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/events", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"","scopes":["chat"]}""", "name")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["root"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":"chat"}""", "scopes")]
    [InlineData("""{"name":"x",""", "body")]
    public async Task Create_BadInput_Returns400AndStoresNothing(string body, string field)
    {
        var admin = await _factory.CreateOwnerClientAsync(ApiScopes.TokensManage);
        var before = (await _factory.Service<ApiTokenService>().ListAsync(Ct)).Count;

        var response = await admin.PostAsync("/api/v1/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(before, (await _factory.Service<ApiTokenService>().ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Revoke_StopsTheToken_AndASecondRevokeIs404()
    {
        var admin = await _factory.CreateOwnerClientAsync(ApiScopes.TokensManage);
        var created = await _factory.Service<ApiTokenService>().CreateAsync("temp", [ApiScopes.EventsRead], Ct);
        var user = _factory.CreateAnonymousClient();
        user.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);

        var revoked = await admin.DeleteAsync($"/api/v1/tokens/{created.Token.Id}", Ct);
        var again = await admin.DeleteAsync($"/api/v1/tokens/{created.Token.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/events", Ct)).StatusCode);
        var reader = await _factory.CreateOwnerClientAsync(ApiScopes.EventsRead);
        var logged = await reader.GetFromJsonAsync<JsonElement>("/api/v1/events?type=auth.token_revoked", Ct);
        var data = logged.GetProperty("items")[0].GetProperty("data");
        Assert.Equal(created.Token.Id, data.GetProperty("token_id").GetString());
        Assert.Equal("temp", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Revoke_ATokenInUse_StopsItOnItsNextRequest()
    {
        var admin = await _factory.CreateOwnerClientAsync(ApiScopes.TokensManage);
        var created = await _factory.Service<ApiTokenService>().CreateAsync("busy", [ApiScopes.EventsRead], Ct);
        var user = _factory.CreateAnonymousClient();
        user.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/events", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{created.Token.Id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/events", Ct)).StatusCode);
    }

    [Fact]
    public async Task TokenWithoutTokensManage_IsForbidden()
    {
        var client = await _factory.CreateOwnerClientAsync(ApiScopes.Chat);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/tokens", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "*" } }, Ct)).StatusCode);
    }
}
