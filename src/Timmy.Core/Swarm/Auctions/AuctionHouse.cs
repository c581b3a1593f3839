using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Auctions;

/// <summary>Runs the sealed-price auctions: one opens when a task is posted, the personas online bid at once, remote
/// agents bid over HTTP until it closes — when its time is up, or as soon as every agent it waits for has answered.
/// The lowest live bid wins (ties: the earliest); no bids fails the task with "no bids". Closing reads the bids and
/// moves the task in one transaction, so a bid is either counted or refused, never lost.</summary>
public sealed class AuctionHouse
{
    /// <summary>Tools every persona has (the rest come from <see cref="SwarmOptions.ExtraTools"/>).</summary>
    public static readonly IReadOnlyList<string> BuiltInTools = ["read_event_log", "post_subtask"];

    private readonly ConcurrentDictionary<string, OpenAuction> _open = new(StringComparer.Ordinal);
    private readonly IDbConnectionFactory _connections;
    private readonly ITaskStore _tasks;
    private readonly AgentRoster _roster;
    private readonly PersonaBidder _bidder;
    private readonly BidLearner _learner;
    private readonly IEventLog _events;
    private readonly IOptions<SwarmOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AuctionHouse> _logger;
    private readonly IReadOnlySet<string> _tools;

    public AuctionHouse(
        IDbConnectionFactory connections, ITaskStore tasks, AgentRoster roster, PersonaBidder bidder, BidLearner learner, IEventLog events, IOptions<SwarmOptions> options,
        TimeProvider time, ILogger<AuctionHouse> logger)
    {
        _connections = connections;
        _tasks = tasks;
        _roster = roster;
        _bidder = bidder;
        _learner = learner;
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
        _tools = new HashSet<string>(BuiltInTools.Concat(options.Value.ExtraTools), StringComparer.Ordinal);
        roster.Changed += AgentChanged;
    }

    /// <summary>Called once an auction assigned its task to a winner (after the commit).</summary>
    public Func<ClosedAuction, Task>? Assigned { get; set; }

    public IReadOnlyCollection<OpenAuction> Open => [.. _open.Values];

    /// <summary>Stores the task, opens its auction and takes the personas' bids — and when nobody else is left to wait
    /// for (or the auction has no time), closes it too — all in one commit.</summary>
    public async Task<SwarmTask> OpenAsync(NewSwarmTask draft, string? actor, CancellationToken cancellationToken = default)
    {
        var eligible = _roster.Eligible();
        ClosedAuction? closed = null;
        OpenAuction auction;
        await using (var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken))
        {
            var task = await _tasks.InsertAsync(transaction, draft, cancellationToken);
            await _events.AppendAllAsync(transaction,
                [SwarmEvents.Created(task, actor), SwarmEvents.Bidding(task, [.. eligible.Select(e => e.Agent.Id)])], cancellationToken);
            auction = await TakePersonaBidsAsync(transaction, task, eligible, cancellationToken);
            if (auction.WaitingFor.Count == 0 || auction.ClosesAt <= _time.GetUtcNow())
            {
                closed = await DecideAsync(transaction, auction, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return closed is null ? Schedule(auction) : await AfterCloseAsync(closed);
    }

    /// <summary>Stores a task whose auction waits for its funding (<see cref="NewSwarmTask.FundingHash"/>): pending, with
    /// its task.created event and whatever <paramref name="alongside"/> records (the funding invoice), in one commit.</summary>
    public async Task<SwarmTask> HoldAsync(
        NewSwarmTask draft, string? actor, Func<WriteTransaction, SwarmTask, Task> alongside, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var task = await _tasks.InsertAsync(transaction, draft, cancellationToken);
        await _events.AppendAsync(transaction, SwarmEvents.Created(task, actor), cancellationToken);
        await alongside(transaction, task);
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>Opens the auction of a held task now that it is funded: pending → bidding, closing
    /// <paramref name="closesAt"/>, the personas' bids taken, all in one commit (and decided at once when nobody else
    /// is left to wait for).</summary>
    public async Task<SwarmTask> OpenHeldAsync(string taskId, DateTimeOffset closesAt, CancellationToken cancellationToken = default)
    {
        var eligible = _roster.Eligible();
        ClosedAuction? closed = null;
        OpenAuction auction;
        await using (var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken))
        {
            var task = await _tasks.MoveAsync(transaction, new TaskChange(taskId, SwarmTaskStatus.Bidding) { AuctionClosesAt = closesAt }, cancellationToken);
            await _events.AppendAsync(transaction, SwarmEvents.Bidding(task, [.. eligible.Select(e => e.Agent.Id)]), cancellationToken);
            auction = await TakePersonaBidsAsync(transaction, task, eligible, cancellationToken);
            if (auction.WaitingFor.Count == 0 || auction.ClosesAt <= _time.GetUtcNow())
            {
                closed = await DecideAsync(transaction, auction, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return closed is null ? Schedule(auction) : await AfterCloseAsync(closed);
    }

    /// <summary>Opens a new auction for a task that is already bidding (recovery after a restart).</summary>
    public async Task ReopenAsync(SwarmTask task, CancellationToken cancellationToken = default)
    {
        OpenAuction auction;
        await using (var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken))
        {
            auction = await TakePersonaBidsAsync(transaction, task with { AuctionClosesAt = _time.GetUtcNow() }, _roster.Eligible(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        Schedule(auction);
    }

    /// <summary>An agent's bid (a new one replaces its earlier bid on the task).</summary>
    /// <exception cref="InvalidFieldException">Not a positive whole number of sats, or over the task's max bid.</exception>
    /// <exception cref="AuctionClosedException"/>
    /// <exception cref="TaskNotFoundException"/>
    public async Task<Bid> BidAsync(string taskId, string agentId, long amountSats, string? reason, string? actor, CancellationToken cancellationToken = default)
    {
        if (amountSats < 1)
        {
            throw new InvalidFieldException("amount_sats", "A bid is a positive whole number of sats.");
        }
        EnsureOnline(agentId);
        var bid = (await _tasks.AddBidsAsync(taskId, [new NewBid(taskId, agentId, amountSats, reason)], (b, n) => SwarmEvents.BidSubmitted(b, n, actor),
            cancellationToken))[0];
        await AnsweredAsync(taskId, agentId);
        return bid;
    }

    /// <summary>An agent passes on a task; the auction stops waiting for it.</summary>
    public async Task DeclineAsync(string taskId, string agentId, string reason, string? actor, CancellationToken cancellationToken = default)
    {
        EnsureOnline(agentId);
        var task = await _tasks.GetAsync(taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
        if (task.Status != SwarmTaskStatus.Bidding)
        {
            throw new AuctionClosedException(taskId, task.Status);
        }
        await _events.LogAsync(SwarmEvents.BidDeclined(taskId, agentId, reason, actor), cancellationToken);
        await AnsweredAsync(taskId, agentId);
    }

    /// <summary>Closes the auction now (its timer, its last answer, or the owner): the task goes to the lowest bid, or
    /// fails with "no bids". Does nothing when it is not open here.</summary>
    public async Task CloseAsync(string taskId)
    {
        if (!_open.TryRemove(taskId, out var auction))
        {
            return;
        }
        auction.Dispose();
        ClosedAuction closed;
        try
        {
            await using var transaction = await _connections.BeginWriteAsync();
            closed = await DecideAsync(transaction, auction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        catch (IllegalTaskTransitionException)
        {
            return; // cancelled while the auction was open
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Closing the auction of task {TaskId} failed", taskId);
            return;
        }
        await AfterCloseAsync(closed);
    }

    /// <summary>Drops an auction without deciding it (its task was cancelled).</summary>
    public void Forget(string taskId)
    {
        if (_open.TryRemove(taskId, out var auction))
        {
            auction.Dispose();
        }
    }

    /// <summary>The online personas decide at once: their bids are stored, their declines logged, and the auction
    /// stops waiting for them.</summary>
    private async Task<OpenAuction> TakePersonaBidsAsync(
        WriteTransaction transaction, SwarmTask task, IReadOnlyList<RosterEntry> eligible, CancellationToken cancellationToken)
    {
        var auction = new OpenAuction(task, task.AuctionClosesAt ?? _time.GetUtcNow(), eligible.Select(e => e.Agent.Id));
        var bids = new List<NewBid>();
        var declines = new List<EventDraft>();
        foreach (var entry in eligible.Where(e => e.Persona is not null))
        {
            var decision = _bidder.Decide(entry.Persona!, task.Description, task.MaxBidSats, _tools);
            if (decision.AmountSats is { } amount)
            {
                bids.Add(new NewBid(task.Id, entry.Agent.Id, amount, decision.Reason));
                auction.NotePersonaBid(new PersonaBidOutcome(entry.Agent.Id, decision.MatchedKeywords, amount, false));
            }
            else
            {
                declines.Add(SwarmEvents.BidDeclined(task.Id, entry.Agent.Id, decision.Reason));
            }
            auction.Answered(entry.Agent.Id);
        }
        var stored = await _tasks.InsertBidsAsync(transaction, task.Id, bids, cancellationToken);
        await _events.AppendAllAsync(transaction, [.. stored.Select((bid, i) => SwarmEvents.BidSubmitted(bid, bids[i], null)), .. declines],
            cancellationToken);
        return auction;
    }

    /// <summary>Reads the live bids and decides, in <paramref name="transaction"/>: assigned to the lowest (ties: the
    /// earliest) — and running at once when the winner is a persona here — or failed with "no bids". The personas' bids
    /// go to the learner in the same commit.</summary>
    private async Task<ClosedAuction> DecideAsync(WriteTransaction transaction, OpenAuction auction, CancellationToken cancellationToken)
    {
        var bids = await _tasks.BidsAsync(transaction, auction.TaskId, cancellationToken);
        var live = bids.Where(b => !b.Replaced).ToList();
        var winner = live.OrderBy(b => b.AmountSats).ThenBy(b => b.Id).FirstOrDefault();
        var scores = CapabilityRouting.Score(auction.Description, _roster.Online);
        Persona? persona = null;
        SwarmTask task;
        if (winner is null)
        {
            task = await _tasks.MoveAsync(transaction, new TaskChange(auction.TaskId, SwarmTaskStatus.Failed) { Error = "no bids", RoutingScores = scores },
                cancellationToken);
            await _events.AppendAllAsync(transaction, [SwarmEvents.AuctionClosed(task, null, 0, scores), SwarmEvents.Failed(task)], cancellationToken);
        }
        else
        {
            task = await _tasks.MoveAsync(transaction, new TaskChange(auction.TaskId, SwarmTaskStatus.Assigned)
            {
                AssignedAgent = winner.AgentId, WinningBidSats = winner.AmountSats, WinningBidId = winner.Id, RoutingScores = scores,
            }, cancellationToken);
            var drafts = new List<EventDraft> { SwarmEvents.AuctionClosed(task, winner, live.Count, scores), SwarmEvents.Assigned(task) };
            await _events.AppendAllAsync(transaction, drafts, cancellationToken);
            drafts.Clear();
            await _roster.TakeOnAsync(transaction, winner.AgentId, task.Id, cancellationToken);
            persona = RunsHere(winner.AgentId);
            if (persona is not null)
            {
                task = await _tasks.MoveAsync(transaction, new TaskChange(task.Id, SwarmTaskStatus.Running), cancellationToken);
                drafts.Add(SwarmEvents.Started(task));
            }
            await _events.AppendAllAsync(transaction, drafts, cancellationToken);
        }
        await _learner.RecordAuctionAsync(transaction, auction.TaskId, auction.PersonaOutcomes(winner?.AgentId), cancellationToken);
        return new ClosedAuction(task, winner, persona);
    }

    /// <summary>The persona behind an agent that runs in this process (a persona stopped meanwhile still finishes what
    /// it won); null for a remote agent.</summary>
    private Persona? RunsHere(string agentId) =>
        _roster.Find(agentId) is { } entry ? entry.Persona : PersonaCatalog.Find(agentId);

    private async Task<SwarmTask> AfterCloseAsync(ClosedAuction closed)
    {
        if (closed.Winner is not null && Assigned is { } assigned)
        {
            await assigned(closed);
        }
        return closed.Task;
    }

    private SwarmTask Schedule(OpenAuction auction)
    {
        _open[auction.TaskId] = auction;
        var wait = auction.ClosesAt - _time.GetUtcNow();
        auction.Timer = _time.CreateTimer(_ => _ = CloseAsync(auction.TaskId), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return auction.Task;
    }

    private async Task AnsweredAsync(string taskId, string agentId)
    {
        if (_open.TryGetValue(taskId, out var auction) && auction.Answered(agentId))
        {
            await CloseAsync(taskId);
        }
    }

    private void EnsureOnline(string agentId)
    {
        if (_roster.Find(agentId) is null)
        {
            throw new AgentConflictException("Agent offline", $"Agent {agentId} is not online; register or send a heartbeat first.");
        }
    }

    /// <summary>An agent that went offline is no longer waited for.</summary>
    private void AgentChanged(string agentId)
    {
        if (_roster.Find(agentId) is not null)
        {
            return;
        }
        foreach (var auction in _open.Values.Where(a => a.IsWaitingFor(agentId)))
        {
            if (auction.Answered(agentId))
            {
                _ = CloseAsync(auction.TaskId);
            }
        }
    }
}
