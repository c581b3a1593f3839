namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>What a chunk adds to the answer: the role (first chunk), text, or tool calls.</summary>
public sealed record ChatCompletionDelta(string? Role = null, string? Content = null, IReadOnlyList<ChatCompletionToolCall>? ToolCalls = null);
