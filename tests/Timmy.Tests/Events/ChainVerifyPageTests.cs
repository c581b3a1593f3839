using System.Net;
using Dapper;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>/swarm/events/verify as the server renders it, before and after an event is edited in the database,
/// and the actor column on the event log page.</summary>
public sealed class ChainVerifyPageTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _client = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Verify_SaysVerifiedUpToTheNewest_ThenBrokenAtTheEditedEvent()
    {
        var first = await LogAsync("one");
        var last = await LogAsync("two");

        var intact = await PageAsync("/swarm/events/verify");
        await using (var connection = await _factory.Service<IDbConnectionFactory>().OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE event_log SET data = '{\"edited\":true}' WHERE id = @first", new { first });
        }
        var broken = await PageAsync("/swarm/events/verify");

        Assert.Contains("data-chain-status=\"intact\"", intact);
        // Signing in to view the page logs an auth event too, so the newest may be later than the last posted.
        var upTo = long.Parse(System.Text.RegularExpressions.Regex.Match(intact, @"Chain verified up to #(\d+)").Groups[1].Value);
        Assert.True(upTo >= last, intact);
        Assert.Contains("data-chain-status=\"broken\"", broken);
        Assert.Contains($"Chain broken at #{first}", broken);
    }

    [Fact]
    public async Task EventLog_ShowsWhoPostedEachEvent_AndLinksToTheCheck()
    {
        await LogAsync("actor-page");

        var html = await PageAsync("/swarm/events?source=actor-page");

        Assert.Contains("data-label=\"By\"><span title=\"token:test\">token:test</span>", html);
        Assert.Contains("href=\"/swarm/events/verify\"", html);
    }

    private async Task<long> LogAsync(string source)
    {
        var response = await _client.PostAsync("/api/v1/events",
            System.Net.Http.Json.JsonContent.Create(new { event_type = "system.info", source }), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt64();
    }

    private async Task<string> PageAsync(string path)
    {
        var browser = await OwnerBrowserSession.SignInAsync(_factory);
        var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }
}
