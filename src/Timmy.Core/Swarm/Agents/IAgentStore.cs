using Timmy.Core.Events;
using Timmy.Core.Storage;

namespace Timmy.Core.Swarm.Agents;

/// <summary>The swarm's agents and what they earned. Every logged change commits with its event.</summary>
public interface IAgentStore
{
    /// <summary>Adds the agent, or brings an existing id back (name, capabilities and token updated; registration time
    /// and history kept), online and idle.</summary>
    Task<SwarmAgent> RegisterAsync(AgentRegistration registration, Func<SwarmAgent, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Sets the status (and last seen). Logs only when the status really changed; returns null for an unknown id.</summary>
    Task<SwarmAgent?> SetStatusAsync(string id, string status, Func<SwarmAgent, string, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>As the other overload, inside a write transaction the caller commits (with the task that changed the load).</summary>
    Task<SwarmAgent?> SetStatusAsync(
        WriteTransaction transaction, string id, string status, Func<SwarmAgent, string, EventDraft> logged, CancellationToken cancellationToken = default);

    /// <summary>Records that the agent was heard from now; false for an unknown id.</summary>
    Task<bool> TouchAsync(string id, CancellationToken cancellationToken = default);

    Task SetAutostartAsync(string id, bool autostart, CancellationToken cancellationToken = default);

    Task<SwarmAgent?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every agent, Timmy and the personas first, then by name.</summary>
    Task<IReadOnlyList<SwarmAgent>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Records what an agent earned for a task (once per task: a repeat changes nothing), inside the write
    /// transaction that completes the task.</summary>
    Task RecordEarningAsync(WriteTransaction transaction, string taskId, string agentId, long amountSats, CancellationToken cancellationToken = default);

    /// <summary>Every agent's record, from the tasks and earnings tables.</summary>
    Task<IReadOnlyDictionary<string, AgentStats>> StatsAsync(CancellationToken cancellationToken = default);
}
