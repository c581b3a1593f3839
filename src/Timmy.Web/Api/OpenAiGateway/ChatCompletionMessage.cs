using System.Text.Json;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>One message of a request or an answer. <c>content</c> is a string or a list of parts
/// (<c>{"type":"text","text":…}</c>); an assistant's <c>tool_calls</c> and a tool's <c>tool_call_id</c> carry
/// the tool round.</summary>
public sealed record ChatCompletionMessage(
    string? Role,
    JsonElement? Content,
    string? Name = null,
    IReadOnlyList<ChatCompletionToolCall>? ToolCalls = null,
    string? ToolCallId = null);
