namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>A tool offered to the model: only <c>type: "function"</c> exists.</summary>
public sealed record ChatCompletionTool(string? Type, ChatCompletionFunction? Function);
