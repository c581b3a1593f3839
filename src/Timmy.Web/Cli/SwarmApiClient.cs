using System.Net.Http.Json;
using Timmy.Web.Api.Swarm;

namespace Timmy.Web.Cli;

/// <summary>The swarm's API as the client verbs call it: the running server's <c>/api/v1</c> over the given HttpClient
/// (base address and bearer token set). An error answer throws <see cref="ServerApiException"/> with the problem in one
/// line (<see cref="ApiAnswers"/>); an unreachable server throws <see cref="HttpRequestException"/>.</summary>
public sealed class SwarmApiClient(HttpClient http)
{
    public Uri? Server => http.BaseAddress;

    public async Task<TaskDto> PostTaskAsync(string description, long? maxBidSats, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/tasks", new { description, max_bid_sats = maxBidSats }, ApiAnswers.Json, cancellationToken);
        return await ReadAsync<TaskDto>(response, cancellationToken);
    }

    public async Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync<TaskEnvelope>($"api/v1/tasks/{Uri.EscapeDataString(id)}", cancellationToken)).Task;

    public Task<TaskPageDto> ListTasksAsync(IReadOnlyList<string> statuses, string? limit, CancellationToken cancellationToken)
    {
        var query = statuses.Select(s => "status=" + Uri.EscapeDataString(s)).ToList();
        if (limit is not null)
        {
            query.Add("limit=" + Uri.EscapeDataString(limit));
        }
        return GetAsync<TaskPageDto>("api/v1/tasks" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
    }

    public Task<IReadOnlyList<AgentDto>> ListAgentsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AgentDto>>("api/v1/agents", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ApiAnswers.ReadAsync<T>(response, cancellationToken);

    /// <summary>The part of <c>GET /api/v1/tasks/{id}</c> the verbs read.</summary>
    private sealed record TaskEnvelope(TaskDto Task);
}
