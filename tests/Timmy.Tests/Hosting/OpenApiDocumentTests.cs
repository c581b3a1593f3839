using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Api;

namespace Timmy.Tests.Hosting;

/// <summary>The OpenAPI document describes every request body: a POST, PUT or PATCH either shows its body's
/// schema or is marked <see cref="TakesNoBodyAttribute"/> in the code.</summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Host host) : IClassFixture<OpenApiDocumentTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Host : TimmyWebFactory;

    private static readonly string[] WriteMethods = ["post", "put", "patch"];

    private async Task<JsonElement> DocumentAsync()
    {
        var client = await host.CreateOwnerClientAsync();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
    }

    private async Task<List<(string Method, string Path, JsonElement Operation)>> WriteOperationsAsync() =>
        WriteOperations(await DocumentAsync());

    private static List<(string Method, string Path, JsonElement Operation)> WriteOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => WriteMethods.Contains(op.Name))
                .Select(op => (op.Name, path.Name, op.Value)))
            .ToList();

    /// <summary>Names of the endpoints whose handler says it takes no body.</summary>
    private HashSet<string> BodylessEndpoints() =>
        host.Service<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<TakesNoBodyAttribute>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .ToHashSet();

    /// <summary>The operation, asserting that the document has it with an id and a summary.</summary>
    private async Task<JsonElement> DescribedOperationAsync(string method, string path)
    {
        var document = await DocumentAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), path);
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path}");
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        return operation;
    }

    private static bool HasJsonBodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out _);

    [Fact]
    public async Task Document_EveryWriteOperation_ShowsItsBodyOrIsMarkedBodyless()
    {
        var bodyless = BodylessEndpoints();

        var missing = (await WriteOperationsAsync())
            .Where(op => !HasJsonBodySchema(op.Operation) && !bodyless.Contains(op.Operation.GetProperty("operationId").GetString()!))
            .Select(op => $"{op.Method.ToUpperInvariant()} {op.Path}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Document_BodylessOperations_ShowNoBody()
    {
        var bodyless = BodylessEndpoints();

        var marked = (await WriteOperationsAsync()).Where(op => bodyless.Contains(op.Operation.GetProperty("operationId").GetString()!)).ToList();

        Assert.NotEmpty(marked);
        Assert.All(marked, op => Assert.False(op.Operation.TryGetProperty("requestBody", out _), $"{op.Method} {op.Path}"));
    }

    [Theory]
    [InlineData("/api/v1/events", "event_type")]
    [InlineData("/api/v1/chat", "message")]
    [InlineData("/api/v1/chat/stream", "session_id")]
    [InlineData("/api/v1/tokens", "scopes")]
    [InlineData("/api/v1/router/complete", "max_tokens")]
    [InlineData("/api/v1/tasks", "max_bid_sats")]
    [InlineData("/api/v1/tasks/{id}/bids", "amount_sats")]
    [InlineData("/api/v1/tasks/{id}/result", "result")]
    [InlineData("/api/v1/agents", "capabilities")]
    [InlineData("/api/v1/memory", "context_type")]
    [InlineData("/api/v1/memory/facts", "key")]
    [InlineData("/api/v1/memory/documents", "content")]
    [InlineData("/api/v1/memory/prune", "older_than_days")]
    [InlineData("/api/v1/upgrades/{id}/approve", "second_factor")]
    [InlineData("/api/v1/upgrades/{id}/reject", "reason")]
    [InlineData("/api/v1/self-modify/runs", "target_files")]
    public async Task Document_Post_ShowsTheBodysFields(string path, string field)
    {
        var document = await DocumentAsync();
        var post = WriteOperations(document).Single(op => op.Path == path && op.Method == "post").Operation;

        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        Assert.True(schema.GetProperty("properties").TryGetProperty(field, out _), schema.ToString());
    }

    [Theory]
    [InlineData("get", "/api/v1/tasks")]
    [InlineData("post", "/api/v1/tasks")]
    [InlineData("get", "/api/v1/tasks/{id}")]
    [InlineData("get", "/api/v1/tasks/{id}/bids")]
    [InlineData("post", "/api/v1/tasks/{id}/bids")]
    [InlineData("post", "/api/v1/tasks/{id}/cancel")]
    [InlineData("post", "/api/v1/tasks/{id}/repost")]
    [InlineData("post", "/api/v1/tasks/{id}/decline")]
    [InlineData("post", "/api/v1/tasks/{id}/start")]
    [InlineData("post", "/api/v1/tasks/{id}/result")]
    [InlineData("post", "/api/v1/tasks/{id}/fail")]
    [InlineData("get", "/api/v1/swarm/summary")]
    [InlineData("get", "/api/v1/agents")]
    [InlineData("post", "/api/v1/agents")]
    [InlineData("get", "/api/v1/agents/{id}")]
    [InlineData("delete", "/api/v1/agents/{id}")]
    [InlineData("post", "/api/v1/agents/{id}/heartbeat")]
    [InlineData("get", "/api/v1/agents/{id}/work")]
    [InlineData("get", "/api/v1/personas")]
    [InlineData("post", "/api/v1/personas/{id}/spawn")]
    [InlineData("post", "/api/v1/personas/{id}/stop")]
    public async Task Document_SwarmOperation_IsDescribedWithAnIdAndASummary(string method, string path) =>
        await DescribedOperationAsync(method, path);

    [Theory]
    [InlineData("get", "/api/v1/memory")]
    [InlineData("post", "/api/v1/memory")]
    [InlineData("get", "/api/v1/memory/{id}")]
    [InlineData("patch", "/api/v1/memory/{id}")]
    [InlineData("delete", "/api/v1/memory/{id}")]
    [InlineData("get", "/api/v1/memory/search")]
    [InlineData("get", "/api/v1/memory/context")]
    [InlineData("get", "/api/v1/memory/facts")]
    [InlineData("post", "/api/v1/memory/facts")]
    [InlineData("get", "/api/v1/memory/documents")]
    [InlineData("post", "/api/v1/memory/documents")]
    [InlineData("delete", "/api/v1/memory/documents/{id}")]
    [InlineData("get", "/api/v1/memory/stats")]
    [InlineData("post", "/api/v1/memory/prune")]
    [InlineData("post", "/api/v1/memory/reindex")]
    public async Task Document_MemoryOperation_IsTaggedMemory_WithAnIdAndASummary(string method, string path) =>
        Assert.Equal(["Memory"], (await DescribedOperationAsync(method, path)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

    [Theory]
    [InlineData("get", "/api/v1/upgrades")]
    [InlineData("get", "/api/v1/upgrades/pending-count")]
    [InlineData("get", "/api/v1/upgrades/{id}")]
    [InlineData("get", "/api/v1/upgrades/{id}/diff")]
    [InlineData("post", "/api/v1/upgrades/{id}/approve")]
    [InlineData("post", "/api/v1/upgrades/{id}/reject")]
    [InlineData("post", "/api/v1/upgrades/{id}/apply")]
    [InlineData("post", "/api/v1/upgrades/{id}/rollback")]
    [InlineData("get", "/api/v1/self-modify/status")]
    [InlineData("get", "/api/v1/self-modify/runs")]
    [InlineData("post", "/api/v1/self-modify/runs")]
    [InlineData("get", "/api/v1/self-modify/runs/{runId}")]
    public async Task Document_UpgradeOperation_IsTaggedUpgrades_WithAnIdAndASummary(string method, string path) =>
        Assert.Equal(["Upgrades"], (await DescribedOperationAsync(method, path)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

    [Fact]
    public async Task Document_MemorySearch_ShowsItsFilters()
    {
        var document = await DocumentAsync();

        var search = document.GetProperty("paths").GetProperty("/api/v1/memory/search").GetProperty("get");

        Assert.Equal(["agent", "limit", "min_score", "q", "session", "since", "task", "type", "until"],
            search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Document_DocumentUpload_TakesJsonAndAForm()
    {
        var document = await DocumentAsync();

        var upload = document.GetProperty("paths").GetProperty("/api/v1/memory/documents").GetProperty("post");

        var content = upload.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _), content.ToString());
        Assert.True(content.TryGetProperty("multipart/form-data", out _), content.ToString());
    }

    [Fact]
    public async Task Document_WorkPoll_ShowsOnlyTheAgentAndTheWait()
    {
        var document = await DocumentAsync();

        var work = document.GetProperty("paths").GetProperty("/api/v1/agents/{id}/work").GetProperty("get");

        Assert.Equal(["id", "wait"], work.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order());
    }
}
