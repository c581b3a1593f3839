using System.Net.Http.Json;
using System.Text.Json;

namespace Timmy.Web.Cli;

/// <summary>How the client verbs read the running server's answers: a success as <c>T</c> (snake_case JSON), an error
/// as a <see cref="ServerApiException"/> with the problem in one line.</summary>
public static class ApiAnswers
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ServerApiException((int)response.StatusCode, await ProblemLineAsync(response, cancellationToken));
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ServerApiException((int)response.StatusCode, "The server answered with an empty body.");
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
}
