namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A call the model asks for; <c>index</c> is set only in streamed chunks.</summary>
public sealed record ChatCompletionToolCall(string? Id, string? Type, ChatCompletionFunctionCall? Function, int? Index = null);
