using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>A filter with hundreds of type patterns once became SQL too deep for SQLite (a 500); repeats now count
/// once and too many different ones are a 400 naming the parameter.</summary>
public sealed class EventFilterLimitsTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _client = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FiveHundredRepeatsOfOneType_AreOneFilter()
    {
        var query = string.Join('&', Enumerable.Repeat("type=system.info", 500));

        var response = await _client.GetAsync("/api/v1/events?" + query, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/events/export")]
    public async Task FiveHundredDifferentTypes_AreA400NamingType(string path)
    {
        var query = string.Join('&', Enumerable.Range(0, 500).Select(i => $"type=c{i}.x"));

        var response = await _client.GetAsync($"{path}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains($"At most {EventTypePattern.MaxPatterns}", problem.GetProperty("errors").GetProperty("type")[0].GetString());
    }
}
