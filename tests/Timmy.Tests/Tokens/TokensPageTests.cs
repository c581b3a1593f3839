using System.Net;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Tokens;

/// <summary>The <c>/settings/tokens</c> page's create form, posted as a browser posts it.</summary>
public sealed class TokensPageTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _browser = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _browser = await OwnerBrowserSession.SignInAsync(_factory);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> CreateAsync(string name, params string[] scopes)
    {
        var fields = scopes.Select(s => KeyValuePair.Create("scopes", s)).Prepend(KeyValuePair.Create("name", name));
        var response = await OwnerBrowserSession.PostFormAsync(_browser, "/settings/tokens", "create-token", fields, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Create_NameAndTwoScopes_CreatesTheTokenAndShowsItsSecretOnce()
    {
        var html = await CreateAsync("backup script", ApiScopes.EventsRead, ApiScopes.Chat);

        var token = Assert.Single(await _factory.Service<ApiTokenService>().ListAsync(Ct));
        Assert.Equal("backup script", token.Name);
        Assert.Equal([ApiScopes.Chat, ApiScopes.EventsRead], token.Scopes);
        Assert.Contains("data-new-token>" + ApiTokenService.TokenPrefix, html);
    }

    [Fact]
    public async Task Create_NoScope_ShowsWhyAndKeepsWhatWasTyped()
    {
        var html = await CreateAsync("nightly");

        Assert.Contains("A token needs at least one scope.", html);
        Assert.Contains("value=\"nightly\"", html);
        Assert.Empty(await _factory.Service<ApiTokenService>().ListAsync(Ct));
    }
}
