namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The function of a tool call; <c>arguments</c> is a JSON object written as a string.</summary>
public sealed record ChatCompletionFunctionCall(string? Name, string? Arguments);
