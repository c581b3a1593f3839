namespace Timmy.Core.Swarm.Auctions;

/// <summary>How well an agent's capabilities fit a task (0–1) and which of them matched. Advisory, as in the spec:
/// the auction decides by price; the scores are stored with the decision and shown on the task.</summary>
public sealed record RoutingScore(string AgentId, double Score, IReadOnlyList<string> Matched);
