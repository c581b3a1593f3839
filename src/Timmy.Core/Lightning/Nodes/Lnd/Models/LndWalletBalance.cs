namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>GET /v1/balance/blockchain (lnrpc.WalletBalanceResponse), in sats.</summary>
internal sealed record LndWalletBalance
{
    public long ConfirmedBalance { get; init; }
}
