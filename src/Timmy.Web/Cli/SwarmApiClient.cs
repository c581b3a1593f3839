using System.Net.Http.Json;
using System.Text.Json;
using Timmy.Web.Api.Swarm;

namespace Timmy.Web.Cli;

/// <summary>The swarm's API as the client verbs call it: the running server's <c>/api/v1</c> over the given HttpClient
/// (base address and bearer token set). An error answer throws <see cref="SwarmApiException"/> with the problem in one
/// line; an unreachable server throws <see cref="HttpRequestException"/>.</summary>
public sealed class SwarmApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Uri? Server => http.BaseAddress;

    public async Task<TaskDto> PostTaskAsync(string description, long? maxBidSats, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/tasks", new { description, max_bid_sats = maxBidSats }, Json, cancellationToken);
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

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SwarmApiException((int)response.StatusCode, await ProblemLineAsync(response, cancellationToken));
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new SwarmApiException((int)response.StatusCode, "The server answered with an empty body.");
    }

    /// <summary>"title: detail", or each field error as "field: message", or the bare status.</summary>
    private static async Task<string> ProblemLineAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return status;
            }
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                return string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}"));
            }
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title ?? status, detail }.Where(p => !string.IsNullOrEmpty(p)));
        }
        catch (JsonException)
        {
            return status;
        }
    }

    /// <summary>The part of <c>GET /api/v1/tasks/{id}</c> the verbs read.</summary>
    private sealed record TaskEnvelope(TaskDto Task);
}
