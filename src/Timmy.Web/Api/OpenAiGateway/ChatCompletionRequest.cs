using System.Text.Json;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>Body of <c>POST /v1/chat/completions</c>: the fields of OpenAI's request the gateway maps onto the
/// router's <c>ChatOptions</c> (<see cref="ChatCompletionMapping"/>); others are ignored, as local servers do.</summary>
public sealed record ChatCompletionRequest(
    string? Model,
    IReadOnlyList<ChatCompletionMessage>? Messages,
    bool? Stream,
    float? Temperature,
    float? TopP,
    int? MaxTokens,
    int? MaxCompletionTokens,
    JsonElement? Stop,
    float? PresencePenalty,
    float? FrequencyPenalty,
    long? Seed,
    int? N,
    IReadOnlyList<ChatCompletionTool>? Tools,
    JsonElement? ToolChoice,
    StreamOptions? StreamOptions)
{
    public const int MaxMessageCount = 500;
    public const int MaxOutputTokens = 32_768;
}
