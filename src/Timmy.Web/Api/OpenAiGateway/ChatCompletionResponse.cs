namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A whole answer (<c>object: "chat.completion"</c>).</summary>
public sealed record ChatCompletionResponse(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatCompletionChoice> Choices, ChatCompletionUsage? Usage);
