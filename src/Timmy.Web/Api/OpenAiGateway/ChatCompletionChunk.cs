namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>One server-sent event of a streamed answer (<c>object: "chat.completion.chunk"</c>).</summary>
public sealed record ChatCompletionChunk(
    string Id, string Object, long Created, string Model, IReadOnlyList<ChatCompletionChunkChoice> Choices, ChatCompletionUsage? Usage = null);
