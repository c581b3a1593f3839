using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Memory;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary><c>/api/v1/memory</c> entries: store, read, edit, delete and list, and the refusals of each.</summary>
public sealed class MemoryEntryEndpointsTests : MemoryApiTests
{
    [Fact]
    public async Task Store_Valid_Returns201WithLocation_AndTheEntry()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory", new
        {
            content = "  The deploy script lives in ops/deploy.sh  ", context_type = "conversation", session_id = "s1", task_id = "t1",
            metadata = new { role = "user" }, shared = true,
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.BodyAsync();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/memory/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("The deploy script lives in ops/deploy.sh", body.GetProperty("content").GetString());
        Assert.Equal("api", body.GetProperty("source").GetString());
        Assert.Equal("s1", body.GetProperty("session_id").GetString());
        Assert.Equal("t1", body.GetProperty("task_id").GetString());
        Assert.Equal("user", body.GetProperty("metadata").GetProperty("role").GetString());
        Assert.True(body.GetProperty("shared").GetBoolean());
        Assert.Equal("hashing/v1", body.GetProperty("embedder").GetString());
        var shown = await Owner.GetJsonAsync($"/api/v1/memory/{id}");
        Assert.Equal(body.GetProperty("content").GetString(), shown.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"context_type":"fact"}""", "content")]
    [InlineData("""{"content":"","context_type":"fact"}""", "content")]
    [InlineData("""{"content":"   ","context_type":"fact"}""", "content")]
    [InlineData("""{"content":"Hello"}""", "context_type")]
    [InlineData("""{"content":"Hello","context_type":"dream"}""", "context_type")]
    [InlineData("""{"content":"Hello","context_type":"fact","metadata":[1,2]}""", "metadata")]
    [InlineData("""{"content":"Hello","context_type":"fact","metadata":"{}"}""", "metadata")]
    [InlineData("""{"content":"Hello","context_type":"fact","shared":"yes"}""", "shared")]
    [InlineData("""{"content":7,"context_type":"fact"}""", "content")]
    [InlineData("""{"content":"Hello","context_type":"fact","source":"   "}""", "source")]
    [InlineData("""not json""", "body")]
    [InlineData("", "body")]
    public async Task Store_BadInput_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await Owner.PostJsonAsync("/api/v1/memory", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Store_HugeContent_Returns400NamingContent_AndStoresNothing()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory", new { content = new string('a', 20_001), context_type = "fact" }, Ct);

        await response.AssertFieldRefusedAsync("content");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Get_Unknown_Returns404()
    {
        var response = await Owner.GetAsync("/api/v1/memory/no-such-entry", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_Fact_RewritesItsContent()
    {
        var id = await StoreAsync("The owner likes tea.", MemoryContextTypes.Fact);

        var response = await Owner.PatchAsJsonAsync($"/api/v1/memory/{id}", new { content = "The owner likes green tea." }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The owner likes green tea.", (await Memory.GetAsync(id, MemoryViewer.Owner, Ct)).Content);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await response.BodyAsync()).GetProperty("updated_at").ValueKind);
    }

    [Fact]
    public async Task Patch_ContentOfAConversation_Returns409_AndKeepsIt()
    {
        var id = await StoreAsync("We talked about the weather.");

        var response = await Owner.PatchAsJsonAsync($"/api/v1/memory/{id}", new { content = "We never talked." }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("We talked about the weather.", (await Memory.GetAsync(id, MemoryViewer.Owner, Ct)).Content);
    }

    [Fact]
    public async Task Patch_Shared_SharesAConversation()
    {
        var id = await StoreAsync("We talked about the weather.");

        var response = await Owner.PatchAsJsonAsync($"/api/v1/memory/{id}", new { shared = true }, Ct);

        Assert.True((await response.BodyAsync()).GetProperty("shared").GetBoolean());
        Assert.True((await Memory.GetAsync(id, MemoryViewer.Owner, Ct)).Shared);
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"content":""}""", "content")]
    [InlineData("""{"shared":"true"}""", "shared")]
    public async Task Patch_BadInput_Returns400_AndChangesNothing(string json, string field)
    {
        var id = await StoreAsync("The owner likes tea.", MemoryContextTypes.Fact);

        var response = await Owner.PatchAsync($"/api/v1/memory/{id}", SwarmApi.Json(json), Ct);

        await response.AssertFieldRefusedAsync(field);
        var entry = await Memory.GetAsync(id, MemoryViewer.Owner, Ct);
        Assert.Equal("The owner likes tea.", entry.Content);
        Assert.Null(entry.UpdatedAt);
    }

    [Fact]
    public async Task Patch_Unknown_Returns404()
    {
        var response = await Owner.PatchAsJsonAsync("/api/v1/memory/no-such-entry", new { shared = true }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Returns204_ThenTheEntryIsGone()
    {
        var id = await StoreAsync("Forget me.");

        var response = await Owner.DeleteAsync($"/api/v1/memory/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await Owner.GetAsync($"/api/v1/memory/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Owner.DeleteAsync($"/api/v1/memory/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_NewestFirst_FilteredByTypeAndSession_PagedByNext()
    {
        var first = await StoreAsync("one", session: "s1");
        var fact = await StoreAsync("The owner is called Sam.", MemoryContextTypes.Fact);
        var second = await StoreAsync("two", session: "s1");
        await StoreAsync("three", session: "s2");

        var page = await Owner.GetJsonAsync("/api/v1/memory?type=conversation&session=s1&limit=1");
        var next = page.GetProperty("next").GetString();
        var rest = await Owner.GetJsonAsync($"/api/v1/memory?type=conversation&session=s1&limit=1&before={next}");
        var typed = await Owner.GetJsonAsync("/api/v1/memory?type=fact,document");
        var all = await Owner.GetJsonAsync("/api/v1/memory?agent=owner&type=fact&type=conversation");

        Assert.Equal([second], Ids(page));
        Assert.Equal([first], Ids(rest));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rest.GetProperty("next").ValueKind);
        Assert.Equal([fact], Ids(typed));
        Assert.Equal(4, Ids(all).Count);
    }

    [Fact]
    public async Task List_SinceAndUntil_NarrowByTime()
    {
        await StoreAsync("now");

        var future = await Owner.GetJsonAsync("/api/v1/memory?since=2999-01-01");
        var past = await Owner.GetJsonAsync("/api/v1/memory?until=2000-01-01T00:00:00Z");
        var span = await Owner.GetJsonAsync("/api/v1/memory?since=2000-01-01&until=2999-01-01T00:00:00%2B02:00");

        Assert.Empty(Ids(future));
        Assert.Empty(Ids(past));
        Assert.Single(Ids(span));
    }

    [Theory]
    [InlineData("type=dream", "type")]
    [InlineData("type=fact,dream", "type")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-13-45", "until")]
    [InlineData("since=2026-03-02&until=2026-03-01", "until")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=1.5", "limit")]
    public async Task List_BadFilter_Returns400NamingIt(string query, string field)
    {
        var response = await Owner.GetAsync($"/api/v1/memory?{query}", Ct);

        await response.AssertFieldRefusedAsync(field);
    }

    [Fact]
    public async Task List_LongAgent_Returns400NamingIt()
    {
        var response = await Owner.GetAsync($"/api/v1/memory?agent={new string('a', 201)}", Ct);

        await response.AssertFieldRefusedAsync("agent");
    }

    private static List<string> Ids(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}
