namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>GET /api/v1/payments/{payment_hash}: whether it is paid, its preimage, and (for this wallet's key) its
/// record.</summary>
internal sealed record LnbitsPaymentStatus
{
    public bool Paid { get; init; }
    public string? Preimage { get; init; }
    public LnbitsPayment? Details { get; init; }
}
