using System.Net.Http.Json;
using System.Text.Json;

namespace Timmy.Tests.Swarm;

/// <summary>A remote agent as a test drives it: an HttpClient carrying an <c>agents:remote</c> token, and the protocol's
/// calls by name. Each call returns the raw answer, so tests can assert refusals as well.</summary>
public sealed class RemoteAgentClient(HttpClient http, string agentId)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Http { get; } = http;

    public string AgentId { get; } = agentId;

    public Task<HttpResponseMessage> RegisterAsync(string? name = null, params string[] capabilities) =>
        Http.PostAsJsonAsync("/api/v1/agents", new { id = AgentId, name, capabilities }, Ct);

    public Task<HttpResponseMessage> HeartbeatAsync() => Http.PostAsync($"/api/v1/agents/{AgentId}/heartbeat", null, Ct);

    public async Task<JsonElement> WorkAsync(int wait = 0) => await Http.GetJsonAsync($"/api/v1/agents/{AgentId}/work?wait={wait}");

    public Task<HttpResponseMessage> BidAsync(string taskId, long amountSats) =>
        Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/bids", new { agent_id = AgentId, amount_sats = amountSats, reason = "cheap and quick" }, Ct);

    public Task<HttpResponseMessage> DeclineAsync(string taskId) =>
        Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/decline", new { agent_id = AgentId, reason = "not my field" }, Ct);

    public Task<HttpResponseMessage> StartAsync(string taskId) =>
        Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/start", new { agent_id = AgentId }, Ct);

    public Task<HttpResponseMessage> ResultAsync(string taskId, string result) =>
        Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/result", new { agent_id = AgentId, result }, Ct);

    public Task<HttpResponseMessage> FailAsync(string taskId, string error) =>
        Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/fail", new { agent_id = AgentId, error }, Ct);

    public Task<HttpResponseMessage> DeregisterAsync() => Http.DeleteAsync($"/api/v1/agents/{AgentId}", Ct);

    /// <summary>The ids of the open auctions in a work answer.</summary>
    public static List<string> AuctionIds(JsonElement work) =>
        [.. work.GetProperty("auctions").EnumerateArray().Select(a => a.GetProperty("task_id").GetString()!)];

    /// <summary>The ids of the won tasks in a work answer.</summary>
    public static List<string> AssignedIds(JsonElement work) =>
        [.. work.GetProperty("assigned").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
}
