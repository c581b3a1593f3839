using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Core.Swarm.Auctions;

/// <summary>Scores how well each agent's capabilities (and a persona's keywords) fit a task, as whole words of its
/// description: no match 0, one match 0.5, each further match +0.25, at most 1. Advisory only — shown beside the
/// auction's decision, which is by price.</summary>
public static class CapabilityRouting
{
    public static IReadOnlyList<RoutingScore> Score(string description, IEnumerable<RosterEntry> agents) =>
        [.. agents
            .Select(entry =>
            {
                var words = entry.Agent.Capabilities.Concat(entry.Persona?.Keywords ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var matched = KeywordMatcher.Match(description, words);
                var score = matched.Count == 0 ? 0 : Math.Min(1, 0.5 + 0.25 * (matched.Count - 1));
                return new RoutingScore(entry.Agent.Id, score, matched);
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.AgentId, StringComparer.Ordinal)];
}
