using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Tests.Swarm;

/// <summary>Small helpers for the swarm's HTTP tests: raw JSON bodies, reading answers, and asserting problems.</summary>
public static class SwarmApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, Json(json), Ct);

    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.BodyAsync();
    }

    /// <summary>Asserts a 400 validation problem whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertFieldRefusedAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    /// <summary>Asserts a problem answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>How many tasks the store holds, in any status.</summary>
    public static async Task<long> TaskCountAsync(this ITaskStore tasks) => (await tasks.CountByStatusAsync(Ct)).Values.Sum();

    /// <summary>Posts a task through the API and returns its id.</summary>
    public static async Task<string> PostTaskAsync(this HttpClient client, string description, long? maxBid = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/tasks", new { description, max_bid_sats = maxBid }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.BodyAsync()).GetProperty("id").GetString()!;
    }
}
