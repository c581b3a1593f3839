using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Timmy.Web.Hosting;

/// <summary>
/// A request the framework could not bind, as a problem. On an endpoint that takes a JSON body, a body that is
/// missing, not JSON, not valid JSON, or has a field of the wrong type is a 400 validation problem naming the
/// field at fault (or <c>body</c>) and listing the fields a good body has. A query or route value of the wrong
/// type is a 400 validation problem naming that parameter. Other binding failures (a bad form, a missing
/// antiforgery token) keep their status, with the framework's words.
/// </summary>
public static partial class MalformedRequestProblem
{
    public const string BodyField = "body";

    public static ProblemDetails For(BadHttpRequestException bad, HttpContext context)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Invalid(BodyField, bad.Message);
        }
        if (WrongTypeParameter().Match(bad.Message) is { Success: true } wrong)
        {
            var name = wrong.Groups["name"].Value;
            return Invalid(name, $"'{name}' must be {Describe(wrong.Groups["type"].Value)}; got '{wrong.Groups["value"].Value}'.");
        }
        if (BodyType(context) is not { } bodyType)
        {
            return new ProblemDetails { Status = bad.StatusCode, Detail = bad.Message };
        }
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var (field, message) = bad.InnerException switch
        {
            JsonException ex when FieldOf(ex) is { } f => (f, $"'{f}' has the wrong type or is out of range."),
            JsonException => (BodyField, $"The body is not valid JSON. Expected {RequestShape.Describe(bodyType, json)}."),
            _ => (BodyField, $"A JSON body is required: {RequestShape.Describe(bodyType, json)}."),
        };
        return Invalid(field, message);
    }

    /// <summary>The framework's only account of a query or route value it could not parse; its wording is the
    /// contract this relies on (a test pins it).</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+?) (?<name>[^" ]+)" from "(?<value>[^"]*)"\.$""")]
    private static partial Regex WrongTypeParameter();

    /// <summary>"Nullable&lt;int&gt;", "int?" or "int" → "a whole number".</summary>
    private static string Describe(string type) => type.Replace("Nullable<", "").TrimEnd('>', '?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "a whole number",
        "double" or "decimal" or "float" or "Double" or "Decimal" or "Single" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
        "Guid" => "a GUID",
        var other => $"a valid {other}",
    };

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = StatusCodes.Status400BadRequest };

    /// <summary>The type of the JSON body the endpoint reads, or null when it reads none. (The exception handler has
    /// taken the endpoint off the context, and keeps it in its feature.)</summary>
    private static Type? BodyType(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
        && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))
            ? type
            : null;

    /// <summary>"$.messages[0].role" → "messages[0].role"; null when the fault is in the document itself.</summary>
    private static string? FieldOf(JsonException ex) =>
        ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) && ex.InnerException is not JsonException
            ? path[2..]
            : null;
}
