namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>Token counts as the provider reported them.</summary>
public sealed record ChatCompletionUsage(long PromptTokens, long CompletionTokens, long TotalTokens);
