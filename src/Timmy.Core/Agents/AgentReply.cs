using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Core.Agents;

/// <summary>What an agent answered: the text, who answered it (<see cref="RoutingInfo"/>, from the last model
/// call when tools were used), how long the whole run took, and every message of the run (tool calls and
/// their results included).</summary>
public sealed record AgentReply(string Text, RoutingInfo? Routing, double LatencyMs, IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>Tokens in and out over every model call of the run, when the providers reported them.</summary>
    public UsageDetails? Usage { get; init; }
}
