using Timmy.Core.Swarm.Auctions;

namespace Timmy.Core.Swarm.Tasks;

/// <summary>One move of a task to <see cref="To"/>, with the fields that move sets (null leaves a field as it is).
/// The store stamps <c>started_at</c> on running and <c>completed_at</c> on every final state.</summary>
public sealed record TaskChange(string TaskId, string To)
{
    public string? AssignedAgent { get; init; }
    public long? WinningBidSats { get; init; }

    /// <summary>The bid that won the auction: marked <c>won</c> in the same transaction.</summary>
    public long? WinningBidId { get; init; }

    public string? Result { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<RoutingScore>? RoutingScores { get; init; }

    /// <summary>When the auction a funded task opens with closes.</summary>
    public DateTimeOffset? AuctionClosesAt { get; init; }
}
