using Timmy.Core.Swarm.Personas;

namespace Timmy.Core.Swarm.Agents;

/// <summary>An online agent as the roster holds it: the stored agent, its persona when it runs in this process, and
/// how many tasks it is working on now.</summary>
public sealed class RosterEntry(SwarmAgent agent, Persona? persona)
{
    private int _active;

    public SwarmAgent Agent { get; set; } = agent;
    public Persona? Persona { get; } = persona;
    public int ActiveTasks => Volatile.Read(ref _active);

    internal int Acquire() => Interlocked.Increment(ref _active);

    internal int Release() => Interlocked.Decrement(ref _active);
}
