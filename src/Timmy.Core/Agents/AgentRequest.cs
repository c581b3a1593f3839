using Microsoft.Extensions.AI;

namespace Timmy.Core.Agents;

/// <summary>One run of an agent: its instructions (sent as the system prompt), the conversation so far ending
/// with what it should answer, and the tools it may call.</summary>
public sealed record AgentRequest(string Instructions, IReadOnlyList<ChatMessage> Conversation)
{
    public IReadOnlyList<AITool> Tools { get; init; } = [];

    /// <summary>Most rounds of tool calls the model may make before it must answer; null keeps the default.</summary>
    public int? MaxToolRounds { get; init; }

    /// <summary>Cap on the answer's length, in tokens; null leaves it to the provider.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Prompt budget in estimated tokens (<see cref="TokenEstimator"/>): when set, the oldest turns are
    /// dropped to fit (<see cref="ContextTrimmer"/>). Null sends the whole conversation.</summary>
    public int? PromptTokens { get; init; }
}
