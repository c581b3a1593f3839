namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>GET /v1/getinfo (lnrpc.GetInfoResponse), the fields we use.</summary>
internal sealed record LndInfo
{
    public string? IdentityPubkey { get; init; }
    public string? Alias { get; init; }
    public long? NumActiveChannels { get; init; }
    public long? BlockHeight { get; init; }
    public IReadOnlyList<LndChain>? Chains { get; init; }
}
