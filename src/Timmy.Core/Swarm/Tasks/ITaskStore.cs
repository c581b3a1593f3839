using Timmy.Core.Events;
using Timmy.Core.Storage;
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

    // The same writes inside a transaction the caller began (IDbConnectionFactory.BeginWriteAsync) and commits, so a
    // task's steps that happen together — posted, bid on and assigned; completed and paid — are one commit.

    /// <summary>Inserts a posted task, bidding, in <paramref name="transaction"/>.</summary>
    Task<SwarmTask> InsertAsync(WriteTransaction transaction, NewSwarmTask task, CancellationToken cancellationToken = default);

    /// <summary>Inserts bids in <paramref name="transaction"/>, with the checks of <see cref="AddBidsAsync"/>.</summary>
    Task<IReadOnlyList<Bid>> InsertBidsAsync(WriteTransaction transaction, string taskId, IReadOnlyList<NewBid> bids, CancellationToken cancellationToken = default);

    /// <summary>Moves a task in <paramref name="transaction"/>, with the checks of the other overload.</summary>
    Task<SwarmTask> MoveAsync(WriteTransaction transaction, TaskChange change, CancellationToken cancellationToken = default);

    /// <summary>A task's bids as <paramref name="transaction"/> sees them (the auction's close reads and decides in one commit).</summary>
    Task<IReadOnlyList<Bid>> BidsAsync(WriteTransaction transaction, string taskId, CancellationToken cancellationToken = default);

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
