using Timmy.Core.Events;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>The swarm's events, drafted in one place so every page and client reads the same shapes. Task, auction and
/// agent events come from the coordinator; a bid comes from its agent. Data keys are snake_case.</summary>
public static class SwarmEvents
{
    public const string Source = "coordinator";

    /// <summary>How much of a result an event carries; the task keeps all of it.</summary>
    public const int PreviewLength = 280;

    public static EventDraft Created(SwarmTask task, string? actor) =>
        new(EventType.TaskCreated, Source, new
        {
            description = Preview(task.Description), max_bid_sats = task.MaxBidSats, posted_by = task.PostedBy,
            parent_task_id = task.ParentTaskId, reposted_from = task.RepostedFrom,
        }, task.Id) { Actor = actor };

    public static EventDraft Bidding(SwarmTask task, IReadOnlyList<string> eligible) =>
        new(EventType.TaskBidding, Source, new { closes_at = task.AuctionClosesAt, eligible, max_bid_sats = task.MaxBidSats }, task.Id);

    public static EventDraft BidSubmitted(Bid bid, NewBid asked, string? actor) =>
        new(EventType.BidSubmitted, bid.AgentId, new { bid_id = bid.Id, amount_sats = bid.AmountSats, reason = asked.Reason }, bid.TaskId, bid.AgentId)
        {
            Actor = actor,
        };

    public static EventDraft BidDeclined(string taskId, string agentId, string reason, string? actor = null) =>
        new(EventType.BidDeclined, agentId, new { reason }, taskId, agentId) { Actor = actor };

    public static EventDraft AuctionClosed(SwarmTask task, Bid? winner, int liveBids, IReadOnlyList<RoutingScore> scores) =>
        new(EventType.AuctionClosed, Source, new
        {
            winner = winner?.AgentId, winning_bid_sats = winner?.AmountSats, bids = liveBids,
            routing = scores.Select(s => new { agent_id = s.AgentId, score = Math.Round(s.Score, 3), matched = s.Matched }).ToArray(),
        }, task.Id, winner?.AgentId);

    public static EventDraft Assigned(SwarmTask task) =>
        new(EventType.TaskAssigned, Source, new { agent = task.AssignedAgent, bid_sats = task.WinningBidSats }, task.Id, task.AssignedAgent);

    public static EventDraft Started(SwarmTask task) =>
        new(EventType.TaskStarted, Source, new { agent = task.AssignedAgent }, task.Id, task.AssignedAgent);

    public static EventDraft Completed(SwarmTask task, TaskRunFacts facts) =>
        new(EventType.TaskCompleted, Source, new
        {
            agent = task.AssignedAgent, result = Preview(task.Result ?? ""), bid_sats = task.WinningBidSats,
            provider = facts.Provider, model = facts.Model, latency_ms = facts.LatencyMs, tool_calls = facts.ToolCalls,
        }, task.Id, task.AssignedAgent);

    public static EventDraft Failed(SwarmTask task) =>
        new(EventType.TaskFailed, Source, new { agent = task.AssignedAgent, error = task.Error }, task.Id, task.AssignedAgent);

    public static EventDraft Cancelled(SwarmTask task, string? actor) =>
        new(EventType.TaskCancelled, Source, new { agent = task.AssignedAgent, previous = task.Status }, task.Id, task.AssignedAgent)
        {
            Actor = actor,
        };

    public static EventDraft Joined(SwarmAgent agent, string? actor = null) =>
        new(EventType.AgentJoined, Source, new { name = agent.Name, kind = agent.Kind, capabilities = agent.Capabilities }, AgentId: agent.Id)
        {
            Actor = actor,
        };

    public static EventDraft Left(SwarmAgent agent, string reason, string? actor = null) =>
        new(EventType.AgentLeft, Source, new { name = agent.Name, reason }, AgentId: agent.Id) { Actor = actor };

    public static EventDraft StatusChanged(SwarmAgent agent, string previous) =>
        new(EventType.AgentStatusChanged, Source, new { name = agent.Name, from = previous, to = agent.Status }, AgentId: agent.Id);

    public static string Preview(string text) => text.Length <= PreviewLength ? text : text[..(PreviewLength - 1)] + "…";
}
