namespace Timmy.Core.Swarm.Auctions;

/// <summary>A bid as an agent makes it; <see cref="Reason"/> (why this figure) is logged with it, not stored.</summary>
public sealed record NewBid(string TaskId, string AgentId, long AmountSats, string? Reason = null);
