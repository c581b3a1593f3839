using System.Text.Json.Serialization;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The inside of <see cref="OpenAiErrorBody"/>; <c>param</c> and <c>code</c> are written even when null,
/// as OpenAI does.</summary>
public sealed record OpenAiError(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
