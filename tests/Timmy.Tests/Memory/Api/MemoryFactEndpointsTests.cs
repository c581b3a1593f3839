using System.Net;
using System.Net.Http.Json;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary><c>/api/v1/memory/facts</c>: the owner's facts remembered once (a keyed fact replaced) and listed newest first.</summary>
public sealed class MemoryFactEndpointsTests : MemoryApiTests
{
    [Fact]
    public async Task Remember_NewFact_Returns201_ThenTheSameAgain_Returns200WithTheKnownEntry()
    {
        var first = await Owner.PostAsJsonAsync("/api/v1/memory/facts", new { content = "The owner is allergic to peanuts.", shared = true }, Ct);
        var again = await Owner.PostAsJsonAsync("/api/v1/memory/facts", new { content = "the owner is allergic to peanuts." }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stored = await first.BodyAsync();
        Assert.Equal("fact", stored.GetProperty("context_type").GetString());
        Assert.Equal("api", stored.GetProperty("source").GetString());
        Assert.True(stored.GetProperty("shared").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(stored.GetProperty("id").GetString(), (await again.BodyAsync()).GetProperty("id").GetString());
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Remember_KeyedFact_ReplacesTheOneUnderItsKey_Returns200()
    {
        var first = await (await Owner.PostAsJsonAsync("/api/v1/memory/facts", new { content = "The owner lives in Lisbon.", key = "location" }, Ct)).BodyAsync();

        var moved = await Owner.PostAsJsonAsync("/api/v1/memory/facts", new { content = "The owner lives in Porto.", key = "Location" }, Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.BodyAsync();
        Assert.Equal(first.GetProperty("id").GetString(), body.GetProperty("id").GetString());
        Assert.Equal("The owner lives in Porto.", body.GetProperty("content").GetString());
        Assert.Equal(1, await CountAsync());
    }

    [Theory]
    [InlineData("""{"key":"name"}""", "content")]
    [InlineData("""{"content":" "}""", "content")]
    [InlineData("""{"content":"The owner likes tea.","key":"favourite_colour"}""", "key")]
    [InlineData("""{"content":"The owner likes tea.","shared":1}""", "shared")]
    [InlineData("""[]""", "body")]
    public async Task Remember_BadInput_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await Owner.PostJsonAsync("/api/v1/memory/facts", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Remember_HugeFact_Returns400NamingContent()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory/facts", new { content = new string('a', 20_001) }, Ct);

        await response.AssertFieldRefusedAsync("content");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Facts_OnlyFacts_NewestFirst_Paged()
    {
        var older = await StoreAsync("The owner likes tea.", "fact");
        await StoreAsync("Just a conversation.");
        var newer = await StoreAsync("The owner likes jazz.", "fact");

        var page = await Owner.GetJsonAsync("/api/v1/memory/facts?limit=1");
        var rest = await Owner.GetJsonAsync($"/api/v1/memory/facts?limit=1&before={page.GetProperty("next").GetString()}");

        Assert.Equal(newer, page.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(older, Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=x", "limit")]
    public async Task Facts_BadLimit_Returns400(string query, string field)
    {
        var response = await Owner.GetAsync($"/api/v1/memory/facts?{query}", Ct);

        await response.AssertFieldRefusedAsync(field);
    }
}
