namespace Timmy.Core.Swarm.Auctions;

/// <summary>A bid on a task (row of <c>bids</c>). A newer bid of the same agent on the same task replaces it
/// (<see cref="Replaced"/>); the winning one is <see cref="Won"/>.</summary>
public sealed record Bid(long Id, string TaskId, string AgentId, long AmountSats, DateTimeOffset SubmittedAt, bool Replaced, bool Won);
