using System.Text.Json;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A function's declaration: name, description and the JSON schema of its parameters.</summary>
public sealed record ChatCompletionFunction(string? Name, string? Description, JsonElement? Parameters);
