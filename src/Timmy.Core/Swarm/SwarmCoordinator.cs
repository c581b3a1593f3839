using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Refusals;
using Timmy.Core.Router;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Auctions;
using Timmy.Core.Swarm.Execution;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm;

/// <summary>The swarm's coordinator (the spec's <c>coordinator.py</c>): a posted task goes to auction; its winner carries
/// it out — a persona here, through the cascade router and its tools, or a remote agent that reports back — and the
/// task ends completed (the winner is paid through <see cref="ITaskPayout"/>), failed or cancelled. Every step is a
/// state change of the task stored with its event.</summary>
public sealed class SwarmCoordinator
{
    public const int MaxResultLength = 200_000;
    public const int MaxErrorLength = 2_000;

    private readonly ConcurrentDictionary<string, RunningTask> _running = new(StringComparer.Ordinal);
    private readonly IDbConnectionFactory _connections;
    private readonly ITaskStore _tasks;
    private readonly IEventLog _events;
    private readonly AgentRoster _roster;
    private readonly AuctionHouse _auctions;
    private readonly TaskExecutor _executor;
    private readonly ITaskPayout _payout;
    private readonly BidLearner _learner;
    private readonly WorkSignal _work;
    private readonly IOptions<SwarmOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SwarmCoordinator> _logger;

    public SwarmCoordinator(
        IDbConnectionFactory connections, ITaskStore tasks, IEventLog events, AgentRoster roster, AuctionHouse auctions, TaskExecutor executor, ITaskPayout payout, BidLearner learner, WorkSignal work,
        IOptions<SwarmOptions> options, TimeProvider time, ILogger<SwarmCoordinator> logger)
    {
        _connections = connections;
        _tasks = tasks;
        _events = events;
        _roster = roster;
        _auctions = auctions;
        _executor = executor;
        _payout = payout;
        _learner = learner;
        _work = work;
        _options = options;
        _time = time;
        _logger = logger;
        auctions.Assigned = OnAssignedAsync;
    }

    /// <summary>Tasks being carried out by a persona in this process right now.</summary>
    public int RunningHere => _running.Count;

    /// <summary>Validates and posts a task; its auction opens at once (and with a zero auction, may already be decided).</summary>
    /// <exception cref="InvalidFieldException">An empty or too long description, or a max bid out of range.</exception>
    /// <exception cref="TaskNotFoundException">The parent task does not exist (field <c>parent_task_id</c>).</exception>
    public Task<SwarmTask> PostAsync(TaskPost post, string postedBy, string? actor, CancellationToken cancellationToken = default) =>
        PostAsync(post, postedBy, actor, repostOf: null, cancellationToken);

    /// <summary>Validates and stores a task whose auction opens only once its poster has paid the funding invoice
    /// (<paramref name="fundingHash"/>); <paramref name="alongside"/> records that invoice in the same commit.</summary>
    public async Task<SwarmTask> PostFundedAsync(
        TaskPost post, string fundingHash, string postedBy, string? actor, Func<WriteTransaction, SwarmTask, Task> alongside, CancellationToken cancellationToken = default)
    {
        var (description, maxBid) = await ValidateAsync(post, cancellationToken);
        return await _auctions.HoldAsync(
            new NewSwarmTask(description, maxBid, postedBy, _time.GetUtcNow(), post.ParentTaskId, null, fundingHash), actor, alongside, cancellationToken);
    }

    /// <summary>A held task was funded: its auction opens now, for the usual time.</summary>
    public async Task<SwarmTask> OpenFundedAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var task = await _auctions.OpenHeldAsync(taskId, _time.GetUtcNow().AddSeconds(_options.Value.AuctionSeconds), cancellationToken);
        _work.Pulse();
        return task;
    }

    /// <summary>A held task whose funding invoice expired or failed unpaid is cancelled, saying so.</summary>
    public Task<SwarmTask> DropUnfundedAsync(string taskId, CancellationToken cancellationToken = default) =>
        _tasks.MoveAsync(new TaskChange(taskId, SwarmTaskStatus.Cancelled) { Error = "the funding invoice was not paid" },
            t => [SwarmEvents.Cancelled(t with { Status = SwarmTaskStatus.Pending }, "lightning")], cancellationToken);

    /// <summary>Posts a failed or cancelled task again, as a new task naming it.</summary>
    public async Task<SwarmTask> RepostAsync(string taskId, string postedBy, string? actor, CancellationToken cancellationToken = default)
    {
        var original = await _tasks.GetAsync(taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
        if (original.Status is not (SwarmTaskStatus.Failed or SwarmTaskStatus.Cancelled))
        {
            throw new TaskPostRefusedException("Only a failed or cancelled task can be re-posted", $"Task {taskId} is {original.Status}.");
        }
        return await PostAsync(new TaskPost(original.Description, original.MaxBidSats, original.ParentTaskId), postedBy, actor, taskId, cancellationToken);
    }

    /// <summary>Cancels a task that has not finished: an open auction is dropped, a running persona's model call stops.</summary>
    public async Task<SwarmTask> CancelAsync(string taskId, string? actor, CancellationToken cancellationToken = default)
    {
        var before = await _tasks.GetAsync(taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
        var cancelled = await _tasks.MoveAsync(new TaskChange(taskId, SwarmTaskStatus.Cancelled) { Error = "cancelled" },
            t => [SwarmEvents.Cancelled(t with { Status = before.Status }, actor)], cancellationToken);
        _auctions.Forget(taskId);
        if (_running.TryGetValue(taskId, out var run))
        {
            run.CancelByOwner();
        }
        else if (before.Status is SwarmTaskStatus.Assigned or SwarmTaskStatus.Running && before.AssignedAgent is { } agent)
        {
            await _roster.ReleaseAsync(agent, taskId, CancellationToken.None);
        }
        return cancelled;
    }

    /// <summary>Open auctions a remote agent has not answered and tasks it won, waiting up to <paramref name="wait"/> for some.</summary>
    public async Task<RemoteWork> WorkForAsync(string agentId, string tokenId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        await _roster.HeartbeatAsync(agentId, tokenId, cancellationToken);
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var work = await FindWorkAsync(agentId, cancellationToken);
            var left = deadline - _time.GetUtcNow();
            if (!work.IsEmpty || left <= TimeSpan.Zero)
            {
                return work;
            }
            await _work.WaitAsync(left, _time, cancellationToken);
        }
    }

    /// <summary>A remote winner starts work on its task (assigned → running).</summary>
    public async Task<SwarmTask> StartRemoteAsync(string taskId, string agentId, string tokenId, CancellationToken cancellationToken = default)
    {
        await WonByAsync(taskId, agentId, tokenId, cancellationToken);
        return await _tasks.MoveAsync(new TaskChange(taskId, SwarmTaskStatus.Running), t => [SwarmEvents.Started(t)], cancellationToken);
    }

    /// <summary>A remote winner reports its result: the task completes (started first if it was not) and the agent is paid.</summary>
    public async Task<SwarmTask> CompleteRemoteAsync(
        string taskId, string agentId, string tokenId, string? result, string? invoice = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(result) || result.Length > MaxResultLength)
        {
            throw new InvalidFieldException("result", $"The result is required, at most {MaxResultLength:N0} characters.");
        }
        var task = await WonByAsync(taskId, agentId, tokenId, cancellationToken);
        invoice = string.IsNullOrWhiteSpace(invoice) ? null : invoice.Trim();
        await _payout.CheckInvoiceAsync(task, agentId, invoice, cancellationToken);
        if (task.Status == SwarmTaskStatus.Assigned)
        {
            await _tasks.MoveAsync(new TaskChange(taskId, SwarmTaskStatus.Running), t => [SwarmEvents.Started(t)], cancellationToken);
        }
        return await CompleteAsync(taskId, result.Trim(), TaskRunFacts.Remote, cancellationToken, invoice);
    }

    /// <summary>A remote winner reports that it could not do the task.</summary>
    public async Task<SwarmTask> FailRemoteAsync(string taskId, string agentId, string tokenId, string? error, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(error) || error.Length > MaxErrorLength)
        {
            throw new InvalidFieldException("error", $"Say what went wrong, in at most {MaxErrorLength:N0} characters.");
        }
        await WonByAsync(taskId, agentId, tokenId, cancellationToken);
        return await FailAsync(taskId, error.Trim(), cancellationToken);
    }

    /// <summary>At start-up: tasks a crash left open are failed with the reason, or (when configured) bidding ones get a
    /// new auction and assigned or running ones are re-posted. A task still waiting for its funding keeps waiting.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var open = (await _tasks.ListUnfinishedAsync(cancellationToken)).Where(t => !t.AwaitsFunding).ToList();
        foreach (var task in open)
        {
            if (_options.Value.ReauctionOnRecovery && task.Status == SwarmTaskStatus.Bidding)
            {
                await _auctions.ReopenAsync(task, cancellationToken);
                continue;
            }
            await FailAsync(task.Id, $"interrupted: the server stopped while the task was {task.Status}", cancellationToken);
            if (_options.Value.ReauctionOnRecovery)
            {
                await RepostAsync(task.Id, "coordinator", null, cancellationToken);
            }
        }
        return open.Count;
    }

    /// <summary>Fails remote agents' tasks that ran past the time limit (personas' runs time out on their own).</summary>
    public async Task<int> FailOverdueRemoteTasksAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(_options.Value.TaskTimeoutSeconds);
        var now = _time.GetUtcNow();
        var overdue = (await _tasks.ListUnfinishedAsync(cancellationToken))
            .Where(t => t.Status is SwarmTaskStatus.Assigned or SwarmTaskStatus.Running && PersonaCatalog.Find(t.AssignedAgent ?? "") is null
                && now - (t.StartedAt ?? t.AuctionClosesAt ?? t.CreatedAt) > limit)
            .ToList();
        foreach (var task in overdue)
        {
            try
            {
                await FailAsync(task.Id, $"timed out: no result within {limit.TotalSeconds:0} s", cancellationToken);
            }
            catch (IllegalTaskTransitionException)
            {
                // It finished meanwhile.
            }
        }
        return overdue.Count;
    }

    private async Task<SwarmTask> PostAsync(TaskPost post, string postedBy, string? actor, string? repostOf, CancellationToken cancellationToken)
    {
        var (description, maxBid) = await ValidateAsync(post, cancellationToken);
        var closesAt = _time.GetUtcNow().AddSeconds(_options.Value.AuctionSeconds);
        var task = await _auctions.OpenAsync(new NewSwarmTask(description, maxBid, postedBy, closesAt, post.ParentTaskId, repostOf), actor, cancellationToken);
        _work.Pulse();
        return task;
    }

    /// <summary>The post's trimmed description and its max bid (the default when it names none), or the refusal.</summary>
    private async Task<(string Description, long MaxBid)> ValidateAsync(TaskPost post, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var description = (post.Description ?? "").Trim();
        if (description.Length == 0)
        {
            throw new InvalidFieldException("description", "Describe the task: the description is empty.");
        }
        if (description.Length > options.MaxDescriptionLength)
        {
            throw new InvalidFieldException("description", $"The description is {description.Length:N0} characters; at most {options.MaxDescriptionLength:N0}.");
        }
        var maxBid = post.MaxBidSats ?? options.DefaultMaxBidSats;
        if (maxBid < 1 || maxBid > options.MaxBidCeilingSats)
        {
            throw new InvalidFieldException("max_bid_sats", $"The max bid is a whole number of sats from 1 to {options.MaxBidCeilingSats:N0}.");
        }
        if (post.ParentTaskId is { } parentId)
        {
            await EnsureDepthAsync(parentId, cancellationToken);
        }
        return (description, maxBid);
    }

    private async Task EnsureDepthAsync(string parentId, CancellationToken cancellationToken)
    {
        var depth = 0;
        for (var id = parentId; id is not null; depth++)
        {
            var parent = await _tasks.GetAsync(id, cancellationToken)
                ?? throw new TaskNotFoundException(id) { Field = id == parentId ? "parent_task_id" : null };
            if (depth >= _options.Value.MaxSubtaskDepth)
            {
                throw new TaskPostRefusedException("Sub-tasks nest too deep", $"A sub-task may nest at most {_options.Value.MaxSubtaskDepth} levels deep.");
            }
            id = parent.ParentTaskId;
        }
    }

    private async Task OnAssignedAsync(ClosedAuction closed)
    {
        var task = closed.Task;
        if (closed.Persona is null)
        {
            _work.Pulse(); // a remote agent collects it on its next poll
            return;
        }
        _ = Task.Run(() => ExecuteAsync(task, closed.Persona));
    }

    /// <summary>A persona carries out a task its auction already moved to running.</summary>
    private async Task ExecuteAsync(SwarmTask task, Persona persona)
    {
        using var run = new RunningTask(TimeSpan.FromSeconds(_options.Value.TaskTimeoutSeconds), _time);
        _running[task.Id] = run;
        try
        {
            if ((await _tasks.GetAsync(task.Id, run.Token))?.Status != SwarmTaskStatus.Running)
            {
                return; // cancelled before it started
            }
            var context = new SwarmToolContext(task, persona.Id,
                (description, maxBid, ct) => PostAsync(new TaskPost(description, maxBid, task.Id), $"agent:{persona.Id}", null, ct));
            var (result, facts) = await _executor.RunAsync(context, persona, run.Token);
            await CompleteAsync(task.Id, result, facts, CancellationToken.None);
        }
        catch (OperationCanceledException) when (run.CancelledByOwner)
        {
            // The task is already cancelled.
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            await FailQuietlyAsync(task.Id, $"timed out after {_options.Value.TaskTimeoutSeconds:0.#} s");
        }
        catch (IllegalTaskTransitionException)
        {
            // Cancelled while it ran.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Task {TaskId} failed in persona {Persona}", task.Id, persona.Id);
            await FailQuietlyAsync(task.Id, ex is NoProviderAvailableException or TaskRunFailedException ? ex.Message : ErrorText.Describe(ex));
        }
        finally
        {
            _running.TryRemove(task.Id, out _);
            await _roster.ReleaseAsync(persona.Id, task.Id, CancellationToken.None);
        }
    }

    /// <summary>Completes the task, pays its winner and tells the learner, in one commit.</summary>
    private async Task<SwarmTask> CompleteAsync(string taskId, string result, TaskRunFacts facts, CancellationToken cancellationToken, string? invoice = null)
    {
        await using var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var completed = await _tasks.MoveAsync(transaction, new TaskChange(taskId, SwarmTaskStatus.Completed) { Result = result }, cancellationToken);
        await _events.AppendAsync(transaction, SwarmEvents.Completed(completed, facts), cancellationToken);
        await _payout.PayAsync(transaction, completed, completed.AssignedAgent!, completed.WinningBidSats ?? 0, invoice, cancellationToken);
        await RecordResultAsync(transaction, completed, succeeded: true, cancellationToken);
        await _roster.LetGoAsync(transaction, completed.AssignedAgent!, taskId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    /// <summary>Fails the task with the reason and tells the learner, in one commit.</summary>
    private async Task<SwarmTask> FailAsync(string taskId, string error, CancellationToken cancellationToken)
    {
        await using var transaction = await _connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var failed = await _tasks.MoveAsync(transaction, new TaskChange(taskId, SwarmTaskStatus.Failed) { Error = error }, cancellationToken);
        await _events.AppendAsync(transaction, SwarmEvents.Failed(failed), cancellationToken);
        await RecordResultAsync(transaction, failed, succeeded: false, cancellationToken);
        if (failed.AssignedAgent is { } agent)
        {
            await _roster.LetGoAsync(transaction, agent, taskId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    private async Task FailQuietlyAsync(string taskId, string error)
    {
        try
        {
            await FailAsync(taskId, error, CancellationToken.None);
        }
        catch (IllegalTaskTransitionException)
        {
            // Cancelled meanwhile.
        }
    }

    private async Task RecordResultAsync(WriteTransaction transaction, SwarmTask task, bool succeeded, CancellationToken cancellationToken)
    {
        if (task.AssignedAgent is { } agent && PersonaCatalog.Find(agent) is not null)
        {
            await _learner.RecordResultAsync(transaction, task.Id, agent, succeeded, cancellationToken);
        }
    }

    private async Task<SwarmTask> WonByAsync(string taskId, string agentId, string tokenId, CancellationToken cancellationToken)
    {
        await _roster.RemoteAgentAsync(agentId, tokenId, cancellationToken);
        var task = await _tasks.GetAsync(taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
        if (task.AssignedAgent != agentId)
        {
            throw new AgentConflictException("Not this agent's task", $"Task {taskId} is assigned to {task.AssignedAgent ?? "nobody yet"}, not {agentId}.");
        }
        return task;
    }

    private async Task<RemoteWork> FindWorkAsync(string agentId, CancellationToken cancellationToken)
    {
        var auctions = new List<SwarmTask>();
        foreach (var auction in _auctions.Open.Where(a => !a.HasAnswered(agentId)))
        {
            if (await _tasks.GetAsync(auction.TaskId, cancellationToken) is { Status: SwarmTaskStatus.Bidding } task)
            {
                auctions.Add(task);
            }
        }
        var assigned = await _tasks.ListAsync(new TaskQuery
        {
            AgentId = agentId, Statuses = [SwarmTaskStatus.Assigned, SwarmTaskStatus.Running], Limit = TaskQuery.MaxLimit,
        }, cancellationToken);
        return new RemoteWork(auctions, assigned.Items);
    }
}
