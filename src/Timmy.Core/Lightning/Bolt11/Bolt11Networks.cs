using NBitcoin;

namespace Timmy.Core.Lightning.Bolt11;

/// <summary>The currency prefixes an invoice may carry after <c>ln</c>, and the NBitcoin network of each (simnet's
/// <c>sb</c> has none, so its fallback addresses cannot be written out).</summary>
internal static class Bolt11Networks
{
    public static readonly IReadOnlyList<string> Prefixes = ["bc", "tb", "tbs", "bcrt", "sb"];

    public static bool IsKnown(string prefix) => Prefixes.Contains(prefix);

    public static Network? ToNetwork(string prefix) => prefix switch
    {
        "bc" => Network.Main,
        "tb" => Network.TestNet,
        "tbs" => Bitcoin.Instance.Signet,
        "bcrt" => Network.RegTest,
        _ => null,
    };
}
