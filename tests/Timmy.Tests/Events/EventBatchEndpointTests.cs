using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary><c>POST /api/v1/events/batch</c>: all or nothing, one acknowledgement with the ids, each item checked
/// as the single POST checks it.</summary>
public sealed class EventBatchEndpointTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _client = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync(ApiScopes.EventsWrite);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_ValidBatch_StoresEveryEvent_AnswersTheIdsInOrder_AndPublishesThemInIdOrder()
    {
        EventTypePattern.TryParse("system.*", out var tasks, out _);
        using var subscription = _factory.Service<EventBus>().Subscribe(100, [tasks]);
        var events = Enumerable.Range(0, 5).Select(i => new { event_type = "system.info", source = "batcher", task_id = $"t-{i}" }).ToArray();

        var response = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var ids = body.GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()).ToList();
        Assert.Equal(5, body.GetProperty("count").GetInt32());
        Assert.Equal(ids.Order(), ids);
        var stored = await StoredPostedAsync();
        Assert.Equal(ids, stored.Select(e => e.Id));
        Assert.Equal(["t-0", "t-1", "t-2", "t-3", "t-4"], stored.Select(e => e.TaskId));
        foreach (var id in ids)
        {
            Assert.Equal(id, (await subscription.ReadAsync(Ct)).Event!.Id);
        }
    }

    [Theory]
    [InlineData("""{"events":[{"event_type":"system.info","source":"x"},{"event_type":"system.info","source":""}]}""", "events[1].source")]
    [InlineData("""{"events":[{"event_type":"system.info","source":"x"},{"event_type":"system.nope","source":"x"}]}""", "events[1].event_type")]
    [InlineData("""{"events":[{"event_type":"system.info","source":"x","data":[1]}]}""", "events[0].data")]
    [InlineData("""{"events":[{"event_type":"system.info","source":"x"},null]}""", "events[1]")]
    [InlineData("""{"events":[{"event_type":"system.info","source":"x"},{"event_type":"system.info","source":"x","task_id":7}]}""", "events[1].task_id")]
    [InlineData("""{"events":[]}""", "events")]
    [InlineData("""{}""", "events")]
    public async Task Post_BadItem_RefusesTheWholeBatch_NamingTheItemAndField(string json, string field)
    {
        var response = await _client.PostAsync("/api/v1/events/batch", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await StoredPostedAsync());
    }

    [Fact]
    public async Task Post_OverTheLimit_IsRefusedSayingSo_AndStoresNothing()
    {
        var events = Enumerable.Range(0, EventBatchLog.MaxEvents + 1).Select(_ => new { event_type = "system.info", source = "x" });

        var response = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("at most 1000", problem.GetProperty("errors").GetProperty("events")[0].GetString());
        Assert.Empty(await StoredPostedAsync());
    }

    [Fact]
    public async Task Post_AtTheLimit_StoresEveryEvent()
    {
        var events = Enumerable.Range(0, EventBatchLog.MaxEvents).Select(_ => new { event_type = "system.info", source = "x" });

        var response = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(EventBatchLog.MaxEvents, (await StoredPostedAsync()).Count);
    }

    [Fact]
    public async Task Post_WithoutEventsWrite_IsForbidden()
    {
        var reader = await _factory.CreateOwnerClientAsync(ApiScopes.EventsRead);

        var response = await reader.PostAsJsonAsync("/api/v1/events/batch", new { events = new[] { new { event_type = "system.info", source = "x" } } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<IReadOnlyList<EventRecord>> StoredPostedAsync() =>
        (await _factory.Service<IEventStore>().ReadAfterAsync(0, 10_000, Ct)).Where(e => e.Source is "x" or "batcher").ToList();
}
