using System.Net;
using Timmy.Core.Memory;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary><c>/api/v1/memory/search</c>, <c>/context</c> and <c>/stats</c> over entries stored through the API.</summary>
public sealed class MemorySearchEndpointsTests : MemoryApiTests
{
    [Fact]
    public async Task Search_FindsStoredEntries_WithScoresSignalsAndMatchedTerms()
    {
        var invoice = await StoreAsync("The Lightning invoice was paid yesterday.");
        await StoreAsync("We planted tomatoes in the garden.");

        var result = await Owner.GetJsonAsync("/api/v1/memory/search?q=lightning%20invoices");

        var hit = result.GetProperty("hits").EnumerateArray().First();
        Assert.Equal(invoice, hit.GetProperty("entry").GetProperty("id").GetString());
        Assert.InRange(hit.GetProperty("score").GetDouble(), 0.0001, 1);
        Assert.Contains("lexical", hit.GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Lightning", hit.GetProperty("matched_terms").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("invoice", hit.GetProperty("matched_terms").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("hashing/v1", result.GetProperty("embedder").GetProperty("id").GetString());
        Assert.True(result.GetProperty("embedder").GetProperty("lexical_only").GetBoolean());
        Assert.True(result.GetProperty("embedder").GetProperty("dimensions").GetInt32() > 0);
        Assert.True(result.GetProperty("semantic_ran").GetBoolean());
        Assert.NotEmpty(result.GetProperty("terms").EnumerateArray());
        Assert.True(result.GetProperty("ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task Search_TypeFilterAndLimit_Narrow()
    {
        await StoreAsync("The owner's invoice is due Friday.", MemoryContextTypes.Fact);
        await StoreAsync("An invoice came in.");
        await StoreAsync("Another invoice came in.");

        var facts = await Owner.GetJsonAsync("/api/v1/memory/search?q=invoice&type=fact");
        var one = await Owner.GetJsonAsync("/api/v1/memory/search?q=invoice&limit=1");

        var hit = Assert.Single(facts.GetProperty("hits").EnumerateArray());
        Assert.Equal("fact", hit.GetProperty("entry").GetProperty("context_type").GetString());
        Assert.Single(one.GetProperty("hits").EnumerateArray());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=x&limit=0", "limit")]
    [InlineData("q=x&limit=101", "limit")]
    [InlineData("q=x&min_score=2", "min_score")]
    [InlineData("q=x&min_score=-0.1", "min_score")]
    [InlineData("q=x&min_score=high", "min_score")]
    [InlineData("q=x&min_score=NaN", "min_score")]
    [InlineData("q=x&type=dream", "type")]
    [InlineData("q=x&since=soon", "since")]
    public async Task Search_BadInput_Returns400NamingIt(string query, string field)
    {
        var response = await Owner.GetAsync($"/api/v1/memory/search?{query}", Ct);

        await response.AssertFieldRefusedAsync(field);
    }

    [Fact]
    public async Task Search_HugeQuery_Returns400NamingQ()
    {
        var response = await Owner.GetAsync($"/api/v1/memory/search?q={new string('a', 2_001)}", Ct);

        await response.AssertFieldRefusedAsync("q");
    }

    [Fact]
    public async Task Context_PacksTheRelevantEntries_WithinTheBudget()
    {
        var id = await StoreAsync("The owner's cat is called Miso.", MemoryContextTypes.Fact);
        await StoreAsync("The build server runs on Debian.");

        var context = await Owner.GetJsonAsync("/api/v1/memory/context?q=what%20is%20the%20cat%20called&max_tokens=200");

        Assert.Contains("Miso", context.GetProperty("text").GetString());
        Assert.Equal(id, context.GetProperty("entries").EnumerateArray().First().GetProperty("entry").GetProperty("id").GetString());
        Assert.InRange(context.GetProperty("tokens").GetInt32(), 1, 200);
    }

    [Theory]
    [InlineData("max_tokens=10", "q")]
    [InlineData("q=cat&max_tokens=0", "max_tokens")]
    [InlineData("q=cat&max_tokens=100001", "max_tokens")]
    [InlineData("q=cat&max_tokens=12.5", "max_tokens")]
    [InlineData("q=cat&max_tokens=lots", "max_tokens")]
    public async Task Context_BadInput_Returns400NamingIt(string query, string field)
    {
        var response = await Owner.GetAsync($"/api/v1/memory/context?{query}", Ct);

        await response.AssertFieldRefusedAsync(field);
    }

    [Fact]
    public async Task Stats_CountsPerTypeAndAgent_EmbedderAndIndex()
    {
        await StoreAsync("one");
        await StoreAsync("The owner likes tea.", MemoryContextTypes.Fact);

        var stats = await Owner.GetJsonAsync("/api/v1/memory/stats");

        Assert.Equal(2, stats.GetProperty("total").GetInt64());
        Assert.Equal(1, stats.GetProperty("by_type").GetProperty("conversation").GetInt64());
        Assert.Equal(1, stats.GetProperty("by_type").GetProperty("fact").GetInt64());
        Assert.Equal(0, stats.GetProperty("by_type").GetProperty("document").GetInt64());
        var owner = Assert.Single(stats.GetProperty("by_agent").EnumerateArray());
        Assert.Equal("owner", owner.GetProperty("agent").GetString());
        Assert.Equal(2, stats.GetProperty("embedded").GetInt64());
        Assert.Equal(0, stats.GetProperty("awaiting_embedding").GetInt64());
        Assert.Equal("hashing/v1", stats.GetProperty("embedder").GetProperty("id").GetString());
        Assert.True(stats.GetProperty("index").GetProperty("vectors").GetInt32() >= 2);
        Assert.False(stats.GetProperty("reindex").GetProperty("running").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, stats.GetProperty("newest").ValueKind);
    }

    [Fact]
    public async Task Stats_Anonymous_Returns401()
    {
        var response = await Factory.CreateAnonymousClient().GetAsync("/api/v1/memory/stats", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
