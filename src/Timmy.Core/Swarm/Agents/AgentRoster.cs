using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Timmy.Core.Refusals;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Core.Swarm.Agents;

/// <summary>Who is online in the swarm and how loaded each agent is. Personas run in this process (Timmy always; the
/// others when the owner spawns them); remote agents join over HTTP and stay online while their heartbeats arrive. An
/// agent's status follows its load: busy while it works on a task, idle otherwise, offline when stopped or silent.</summary>
public sealed partial class AgentRoster(IDbConnectionFactory connections, IAgentStore store, IOptions<SwarmOptions> options, TimeProvider time)
{
    public const string TimmyId = "timmy";
    public const int MaxAgentIdLength = 64;
    public const int MaxNameLength = 80;
    public const int MaxCapabilities = 32;

    private readonly ConcurrentDictionary<string, RosterEntry> _online = new(StringComparer.Ordinal);

    /// <summary>Raised after an agent comes online or goes offline (auctions re-check who they wait for).</summary>
    public event Action<string>? Changed;

    public IReadOnlyCollection<RosterEntry> Online => [.. _online.Values];

    public RosterEntry? Find(string agentId) => _online.GetValueOrDefault(agentId);

    /// <summary>Online agents that may bid now: under <see cref="SwarmOptions.MaxConcurrentTasksPerAgent"/>.</summary>
    public IReadOnlyList<RosterEntry> Eligible() =>
        [.. _online.Values.Where(e => e.ActiveTasks < options.Value.MaxConcurrentTasksPerAgent).OrderBy(e => e.Agent.Id, StringComparer.Ordinal)];

    /// <summary>At start-up: every stored agent is offline until it checks in; Timmy joins, and so do the personas the
    /// owner left running (on the very first run, <see cref="SwarmOptions.DefaultPersonas"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        foreach (var agent in stored.Where(a => a.IsOnline))
        {
            await store.SetStatusAsync(agent.Id, AgentStatus.Offline, SwarmEvents.StatusChanged, cancellationToken);
        }
        await JoinAsync(PersonaCatalog.Timmy, null, cancellationToken);
        var firstRun = !stored.Any(a => a.Kind == AgentKind.Persona && a.Id != TimmyId);
        var starting = firstRun
            ? options.Value.DefaultPersonas
            : stored.Where(a => a.Kind == AgentKind.Persona && a.Autostart && a.Id != TimmyId).Select(a => a.Id).ToList();
        foreach (var id in starting.Distinct())
        {
            if (PersonaCatalog.Find(id) is { } persona)
            {
                await SpawnAsync(persona.Id, null, cancellationToken);
            }
        }
    }

    /// <summary>Starts a persona (it bids from now on); starting one that is running changes nothing.</summary>
    public async Task<SwarmAgent> SpawnAsync(string personaId, string? actor, CancellationToken cancellationToken = default)
    {
        var persona = PersonaCatalog.Find(personaId) ?? throw new PersonaNotFoundException(personaId);
        if (_online.TryGetValue(persona.Id, out var running))
        {
            return running.Agent;
        }
        var agent = await JoinAsync(persona, actor, cancellationToken);
        await store.SetAutostartAsync(persona.Id, true, cancellationToken);
        return agent;
    }

    /// <summary>Stops a persona: it stops bidding at once; tasks it is working on run to their end.</summary>
    public async Task<SwarmAgent> StopAsync(string personaId, string? actor, CancellationToken cancellationToken = default)
    {
        var persona = PersonaCatalog.Find(personaId) ?? throw new PersonaNotFoundException(personaId);
        if (persona.Id == TimmyId)
        {
            throw new AgentConflictException("Timmy cannot be stopped", "Timmy coordinates the swarm and is always registered; stop the other personas instead.");
        }
        await store.SetAutostartAsync(persona.Id, false, cancellationToken);
        return await LeaveAsync(persona.Id, "stopped by the owner", actor, cancellationToken)
            ?? await store.GetAsync(persona.Id, cancellationToken) ?? throw new AgentNotFoundException(persona.Id);
    }

    /// <summary>A remote agent joins (or re-joins) with the token it acts with. A persona's id, or an id another token
    /// registered, is refused.</summary>
    public async Task<SwarmAgent> RegisterRemoteAsync(
        string id, string? name, IReadOnlyList<string>? capabilities, string tokenId, string? actor, CancellationToken cancellationToken = default)
    {
        id = (id ?? "").Trim();
        if (!AgentIdPattern().IsMatch(id))
        {
            throw new InvalidFieldException("id", $"An agent id is 1–{MaxAgentIdLength} characters: lowercase letters, digits, '-' and '_', starting with a letter or digit.");
        }
        if (PersonaCatalog.Find(id) is not null)
        {
            throw new AgentConflictException("Agent id taken", $"'{id}' is a built-in persona; choose another id for a remote agent.");
        }
        var cleanName = string.IsNullOrWhiteSpace(name) ? id : name.Trim();
        if (cleanName.Length > MaxNameLength)
        {
            throw new InvalidFieldException("name", $"The name is at most {MaxNameLength} characters.");
        }
        var caps = (capabilities ?? []).Select(c => (c ?? "").Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (caps.Count > MaxCapabilities || caps.Any(c => c.Length > 64))
        {
            throw new InvalidFieldException("capabilities", $"At most {MaxCapabilities} capabilities of at most 64 characters each.");
        }
        var existing = await store.GetAsync(id, cancellationToken);
        if (existing is { TokenId: { } owner } && owner != tokenId)
        {
            throw new AgentAccessDeniedException(id);
        }
        var agent = await store.RegisterAsync(new AgentRegistration(id, cleanName, caps, AgentKind.Remote, TokenId: tokenId),
            a => SwarmEvents.Joined(a, actor), cancellationToken);
        Put(agent, null);
        return agent;
    }

    /// <summary>A remote agent checks in; one that had gone offline is back online.</summary>
    public async Task<SwarmAgent> HeartbeatAsync(string agentId, string tokenId, CancellationToken cancellationToken = default)
    {
        var agent = await RemoteAgentAsync(agentId, tokenId, cancellationToken);
        if (_online.TryGetValue(agentId, out var entry))
        {
            // Heard now; stored at most every quarter of the timeout (the sweep reads LastHeard), so a hundred agents
            // heartbeating do not queue behind the tasks' writes.
            var now = time.GetUtcNow();
            entry.LastHeard = now;
            if (now - entry.Agent.LastSeen >= TimeSpan.FromSeconds(options.Value.HeartbeatTimeoutSeconds / 4))
            {
                await store.TouchAsync(agentId, cancellationToken);
                entry.Agent = entry.Agent with { LastSeen = now };
            }
            return entry.Agent;
        }
        var back = await store.SetStatusAsync(agentId, AgentStatus.Idle, SwarmEvents.StatusChanged, cancellationToken) ?? agent;
        Put(back, null);
        return back;
    }

    /// <summary>A remote agent leaves on its own.</summary>
    public async Task<SwarmAgent> DeregisterAsync(string agentId, string tokenId, string? actor, CancellationToken cancellationToken = default)
    {
        var agent = await RemoteAgentAsync(agentId, tokenId, cancellationToken);
        return await LeaveAsync(agentId, "left", actor, cancellationToken) ?? agent;
    }

    /// <summary>The stored remote agent, when <paramref name="tokenId"/> registered it.</summary>
    /// <exception cref="AgentNotFoundException"/>
    /// <exception cref="AgentAccessDeniedException"/>
    public async Task<SwarmAgent> RemoteAgentAsync(string agentId, string tokenId, CancellationToken cancellationToken = default)
    {
        var agent = await store.GetAsync(agentId, cancellationToken) ?? throw new AgentNotFoundException(agentId);
        if (agent.Kind != AgentKind.Remote || agent.TokenId != tokenId)
        {
            throw new AgentAccessDeniedException(agentId);
        }
        return agent;
    }

    /// <summary>Remote agents not heard from within <see cref="SwarmOptions.HeartbeatTimeoutSeconds"/> go offline.</summary>
    public async Task<int> ExpireSilentAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddSeconds(-options.Value.HeartbeatTimeoutSeconds);
        var silent = _online.Values.Where(e => e.Agent.Kind == AgentKind.Remote && e.LastHeard < cutoff).ToList();
        foreach (var entry in silent)
        {
            await LeaveAsync(entry.Agent.Id, "missed its heartbeat", null, cancellationToken);
        }
        return silent.Count;
    }

    /// <summary>The agent takes on a task, in the transaction that assigns it: busy from its first. The roster counts it
    /// once the transaction commits (and never if it does not).</summary>
    public Task TakeOnAsync(WriteTransaction transaction, string agentId, string taskId, CancellationToken cancellationToken) =>
        ChangeLoadAsync(transaction, agentId, taskId, taking: true, cancellationToken);

    /// <summary>The agent is done with a task, in the transaction that ends it: idle after its last. Letting go of a task
    /// it does not hold changes nothing.</summary>
    public Task LetGoAsync(WriteTransaction transaction, string agentId, string taskId, CancellationToken cancellationToken) =>
        ChangeLoadAsync(transaction, agentId, taskId, taking: false, cancellationToken);

    /// <summary>As <see cref="LetGoAsync"/>, in a transaction of its own (a task that ended without one: cancelled, or a
    /// run that stopped).</summary>
    public async Task ReleaseAsync(string agentId, string taskId, CancellationToken cancellationToken)
    {
        if (Find(agentId)?.IsWorkingOn(taskId) != true)
        {
            return;
        }
        await using var transaction = await connections.BeginWriteAsync(cancellationToken: cancellationToken);
        await LetGoAsync(transaction, agentId, taskId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores busy or idle as the agent's load will be after this change, and applies the change to the roster
    /// once the transaction commits. Every load change runs inside a write transaction, and write transactions run one at
    /// a time (each one's after-commit actions before the next begins), so the figure read here is never stale.</summary>
    private async Task ChangeLoadAsync(WriteTransaction transaction, string agentId, string taskId, bool taking, CancellationToken cancellationToken)
    {
        if (Find(agentId) is not { } entry || entry.IsWorkingOn(taskId) == taking)
        {
            return;
        }
        var after = entry.ActiveTasks + (taking ? 1 : -1);
        var status = after > 0 ? AgentStatus.Busy : AgentStatus.Idle;
        var updated = entry.Agent.Status == status
            ? entry.Agent
            : await store.SetStatusAsync(transaction, agentId, status, SwarmEvents.StatusChanged, cancellationToken) ?? entry.Agent;
        transaction.OnCommitted(() =>
        {
            if (taking)
            {
                entry.Acquire(taskId);
            }
            else
            {
                entry.Release(taskId);
            }
            entry.Agent = updated;
        });
    }

    private async Task<SwarmAgent> JoinAsync(Persona persona, string? actor, CancellationToken cancellationToken)
    {
        var agent = await store.RegisterAsync(new AgentRegistration(persona.Id, persona.Name, persona.Capabilities, AgentKind.Persona, persona.Id),
            a => SwarmEvents.Joined(a, actor), cancellationToken);
        Put(agent, persona);
        return agent;
    }

    private async Task<SwarmAgent?> LeaveAsync(string agentId, string reason, string? actor, CancellationToken cancellationToken)
    {
        _online.TryRemove(agentId, out _);
        var agent = await store.SetStatusAsync(agentId, AgentStatus.Offline, (a, _) => SwarmEvents.Left(a, reason, actor), cancellationToken);
        Changed?.Invoke(agentId);
        return agent;
    }

    private void Put(SwarmAgent agent, Persona? persona)
    {
        _online[agent.Id] = new RosterEntry(agent, persona);
        Changed?.Invoke(agent.Id);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex AgentIdPattern();
}
