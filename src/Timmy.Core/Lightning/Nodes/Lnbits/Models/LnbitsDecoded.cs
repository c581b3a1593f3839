namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>POST /api/v1/payments/decode for a BOLT11 string: its hash and amount (msat).</summary>
internal sealed record LnbitsDecoded
{
    public string? PaymentHash { get; init; }
    public long? AmountMsat { get; init; }
}
