namespace Timmy.Core.Lightning.Nodes;

/// <summary>Who the node is: its public key (hex, 33 bytes compressed), alias, the chain it is on (bitcoin, testnet,
/// signet, regtest) and, where the backend tells, its block height and channel count.</summary>
public sealed record NodeInfo(string Kind, string? NodeId, string? Alias, string Network, long? BlockHeight, int? ActiveChannels, bool IsSimulated);
