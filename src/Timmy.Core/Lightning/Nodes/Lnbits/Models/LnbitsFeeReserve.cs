namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>GET /api/v1/payments/fee-reserve: the most routing fee LNbits will allow itself for an invoice (msat).</summary>
internal sealed record LnbitsFeeReserve
{
    public long FeeReserve { get; init; }
}
