using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Agents;

/// <summary>What a remote agent has to do: open auctions it has not answered, and tasks it won that await its result.</summary>
public sealed record RemoteWork(IReadOnlyList<SwarmTask> Auctions, IReadOnlyList<SwarmTask> Assigned)
{
    public bool IsEmpty => Auctions.Count == 0 && Assigned.Count == 0;
}
