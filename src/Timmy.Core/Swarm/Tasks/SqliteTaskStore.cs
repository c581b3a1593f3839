using System.Text.Json;
using Dapper;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Auctions;

namespace Timmy.Core.Swarm.Tasks;

/// <summary>The <c>tasks</c> and <c>bids</c> tables (migration M0006) in SQLite, through Dapper. Every change runs in a
/// write transaction with its events; a status change names the states it may leave from in its WHERE clause.</summary>
public sealed class SqliteTaskStore(IDbConnectionFactory connections, IEventLog events, TimeProvider time) : ITaskStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string TaskColumns = """
        id AS Id, description AS Description, status AS Status, assigned_agent AS AssignedAgent, result AS Result,
        created_at AS CreatedAt, completed_at AS CompletedAt, max_bid_sats AS MaxBidSats, winning_bid_sats AS WinningBidSats,
        error AS Error, started_at AS StartedAt, parent_task_id AS ParentTaskId, reposted_from AS RepostedFrom,
        posted_by AS PostedBy, auction_closes_at AS AuctionClosesAt, routing_scores AS RoutingScores, funding_hash AS FundingHash
        """;

    private const string BidColumns = """
        id AS Id, task_id AS TaskId, agent_id AS AgentId, amount_sats AS AmountSats, submitted_at AS SubmittedAt,
        replaced AS Replaced, won AS Won
        """;

    public async Task<SwarmTask> CreateAsync(NewSwarmTask task, Func<SwarmTask, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await InsertAsync(transaction, task, cancellationToken);
        await events.AppendAllAsync(transaction, logged(stored), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<SwarmTask> InsertAsync(WriteTransaction transaction, NewSwarmTask task, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var id = SortableIds.New(time);
        TaskStateMachine.EnsureCanMove(id, SwarmTaskStatus.Pending, SwarmTaskStatus.Bidding);
        var row = await transaction.Connection.QuerySingleAsync<TaskRow>(new CommandDefinition($"""
            INSERT INTO tasks (id, description, status, created_at, max_bid_sats, parent_task_id, reposted_from, posted_by, auction_closes_at, funding_hash)
            VALUES (@id, @Description, @status, @now, @MaxBidSats, @ParentTaskId, @RepostedFrom, @PostedBy, @closes, @FundingHash)
            RETURNING {TaskColumns}
            """, new
        {
            id, task.Description, now = Timestamps.Format(now), task.MaxBidSats, task.ParentTaskId, task.RepostedFrom, task.PostedBy, task.FundingHash,
            status = task.FundingHash is null ? SwarmTaskStatus.Bidding : SwarmTaskStatus.Pending,
            closes = task.FundingHash is null ? Timestamps.Format(task.AuctionClosesAt) : null,
        }, transaction.Transaction, cancellationToken: cancellationToken));
        return row.ToTask();
    }

    public async Task<SwarmTask> MoveAsync(TaskChange change, Func<SwarmTask, IReadOnlyList<EventDraft>> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await MoveAsync(transaction, change, cancellationToken);
        await events.AppendAllAsync(transaction, logged(stored), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<Bid>> BidsAsync(WriteTransaction transaction, string taskId, CancellationToken cancellationToken = default) =>
        (await transaction.Connection.QueryAsync<BidRow>(new CommandDefinition(
            $"SELECT {BidColumns} FROM bids WHERE task_id = @taskId ORDER BY id", new { taskId }, transaction.Transaction,
            cancellationToken: cancellationToken))).Select(r => r.ToBid()).ToList();

    public async Task<SwarmTask> MoveAsync(WriteTransaction transaction, TaskChange change, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        var row = await transaction.Connection.QuerySingleOrDefaultAsync<TaskRow>(new CommandDefinition($"""
            UPDATE tasks SET
                status = @To,
                assigned_agent = COALESCE(@AssignedAgent, assigned_agent),
                winning_bid_sats = COALESCE(@WinningBidSats, winning_bid_sats),
                result = COALESCE(@Result, result),
                error = COALESCE(@Error, error),
                routing_scores = COALESCE(@scores, routing_scores),
                auction_closes_at = COALESCE(@closes, auction_closes_at),
                started_at = CASE WHEN @To = 'running' THEN @now ELSE started_at END,
                completed_at = CASE WHEN @To IN ('completed', 'failed', 'cancelled') THEN @now ELSE completed_at END
            WHERE id = @TaskId AND status IN @sources
            RETURNING {TaskColumns}
            """, new
        {
            change.To, change.AssignedAgent, change.WinningBidSats, change.Result, change.Error, change.TaskId, now,
            closes = change.AuctionClosesAt is { } closes ? Timestamps.Format(closes) : null,
            scores = change.RoutingScores is null ? null : JsonSerializer.Serialize(change.RoutingScores, Json),
            sources = TaskStateMachine.SourcesOf(change.To),
        }, transaction.Transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            var current = await transaction.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT status FROM tasks WHERE id = @TaskId", new { change.TaskId }, transaction.Transaction, cancellationToken: cancellationToken));
            throw current is null ? new TaskNotFoundException(change.TaskId) : new IllegalTaskTransitionException(change.TaskId, current, change.To);
        }
        if (change.WinningBidId is { } bidId)
        {
            await transaction.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE bids SET won = 1 WHERE id = @bidId AND task_id = @TaskId", new { bidId, change.TaskId }, transaction.Transaction,
                cancellationToken: cancellationToken));
        }
        return row.ToTask();
    }

    public async Task<SwarmTask?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TaskRow>(new CommandDefinition(
            $"SELECT {TaskColumns} FROM tasks WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToTask();
    }

    public async Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, TaskQuery.MaxLimit);
        var where = new List<string> { "id < @before" };
        if (query.Statuses.Count > 0)
        {
            where.Add("status IN @Statuses");
        }
        if (query.AgentId is not null)
        {
            where.Add("assigned_agent = @AgentId");
        }
        if (query.ParentTaskId is not null)
        {
            where.Add("parent_task_id = @ParentTaskId");
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add("instr(lower(description), lower(@Text)) > 0");
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Ids sort by creation time, within a millisecond too (SortableIds), so the id is the keyset cursor.
        var rows = (await connection.QueryAsync<TaskRow>(new CommandDefinition($"""
            SELECT {TaskColumns} FROM tasks WHERE {string.Join(" AND ", where)} ORDER BY id DESC LIMIT @take
            """, new
        {
            before = query.BeforeId ?? "\uffff", query.Statuses, query.AgentId, query.ParentTaskId, query.Text, take = limit + 1,
        }, cancellationToken: cancellationToken))).ToList();
        var items = rows.Take(limit).Select(r => r.ToTask()).ToList();
        return new TaskPage(items, rows.Count > limit ? items[^1].Id : null);
    }

    public async Task<IReadOnlyList<SwarmTask>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
            $"SELECT {TaskColumns} FROM tasks WHERE status NOT IN ('completed', 'failed', 'cancelled') ORDER BY id",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTask()).ToList();
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM tasks GROUP BY status", cancellationToken: cancellationToken));
        return SwarmTaskStatus.All.ToDictionary(s => s, s => rows.Where(r => r.Status == s).Sum(r => r.Count));
    }

    public async Task<IReadOnlyList<Bid>> AddBidsAsync(
        string taskId, IReadOnlyList<NewBid> bids, Func<Bid, NewBid, EventDraft> logged, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await InsertBidsAsync(transaction, taskId, bids, cancellationToken);
        await events.AppendAllAsync(transaction, [.. stored.Select((bid, i) => logged(bid, bids[i]))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<Bid>> InsertBidsAsync(
        WriteTransaction transaction, string taskId, IReadOnlyList<NewBid> bids, CancellationToken cancellationToken = default)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        var task = await transaction.Connection.QuerySingleOrDefaultAsync<BidLimits>(new CommandDefinition(
            "SELECT status AS Status, max_bid_sats AS MaxBidSats FROM tasks WHERE id = @taskId", new { taskId }, transaction.Transaction,
            cancellationToken: cancellationToken))
            ?? throw new TaskNotFoundException(taskId);
        if (task.Status != SwarmTaskStatus.Bidding)
        {
            throw new AuctionClosedException(taskId, task.Status);
        }
        var stored = new List<Bid>(bids.Count);
        foreach (var bid in bids)
        {
            if (bid.AmountSats > task.MaxBidSats)
            {
                throw new InvalidFieldException("amount_sats", $"The bid of {bid.AmountSats} sats is over the task's max bid of {task.MaxBidSats} sats.");
            }
            await transaction.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE bids SET replaced = 1 WHERE task_id = @TaskId AND agent_id = @AgentId AND replaced = 0", bid, transaction.Transaction,
                cancellationToken: cancellationToken));
            var row = await transaction.Connection.QuerySingleAsync<BidRow>(new CommandDefinition($"""
                INSERT INTO bids (task_id, agent_id, amount_sats, submitted_at) VALUES (@TaskId, @AgentId, @AmountSats, @now)
                RETURNING {BidColumns}
                """, new { bid.TaskId, bid.AgentId, bid.AmountSats, now }, transaction.Transaction, cancellationToken: cancellationToken));
            stored.Add(row.ToBid());
        }
        return stored;
    }

    public async Task<IReadOnlyList<Bid>> BidsAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BidRow>(new CommandDefinition(
            $"SELECT {BidColumns} FROM bids WHERE task_id = @taskId ORDER BY id", new { taskId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBid()).ToList();
    }

    private sealed record TaskRow(
        string Id, string Description, string Status, string? AssignedAgent, string? Result, string CreatedAt, string? CompletedAt,
        long MaxBidSats, long? WinningBidSats, string? Error, string? StartedAt, string? ParentTaskId, string? RepostedFrom,
        string PostedBy, string? AuctionClosesAt, string? RoutingScores, string? FundingHash)
    {
        public SwarmTask ToTask() => new(
            Id, Description, Status, AssignedAgent, Result, Timestamps.Parse(CreatedAt), ParseOrNull(CompletedAt), MaxBidSats, WinningBidSats,
            Error, ParseOrNull(StartedAt), ParentTaskId, RepostedFrom, PostedBy, ParseOrNull(AuctionClosesAt),
            RoutingScores is null ? [] : JsonSerializer.Deserialize<List<RoutingScore>>(RoutingScores, Json) ?? [])
        {
            FundingHash = FundingHash,
        };
    }

    private sealed record BidLimits(string Status, long MaxBidSats);

    private sealed record BidRow(long Id, string TaskId, string AgentId, long AmountSats, string SubmittedAt, long Replaced, long Won)
    {
        public Bid ToBid() => new(Id, TaskId, AgentId, AmountSats, Timestamps.Parse(SubmittedAt), Replaced != 0, Won != 0);
    }

    private static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Timestamps.Parse(value);
}
