using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Security;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary>Who may use the memory's API: reading needs <c>memory:read</c>, every write <c>memory:write</c>; a swarm
/// token gets neither; no token, nothing.</summary>
public sealed class MemoryScopeTests : MemoryApiTests
{
    public static TheoryData<string, string, string?> Writes => new()
    {
        { "POST", "/api/v1/memory", """{"content":"Hello","context_type":"fact"}""" },
        { "POST", "/api/v1/memory/facts", """{"content":"The owner likes tea."}""" },
        { "POST", "/api/v1/memory/documents", """{"name":"a.txt","content":"Hello"}""" },
        { "POST", "/api/v1/memory/prune", """{"older_than_days":0,"include_facts":true}""" },
        { "POST", "/api/v1/memory/reindex", null },
        { "PATCH", "/api/v1/memory/{id}", """{"shared":true}""" },
        { "DELETE", "/api/v1/memory/{id}", null },
        { "DELETE", "/api/v1/memory/documents/{id}", null },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task ReadToken_CannotWrite_Returns403NamingTheScope_AndChangesNothing(string method, string path, string? json)
    {
        var id = await StoreAsync("Keep me.");
        var reader = await Factory.CreateOwnerClientAsync(ApiScopes.MemoryRead);

        var response = await reader.SendAsync(Request(method, path.Replace("{id}", id), json), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ApiScopes.MemoryWrite, problem.GetProperty("required_scope").GetString());
        var entry = await Memory.GetAsync(id, Core.Memory.MemoryViewer.Owner, Ct);
        Assert.False(entry.Shared);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task ReadToken_CanRead()
    {
        var id = await StoreAsync("Keep me.");
        var reader = await Factory.CreateOwnerClientAsync(ApiScopes.MemoryRead);

        Assert.Equal(id, (await reader.GetJsonAsync($"/api/v1/memory/{id}")).GetProperty("id").GetString());
        Assert.NotEmpty((await reader.GetJsonAsync("/api/v1/memory/search?q=keep")).GetProperty("hits").EnumerateArray());
    }

    [Theory]
    [InlineData("GET", "/api/v1/memory", ApiScopes.MemoryRead)]
    [InlineData("GET", "/api/v1/memory/search?q=x", ApiScopes.MemoryRead)]
    [InlineData("GET", "/api/v1/memory/stats", ApiScopes.MemoryRead)]
    [InlineData("POST", "/api/v1/memory/facts", ApiScopes.MemoryWrite)]
    public async Task SwarmToken_Returns403(string method, string path, string needed)
    {
        var swarm = await Factory.CreateOwnerClientAsync(ApiScopes.SwarmRead, ApiScopes.SwarmWrite);

        var response = await swarm.SendAsync(Request(method, path, method == "POST" ? """{"content":"The owner likes tea."}""" : null), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(needed, problem.GetProperty("required_scope").GetString());
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task WriteTokenWithoutRead_CanStoreButNotRead()
    {
        var writer = await Factory.CreateOwnerClientAsync(ApiScopes.MemoryWrite);

        var stored = await writer.PostAsJsonAsync("/api/v1/memory", new { content = "Hello", context_type = "fact" }, Ct);
        var read = await writer.GetAsync("/api/v1/memory", Ct);

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        await read.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/api/v1/memory")]
    [InlineData("POST", "/api/v1/memory/facts")]
    public async Task Anonymous_Returns401(string method, string path)
    {
        var response = await Factory.CreateAnonymousClient().SendAsync(Request(method, path, method == "POST" ? "{}" : null), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string? json) =>
        new(new HttpMethod(method), path) { Content = json is null ? null : SwarmApi.Json(json) };
}
