using System.Text.Json.Serialization;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The delta a chunk adds; <c>finish_reason</c> stays null until the last one.</summary>
public sealed record ChatCompletionChunkChoice(
    int Index, ChatCompletionDelta Delta, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);
