using Timmy.Core.Lightning.Nodes;

namespace Timmy.Core.Lightning;

/// <summary>What the node page shows: which kind of node, whether it answered, who it is and what it holds, or why it
/// could not be reached.</summary>
public sealed record NodeStatusReport(string Kind, bool IsSimulated, bool Reachable, DateTimeOffset CheckedAt)
{
    public NodeInfo? Info { get; init; }
    public NodeBalance? Balance { get; init; }
    public string? Error { get; init; }
}
