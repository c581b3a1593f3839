using System.Collections.Concurrent;
using Timmy.Core.Swarm.Personas;

namespace Timmy.Core.Swarm.Agents;

/// <summary>An online agent as the roster holds it: the stored agent, its persona when it runs in this process, and
/// the tasks it is working on now (taking on or letting go of the same task twice counts once).</summary>
public sealed class RosterEntry(SwarmAgent agent, Persona? persona)
{
    private readonly ConcurrentDictionary<string, byte> _tasks = new(StringComparer.Ordinal);
    private long _lastHeardTicks = agent.LastSeen.UtcTicks;

    public SwarmAgent Agent { get; set; } = agent;
    public Persona? Persona { get; } = persona;
    public int ActiveTasks => _tasks.Count;

    /// <summary>When the agent was last heard from (its stored <c>last_seen</c> is written less often).</summary>
    public DateTimeOffset LastHeard
    {
        get => new(Interlocked.Read(ref _lastHeardTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastHeardTicks, value.UtcTicks);
    }

    public bool IsWorkingOn(string taskId) => _tasks.ContainsKey(taskId);

    internal void Acquire(string taskId) => _tasks.TryAdd(taskId, 0);

    internal void Release(string taskId) => _tasks.TryRemove(taskId, out _);
}
