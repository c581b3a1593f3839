using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Auth;

public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly TimmyWebFactory _factory = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["TIMMY_ADMIN_PASSWORD"] = Password;
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StartupLink_WorksOnce()
    {
        var token = _factory.Service<StartupSignInLink>().Token;
        var first = Browser();
        var second = Browser();

        var ok = await first.GetAsync("/auth/start?token=" + token, Ct);
        var reused = await second.GetAsync("/auth/start?token=" + token, Ct);

        Assert.Equal("/", ok.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/swarm/events", Ct)).StatusCode);
        Assert.Equal("/login?error=link", reused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/swarm/events", Ct)).StatusCode);
    }

    [Fact]
    public async Task StartupLink_UsedAgainBySignedInOwner_GoesHome_AndLoginPageToo()
    {
        var token = _factory.Service<StartupSignInLink>().Token;
        var owner = Browser();
        await owner.GetAsync("/auth/start?token=" + token, Ct);

        var again = await owner.GetAsync("/auth/start?token=" + token, Ct);
        var login = await owner.GetAsync("/login", Ct);

        Assert.Equal("/", again.Headers.Location!.OriginalString);
        Assert.Equal("/", new Uri(owner.BaseAddress!, login.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task StartupLink_WrongToken_IsRefused()
    {
        var response = await Browser().GetAsync("/auth/start?token=guess", Ct);

        Assert.Equal("/login?error=link", response.Headers.Location!.OriginalString);
        Assert.False(_factory.Service<StartupSignInLink>().IsUsed);
    }

    [Fact]
    public async Task Password_RightOne_SignsInAndRedirectsToLocalReturnUrl()
    {
        var browser = Browser();
        var response = await PostLoginAsync(browser, Password, "/swarm/live");

        Assert.Equal("/swarm/live", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/swarm/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task Password_OffSiteReturnUrl_IsIgnored()
    {
        var response = await PostLoginAsync(Browser(), Password, "//evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Password_WrongOne_RedirectsWithErrorAndDoesNotSignIn()
    {
        var browser = Browser();
        var response = await PostLoginAsync(browser, "wrong", null);

        Assert.StartsWith("/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Password_StoredOnlyAsHash()
    {
        var hash = await _factory.Service<IAuthStore>().GetPasswordHashAsync(Ct);

        Assert.NotNull(hash);
        Assert.DoesNotContain(Password, hash);
        Assert.StartsWith("pbkdf2-sha256$", hash);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await Browser().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_IsRateLimited()
    {
        var browser = Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await PostLoginAsync(browser, "wrong", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
    }

    [Fact]
    public async Task RevokedToken_IsRefused()
    {
        var created = await _factory.Service<ApiTokenService>().CreateAsync("temp", [ApiScopes.EventsRead], Ct);
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/events", Ct)).StatusCode);

        Assert.True(await _factory.Service<ApiTokenService>().RevokeAsync(created.Token.Id, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/events", Ct)).StatusCode);
    }

    [Fact]
    public async Task TokenCreate_BadInput_IsRejectedAndNothingStored()
    {
        var tokens = _factory.Service<ApiTokenService>();

        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("", [ApiScopes.EventsRead], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("x", [], Ct));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("x", ["root"], Ct));

        Assert.Contains("Unknown scope(s): root", unknown.Message);
        Assert.Empty(await tokens.ListAsync(Ct));
    }

    [Fact]
    public async Task Tokens_StoredOnlyAsHash()
    {
        var created = await _factory.Service<ApiTokenService>().CreateAsync("hash check", [ApiScopes.EventsRead], Ct);
        await using var connection = await _factory.Service<Timmy.Core.Storage.IDbConnectionFactory>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM api_tokens";
        var stored = (string)(await command.ExecuteScalarAsync(Ct))!;

        Assert.NotEqual(created.Secret, stored);
        Assert.Equal(64, stored.Length);
    }

    private HttpClient Browser() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string password, string? returnUrl)
    {
        var antiforgery = await OwnerBrowserSession.AntiforgeryTokenAsync(browser, "/login");
        var form = new Dictionary<string, string> { ["password"] = password, ["__RequestVerificationToken"] = antiforgery };
        if (returnUrl is not null)
        {
            form["returnUrl"] = returnUrl;
        }
        return await browser.PostAsync("/login", new FormUrlEncodedContent(form), Ct);
    }
}
