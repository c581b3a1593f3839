using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

/// <summary>What the API may write into the audit log: never an event of a kind the product emits itself, and
/// always with the token that wrote it recorded by the server.</summary>
public sealed class EventForgeryTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _client = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync(ApiScopes.EventsWrite, ApiScopes.EventsRead);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("auth.signed_in", "auth")]
    [InlineData("provider.disabled", "provider")]
    [InlineData("chat.answered", "chat")]
    [InlineData("task.created", "task")]
    [InlineData("bid.submitted", "bid")]
    [InlineData("auction.closed", "auction")]
    [InlineData("agent.joined", "agent")]
    [InlineData("tool.called", "tool")]
    public async Task Post_AnEventOfAReservedCategory_Is403NamingIt_AndStoresNothing(string type, string category)
    {
        var before = await _factory.Service<IEventStore>().LatestIdAsync(Ct);

        var response = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = type, source = category }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(category, problem.GetProperty("category").GetString());
        Assert.Contains($"reserved category '{category}'", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _factory.Service<IEventStore>().LatestIdAsync(Ct));
    }

    [Fact]
    public async Task Batch_WithOneReservedItem_IsRefusedWhole_NamingTheItem()
    {
        var before = await _factory.Service<IEventStore>().LatestIdAsync(Ct);
        var events = new object[] { new { event_type = "system.info", source = "x" }, new { event_type = "auth.signed_in", source = "auth" } };

        var response = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("events[1]", problem.GetProperty("item").GetString());
        Assert.Equal(before, await _factory.Service<IEventStore>().LatestIdAsync(Ct));
    }

    [Fact]
    public async Task Batch_OfSwarmEvents_IsRefusedWhole_NamingTheFirstReservedItemAndItsCategory()
    {
        var before = await _factory.Service<IEventStore>().LatestIdAsync(Ct);
        var events = new object[]
        {
            new { event_type = "system.info", source = "importer", task_id = "t-1" },
            new { event_type = "task.created", source = "importer", task_id = "t-1" },
            new { event_type = "bid.submitted", source = "importer", task_id = "t-1" },
        };

        var response = await _client.PostAsJsonAsync("/api/v1/events/batch", new { events }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("events[1]", problem.GetProperty("item").GetString());
        Assert.Equal("task", problem.GetProperty("category").GetString());
        Assert.Contains("'task.created' is in the reserved category 'task'", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _factory.Service<IEventStore>().LatestIdAsync(Ct));
    }

    [Fact]
    public async Task SwarmEvents_RefusedFromTheApi_AreStillLoggedInProcess()
    {
        var refused = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = EventType.TaskCreated, source = "swarm" }, Ct);

        var logged = await _factory.Service<IEventLog>().LogAsync(EventType.TaskCreated, "swarm", "t-1", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stored = await _factory.Service<IEventStore>().GetAsync(logged.Id, Ct);
        Assert.Equal(EventType.TaskCreated, stored!.EventType);
        Assert.Null(stored.Actor);
    }

    [Fact]
    public async Task Post_RecordsTheTokenAsActor_WhateverTheBodySays()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x", actor = "owner" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("token:test", created.GetProperty("actor").GetString());
        var stored = await _factory.Service<IEventStore>().GetAsync(created.GetProperty("id").GetInt64(), Ct);
        Assert.Equal("token:test", stored!.Actor);
        Assert.Equal(64, stored.Hash!.Length);
    }

    [Fact]
    public async Task Verify_ReportsTheChainIntact_ThenTheFirstAlteredEvent()
    {
        await _client.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x" }, Ct);
        var posted = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "y" }, Ct);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        var intact = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/verify", Ct);
        await using (var connection = await _factory.Service<Timmy.Core.Storage.IDbConnectionFactory>().OpenAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE event_log SET source = 'z' WHERE id = @id", new { id });
        }
        var broken = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/verify", Ct);

        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.Equal(id, intact.GetProperty("last_id").GetInt64());
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(id, broken.GetProperty("broken_at_id").GetInt64());
    }
}
