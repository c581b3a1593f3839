using Timmy.Core.Swarm.Auctions;

namespace Timmy.Web.Api.Swarm;

/// <summary>A bid on a task. <see cref="Replaced"/>: the agent bid again, and this one no longer counts;
/// <see cref="Winner"/>: the bid that won the auction.</summary>
public sealed record BidDto(long Id, string TaskId, string AgentId, long AmountSats, DateTimeOffset SubmittedAt, bool Replaced, bool Winner)
{
    public static BidDto From(Bid bid) => new(bid.Id, bid.TaskId, bid.AgentId, bid.AmountSats, bid.SubmittedAt, bid.Replaced, bid.Won);
}
