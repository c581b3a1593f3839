using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;

namespace Timmy.Core.Swarm.Auctions;

/// <summary>How an auction ended: the task as it now is (assigned — already running when a persona here won it — or
/// failed with "no bids"), the winning bid, and the winner's persona when it runs in this process.</summary>
public sealed record ClosedAuction(SwarmTask Task, Bid? Winner, Persona? Persona);
