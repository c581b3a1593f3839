using Timmy.Core.Events;
using Timmy.Core.Swarm.Auctions;

namespace Timmy.Core.Swarm.Tasks;

/// <summary>Tasks and their bids. Every change commits together with the events it is logged with.</summary>
public interface ITaskStore
{
    /// <summary>Stores a posted task and opens it for bidding (pending → bidding) in one transaction.</summary>
    Task<SwarmTask> CreateAsync(NewSwarmTask task, Func<SwarmTask, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default);

    /// <summary>Moves a task along <see cref="TaskStateMachine"/>; the UPDATE only matches a state the move is allowed from.</summary>
    /// <exception cref="TaskNotFoundException"/>
    /// <exception cref="IllegalTaskTransitionException">The task is in a state the move is not allowed from.</exception>
    Task<SwarmTask> MoveAsync(TaskChange change, Func<SwarmTask, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default);

    /// <summary>Closes a task's auction in one transaction: reads its bids, lets <paramref name="decide"/> choose the move
    /// (assigned to the winner, or failed), and makes it. A bid commits before (and is seen) or is refused after.</summary>
    /// <exception cref="TaskNotFoundException"/>
    /// <exception cref="IllegalTaskTransitionException">The task is no longer bidding (cancelled meanwhile).</exception>
    Task<(SwarmTask Task, IReadOnlyList<Bid> Bids)> CloseAuctionAsync(
        string taskId, Func<IReadOnlyList<Bid>, TaskChange> decide, Func<SwarmTask, IReadOnlyList<Bid>, IReadOnlyList<EventDraft>> logged,
        CancellationToken cancellationToken = default);

    Task<SwarmTask?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Tasks not yet completed, failed or cancelled, oldest first (for recovery at start-up).</summary>
    Task<IReadOnlyList<SwarmTask>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>How many tasks are in each status.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores bids on a task that is bidding, in one transaction: each replaces its agent's earlier live bid.</summary>
    /// <exception cref="TaskNotFoundException"/>
    /// <exception cref="AuctionClosedException">The task is not bidding.</exception>
    /// <exception cref="Refusals.InvalidFieldException">A bid is over the task's max bid.</exception>
    Task<IReadOnlyList<Bid>> AddBidsAsync(string taskId, IReadOnlyList<NewBid> bids, Func<Bid, NewBid, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Every bid on a task, oldest first, replaced ones included.</summary>
    Task<IReadOnlyList<Bid>> BidsAsync(string taskId, CancellationToken cancellationToken = default);
}
