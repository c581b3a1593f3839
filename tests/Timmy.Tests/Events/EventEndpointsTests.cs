using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;

namespace Timmy.Tests.Events;

public sealed class EventEndpointsTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _client = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.CreateOwnerClientAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_ValidEvent_Returns201WithSnakeCaseRecord()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/events",
            new { event_type = "system.info", source = "coordinator", task_id = "t-1", data = new { description = "write", password = "p" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("system.info", body.GetProperty("event_type").GetString());
        Assert.Equal("t-1", body.GetProperty("task_id").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        Assert.Equal("[redacted]", body.GetProperty("data").GetProperty("password").GetString());
        Assert.EndsWith("Z", body.GetProperty("timestamp").GetString());
        Assert.Equal($"/api/v1/events/{body.GetProperty("id").GetInt64()}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("""{"event_type":"system.nope","source":"x"}""", "event_type")]
    [InlineData("""{"event_type":"system.info","source":""}""", "source")]
    [InlineData("""{"event_type":"system.info","source":"x","data":"text"}""", "data")]
    [InlineData("""{"event_type":"system.info","source":"x","data":[1]}""", "data")]
    [InlineData("""not json""", "body")]
    [InlineData("""{"source":"x"}""", "event_type")]
    [InlineData("""{"event_type":"system.info","source":"x","task_id":7}""", "task_id")]
    public async Task Post_BadInput_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await _client.PostAsync("/api/v1/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var store = _factory.Service<IEventStore>();
        var page = await store.QueryAsync(new EventQuery { Types = [Pattern("system.*")] }, Ct);
        Assert.DoesNotContain(page.Items, e => e.Source == "x");
    }

    [Fact]
    public async Task Post_DataOver64KiB_Returns400()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/events",
            new { event_type = "system.info", source = "x", data = new { blob = new string('a', 70_000) } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_FiltersAndPaging_Work()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log(i % 2 == 0 ? "system.info" : "system.warning", task: $"t{i}");
        }

        var first = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events?type=system.info&source=test&limit=2", Ct);
        var items = first.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), e => Assert.Equal("system.info", e.GetProperty("event_type").GetString()));
        var cursor = first.GetProperty("next_cursor").GetInt64();

        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/events?type=system.info&source=test&limit=2&before={cursor}", Ct);
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("type=Bad!")]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("from=yesterday")]
    [InlineData("before=-1")]
    [InlineData("before=3&after=1")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")]
    public async Task Get_BadFilter_Returns400(string query)
    {
        var response = await _client.GetAsync("/api/v1/events?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Summary_NonNumericMinutes_Returns400NamingTheParameter()
    {
        var response = await _client.GetAsync("/api/v1/events/summary?minutes=abc", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("'minutes' must be a whole number; got 'abc'.", errors.GetProperty("minutes")[0].GetString());
    }

    [Fact]
    public async Task GetById_Unknown_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/events/999999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Summary_CountsByType()
    {
        await Log("system.warning");
        await Log("system.warning");
        await Log("system.error");

        var summary = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/summary?minutes=60", Ct);

        Assert.Equal(60, summary.GetProperty("window_minutes").GetInt32());
        var counts = summary.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("event_type").GetString()!, c => c.GetProperty("count").GetInt64());
        Assert.Equal(2, counts["system.warning"]);
        Assert.Equal(1, counts["system.error"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/events/summary?minutes=0", Ct)).StatusCode);
    }

    [Fact]
    public async Task Timelines_ReturnOneTaskOrAgentOldestFirst()
    {
        var a = await Log("system.info", task: "tl-1");
        await Log("system.info", task: "other");
        var b = await Log("system.error", task: "tl-1", agent: "scout-7");

        var task = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/tasks/tl-1/timeline", Ct);
        var agent = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/agents/scout-7/timeline", Ct);

        Assert.Equal([a, b], task.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal([b], agent.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Export_CsvAndJsonLines_ContainMatchingEvents()
    {
        await Log("system.info", task: "=HYPERLINK(1)", data: new { note = "a, \"quoted\"" });
        await Log("system.warning");

        var csv = await _client.GetStringAsync("/api/v1/events/export?format=csv&type=system.info&source=test", Ct);
        var lines = csv.Trim().Split('\n');
        Assert.Equal("id,event_type,source,task_id,agent_id,timestamp,data,actor,prev_hash,hash", lines[0]);
        Assert.Contains(",token:test,", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",'=HYPERLINK(1),", lines[1]);
        Assert.Contains(",\"{\"\"note\"\":", lines[1]);

        var jsonl = await _client.GetStringAsync("/api/v1/events/export?format=jsonl", Ct);
        var records = jsonl.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(records, r => r.GetProperty("event_type").GetString() == "system.warning");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/events/export?format=xml", Ct)).StatusCode);
    }

    [Fact]
    public async Task Types_ListsTheCatalogue()
    {
        var types = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/types", Ct);

        Assert.Equal(EventType.All.Count, types.GetArrayLength());
    }

    [Fact]
    public async Task NoCredentials_Returns401()
    {
        var anonymous = _factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ReadOnlyToken_CannotPost_AndIsToldWhichScopeItLacks()
    {
        var reader = await _factory.CreateOwnerClientAsync(ApiScopes.EventsRead);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/events", Ct)).StatusCode);
        var refused = await reader.PostAsJsonAsync("/api/v1/events", new { event_type = "system.info", source = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(ApiScopes.EventsWrite, problem.GetProperty("required_scope").GetString());
        Assert.Equal("This needs the 'events:write' scope (or '*'); the token has: events:read.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_BodyNotJson_Returns400NamingTheBody(string contentType)
    {
        var response = await _client.PostAsync("/api/v1/events",
            new StringContent("event_type=system.info", System.Text.Encoding.UTF8, contentType), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("The body must be JSON (Content-Type: application/json).", errors.GetProperty("body")[0].GetString());
    }

    [Theory]
    [InlineData("", "A JSON body is required: an object with event_type (required), source (required), task_id, agent_id, data.")]
    [InlineData("{\"event_type\":", "The body is not valid JSON. Expected an object with event_type (required), source (required), task_id, agent_id, data.")]
    public async Task Post_NoOrBrokenBody_Returns400ListingTheFields(string json, string message)
    {
        var response = await _client.PostAsync("/api/v1/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task GetById_Unknown_Returns404NamingTheId()
    {
        var problem = await (await _client.GetAsync("/api/v1/events/424242", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("No such event", problem.GetProperty("title").GetString());
        Assert.Equal("There is no event with id 424242.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAndListsTheEventsApi()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("/api/v1/events", document);
    }

    private async Task<long> Log(string type, string? task = null, string? agent = null, object? data = null)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/events", new { event_type = type, source = "test", task_id = task, agent_id = agent, data }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
    }

    private static EventTypePattern Pattern(string text) =>
        EventTypePattern.TryParse(text, out var p, out var error) ? p : throw new ArgumentException(error);
}
