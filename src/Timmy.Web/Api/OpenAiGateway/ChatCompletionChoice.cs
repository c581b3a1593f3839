namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The one choice of an answer.</summary>
public sealed record ChatCompletionChoice(int Index, ChatCompletionMessage Message, string FinishReason);
