using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Timmy.Web.Api;

/// <summary>Reads a JSON request body by hand so that a body that cannot be read gets a ValidationProblem
/// naming the field at fault (framework binding answers a bare 400 with no detail).</summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or a problem; <paramref name="shape"/> shows what a
    /// good body looks like. A missing body or a JSON <c>null</c> is a problem too.</summary>
    public static async Task<(T? Body, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, string shape, CancellationToken ct)
        where T : class
    {
        var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await request.ReadFromJsonAsync<T>(json, ct);
            return body is null ? (null, Invalid("body", $"A JSON body is required: {shape}")) : (body, null);
        }
        catch (InvalidOperationException)
        {
            return (null, Invalid("body", $"The body must be JSON (Content-Type: application/json): {shape}"));
        }
        catch (JsonException ex) when (FieldOf(ex) is { } field)
        {
            return (null, Invalid(field, $"'{field}' has the wrong type or is out of range."));
        }
        catch (JsonException)
        {
            return (null, Invalid("body", $"The body is not valid JSON. Expected: {shape}"));
        }
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>"$.messages[0].role" → "messages[0].role"; null when the fault is in the document itself.</summary>
    private static string? FieldOf(JsonException ex) =>
        ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) && ex.InnerException is not JsonException
            ? path[2..]
            : null;
}
