using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Timmy.E2E.Infrastructure;

/// <summary>A remote agent as another machine runs one: a plain HTTP client holding a token with the
/// <c>agents:remote</c> scope, speaking the remote-agent protocol under <c>/api/v1</c>. Every call checks the status it
/// expects and returns the answer's JSON.</summary>
public sealed class RemoteAgentClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;

    public RemoteAgentClient(string baseUrl, string token, string id)
    {
        Id = id;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string Id { get; }

    public Task<JsonElement> RegisterAsync(string name, params string[] capabilities) =>
        SendAsync(HttpMethod.Post, "/api/v1/agents", new { id = Id, name, capabilities }, HttpStatusCode.Created);

    /// <summary>Long-polls for work: the auctions the agent has not answered and the tasks it won.</summary>
    public Task<JsonElement> WorkAsync(int waitSeconds = 0) =>
        SendAsync(HttpMethod.Get, $"/api/v1/agents/{Id}/work?wait={waitSeconds}", null, HttpStatusCode.OK);

    public Task<JsonElement> BidAsync(string taskId, long amountSats, string reason) =>
        SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/bids", new { agent_id = Id, amount_sats = amountSats, reason }, HttpStatusCode.Created);

    public Task<JsonElement> StartAsync(string taskId) =>
        SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/start", new { agent_id = Id }, HttpStatusCode.OK);

    public Task<JsonElement> ResultAsync(string taskId, string markdown) =>
        SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/result", new { agent_id = Id, result = markdown }, HttpStatusCode.OK);

    /// <summary>Leaves the swarm, so that later auctions on the same server do not wait for this agent.</summary>
    public Task LeaveAsync() => SendAsync(HttpMethod.Delete, $"/api/v1/agents/{Id}", null, HttpStatusCode.NoContent);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
