using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Memory;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary><c>POST /api/v1/memory/prune</c> and <c>/reindex</c>.</summary>
public sealed class MemoryMaintenanceEndpointsTests : MemoryApiTests
{
    [Fact]
    public async Task Prune_ZeroDays_DeletesConversations_KeepsFacts_UnlessAsked()
    {
        await StoreAsync("A conversation.");
        await StoreAsync("The owner likes tea.", MemoryContextTypes.Fact);

        var kept = await (await Owner.PostAsJsonAsync("/api/v1/memory/prune", new { older_than_days = 0 }, Ct)).BodyAsync();
        var all = await (await Owner.PostAsJsonAsync("/api/v1/memory/prune", new { older_than_days = 0, include_facts = true }, Ct)).BodyAsync();

        Assert.Equal(1, kept.GetProperty("deleted").GetInt32());
        Assert.False(kept.GetProperty("include_facts").GetBoolean());
        Assert.Equal(1, all.GetProperty("deleted").GetInt32());
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Prune_ThirtyDays_KeepsTodaysEntries()
    {
        await StoreAsync("A conversation.");

        var result = await (await Owner.PostAsJsonAsync("/api/v1/memory/prune", new { older_than_days = 30 }, Ct)).BodyAsync();

        Assert.Equal(0, result.GetProperty("deleted").GetInt32());
        Assert.Equal(1, await CountAsync());
    }

    [Theory]
    [InlineData("""{}""", "older_than_days")]
    [InlineData("""{"older_than_days":"30"}""", "older_than_days")]
    [InlineData("""{"older_than_days":-1}""", "older_than_days")]
    [InlineData("""{"older_than_days":36501}""", "older_than_days")]
    [InlineData("""{"older_than_days":1.5}""", "older_than_days")]
    [InlineData("""{"older_than_days":0,"include_facts":"true"}""", "include_facts")]
    public async Task Prune_BadInput_Returns400NamingTheField_AndDeletesNothing(string json, string field)
    {
        await StoreAsync("A conversation.");

        var response = await Owner.PostJsonAsync("/api/v1/memory/prune", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Reindex_Returns202WithTheProgress_AndEmbedsWhatWaits()
    {
        var waiting = new MemoryWrite(new NewMemory("Stored while the embedder was away.", MemoryContextTypes.Fact, "test"), null, null);
        await Factory.Service<IMemoryStore>().AddAsync([waiting], _ => [], Ct);
        Assert.Equal(1, (await Memory.StatusAsync(Ct)).Stats.AwaitingEmbedding);

        var response = await Owner.PostAsync("/api/v1/memory/reindex", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var progress = await response.BodyAsync();
        Assert.True(progress.GetProperty("started").GetBoolean() || progress.GetProperty("running").GetBoolean(), progress.ToString());
        Assert.True(progress.TryGetProperty("awaiting_embedding", out _));
        Assert.Equal("/api/v1/memory/stats", response.Headers.Location!.OriginalString);
        await Eventually.TrueAsync(async () => (await Memory.StatusAsync(Ct)) is { Reindexing: false, Stats.AwaitingEmbedding: 0 }, "the re-embed to end");
    }
}
