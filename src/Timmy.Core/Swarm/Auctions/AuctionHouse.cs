using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
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
        ITaskStore tasks, AgentRoster roster, PersonaBidder bidder, BidLearner learner, IEventLog events, IOptions<SwarmOptions> options,
        TimeProvider time, ILogger<AuctionHouse> logger)
    {
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

    /// <summary>Called with the task once its auction assigned it to a winner.</summary>
    public Func<SwarmTask, Task>? Assigned { get; set; }

    public IReadOnlyCollection<OpenAuction> Open => [.. _open.Values];

    /// <summary>Stores the task, opens its auction and takes the personas' bids.</summary>
    public async Task<SwarmTask> OpenAsync(NewSwarmTask draft, string? actor, CancellationToken cancellationToken = default)
    {
        var eligible = _roster.Eligible();
        var task = await _tasks.CreateAsync(draft, t => [SwarmEvents.Created(t, actor), SwarmEvents.Bidding(t, [.. eligible.Select(e => e.Agent.Id)])],
            cancellationToken);
        await RunAuctionAsync(task, eligible, cancellationToken);
        return await _tasks.GetAsync(task.Id, cancellationToken) ?? task;
    }

    /// <summary>Opens a new auction for a task that is already bidding (recovery after a restart).</summary>
    public Task ReopenAsync(SwarmTask task, CancellationToken cancellationToken = default) =>
        RunAuctionAsync(task, _roster.Eligible(), cancellationToken);

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
        Bid? winner = null;
        SwarmTask task;
        try
        {
            (task, _) = await _tasks.CloseAuctionAsync(taskId, bids =>
                {
                    var live = bids.Where(b => !b.Replaced).ToList();
                    winner = live.OrderBy(b => b.AmountSats).ThenBy(b => b.Id).FirstOrDefault();
                    var scores = CapabilityRouting.Score(auction.Description, _roster.Online);
                    return winner is null
                        ? new TaskChange(taskId, SwarmTaskStatus.Failed) { Error = "no bids", RoutingScores = scores }
                        : new TaskChange(taskId, SwarmTaskStatus.Assigned)
                        {
                            AssignedAgent = winner.AgentId, WinningBidSats = winner.AmountSats, WinningBidId = winner.Id, RoutingScores = scores,
                        };
                },
                (t, bids) =>
                [
                    SwarmEvents.AuctionClosed(t, winner, bids.Count(b => !b.Replaced), t.RoutingScores),
                    winner is null ? SwarmEvents.Failed(t) : SwarmEvents.Assigned(t),
                ]);
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
        await _learner.RecordAuctionAsync(taskId, auction.PersonaOutcomes(winner?.AgentId), CancellationToken.None);
        if (winner is not null && Assigned is { } assigned)
        {
            await assigned(task);
        }
    }

    /// <summary>Drops an auction without deciding it (its task was cancelled).</summary>
    public void Forget(string taskId)
    {
        if (_open.TryRemove(taskId, out var auction))
        {
            auction.Dispose();
        }
    }

    private async Task RunAuctionAsync(SwarmTask task, IReadOnlyList<RosterEntry> eligible, CancellationToken cancellationToken)
    {
        var closesAt = task.AuctionClosesAt ?? _time.GetUtcNow();
        var auction = new OpenAuction(task.Id, task.Description, closesAt, eligible.Select(e => e.Agent.Id));
        _open[task.Id] = auction;
        var bids = new List<NewBid>();
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
                await _events.LogAsync(SwarmEvents.BidDeclined(task.Id, entry.Agent.Id, decision.Reason), cancellationToken);
            }
            auction.Answered(entry.Agent.Id);
        }
        try
        {
            await _tasks.AddBidsAsync(task.Id, bids, (b, n) => SwarmEvents.BidSubmitted(b, n, null), cancellationToken);
        }
        catch (AuctionClosedException)
        {
            Forget(task.Id); // cancelled before the personas' bids were in
            return;
        }
        var wait = closesAt - _time.GetUtcNow();
        if (auction.WaitingFor.Count == 0 || wait <= TimeSpan.Zero)
        {
            await CloseAsync(task.Id);
            return;
        }
        auction.Timer = _time.CreateTimer(_ => _ = CloseAsync(task.Id), null, wait, Timeout.InfiniteTimeSpan);
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
