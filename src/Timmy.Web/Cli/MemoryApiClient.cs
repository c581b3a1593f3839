using System.Net;
using System.Net.Http.Json;
using Timmy.Web.Api.Memory;

namespace Timmy.Web.Cli;

/// <summary>The memory's API as the <c>memory</c> verbs call it, over the given HttpClient (base address and bearer token
/// set). An error answer throws <see cref="ServerApiException"/>; an unreachable server <see cref="HttpRequestException"/>.</summary>
public sealed class MemoryApiClient(HttpClient http)
{
    public Task<MemorySearchDto> SearchAsync(string text, IReadOnlyList<string> types, string? limit, CancellationToken cancellationToken)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(text) };
        query.AddRange(types.Select(t => "type=" + Uri.EscapeDataString(t)));
        if (limit is not null)
        {
            query.Add("limit=" + Uri.EscapeDataString(limit));
        }
        return GetAsync<MemorySearchDto>("api/v1/memory/search?" + string.Join('&', query), cancellationToken);
    }

    public async Task<MemoryEntryDto> StoreAsync(string content, string contextType, bool shared, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/memory", new { content, context_type = contextType, shared }, ApiAnswers.Json, cancellationToken);
        return await ApiAnswers.ReadAsync<MemoryEntryDto>(response, cancellationToken);
    }

    /// <summary>Remembers a fact; <c>IsNew</c> is false when it was already known (or replaced the one under its key).</summary>
    public async Task<(MemoryEntryDto Entry, bool IsNew)> RememberFactAsync(string content, bool shared, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/memory/facts", new { content, shared }, ApiAnswers.Json, cancellationToken);
        return (await ApiAnswers.ReadAsync<MemoryEntryDto>(response, cancellationToken), response.StatusCode == HttpStatusCode.Created);
    }

    public Task<MemoryPageDto> FactsAsync(string? limit, CancellationToken cancellationToken) =>
        GetAsync<MemoryPageDto>("api/v1/memory/facts" + (limit is null ? "" : "?limit=" + Uri.EscapeDataString(limit)), cancellationToken);

    public Task<MemoryStatsDto> StatsAsync(CancellationToken cancellationToken) => GetAsync<MemoryStatsDto>("api/v1/memory/stats", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ApiAnswers.ReadAsync<T>(response, cancellationToken);
    }
}
