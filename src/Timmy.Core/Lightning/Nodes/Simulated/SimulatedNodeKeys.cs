using System.Collections.Concurrent;
using NBitcoin;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>Node ids of simulated nodes' stored keys, remembered so finding a payee does not redo the elliptic-curve
/// multiplication for every node on every payment.</summary>
internal static class SimulatedNodeKeys
{
    private static readonly ConcurrentDictionary<string, string> NodeIds = new(StringComparer.Ordinal);

    /// <summary>The compressed public key (hex) of a private key (hex).</summary>
    public static string NodeId(string privateKey) =>
        NodeIds.GetOrAdd(privateKey, static k => new Key(Convert.FromHexString(k)).PubKey.ToHex());
}
