using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Timmy.Core.Router;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Hosting;

/// <summary>The owner's cookie works only from the dashboard's own origin: a page on another port of the same host
/// can neither change anything nor open the live feed with it. API tokens are not affected.</summary>
public sealed class SameOriginGuardTests : IAsyncLifetime
{
    private const string OtherPort = "http://localhost:9999";
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _owner = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _owner = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await _owner.GetAsync("/auth/start?token=" + _factory.Service<StartupSignInLink>().Token, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ACrossPortPost_WithTheOwnersCookie_Is403_AndChangesNothing()
    {
        var provider = _factory.Service<RouterService>().Providers[0].Name;

        var response = await SendAsync(HttpMethod.Post, $"/api/v1/router/providers/{provider}/disable", OtherPort);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(OtherPort, await response.Content.ReadAsStringAsync(Ct));
        Assert.True(_factory.Service<RouterService>().Providers[0].Enabled);
    }

    [Fact]
    public async Task ASameOriginPost_WithTheOwnersCookie_GoesThrough()
    {
        var provider = _factory.Service<RouterService>().Providers[0].Name;

        var response = await SendAsync(HttpMethod.Post, $"/api/v1/router/providers/{provider}/disable", "http://localhost");

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData(null, "same-site", true)]
    [InlineData(null, "cross-site", true)]
    [InlineData("null", "cross-site", true)]
    [InlineData("null", "same-origin", false)]
    [InlineData(null, "same-origin", false)]
    public async Task WithoutAUsableOrigin_TheFetchSiteHeaderDecides(string? origin, string site, bool refused)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/logout");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", site);

        var response = await _owner.SendAsync(request, Ct);

        Assert.Equal(refused, response.StatusCode == HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(OtherPort, true)]
    [InlineData("http://localhost", false)]
    public async Task TheLiveFeed_OpenedFromAnotherPort_IsRefusedBeforeTheUpgrade(string origin, bool refused)
    {
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = origin;

        var attempt = await Record.ExceptionAsync(() => client.ConnectAsync(new Uri(_factory.Server.BaseAddress, "ws/events"), Ct));

        // Without a cookie or token the same-origin attempt gets 401; the foreign one never gets that far.
        Assert.NotNull(attempt);
        Assert.Equal(refused, attempt.Message.Contains("403"));
        Assert.Equal(!refused, attempt.Message.Contains("401"));
    }

    [Fact]
    public async Task AnApiToken_IsNotAskedWhereItCameFrom()
    {
        var client = await _factory.CreateOwnerClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = JsonContent.Create(new { event_type = "system.info", source = "elsewhere" }),
        };
        request.Headers.TryAddWithoutValidation("Origin", OtherPort);

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string origin)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return await _owner.SendAsync(request, Ct);
    }
}
