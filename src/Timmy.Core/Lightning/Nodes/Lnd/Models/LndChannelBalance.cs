namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>GET /v1/balance/channels (lnrpc.ChannelBalanceResponse): <c>local_balance</c> is what we can send.</summary>
internal sealed record LndChannelBalance
{
    public LndAmount? LocalBalance { get; init; }
}
