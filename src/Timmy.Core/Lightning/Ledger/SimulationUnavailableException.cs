using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>"Simulate payment" was asked of a server that uses a real node: only the simulated node can pretend an
/// outside wallet paid.</summary>
public sealed class SimulationUnavailableException(string kind) : ConflictException(
    "Not a simulated node", $"This server uses a {kind} node; payments can only be simulated on the simulated node.");
