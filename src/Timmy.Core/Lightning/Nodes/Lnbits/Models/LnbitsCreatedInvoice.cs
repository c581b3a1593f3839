namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>POST /api/v1/payments with out=false: the new invoice's hash and BOLT11 string (newer LNbits also calls
/// it <c>bolt11</c>).</summary>
internal sealed record LnbitsCreatedInvoice
{
    public string? PaymentHash { get; init; }
    public string? PaymentRequest { get; init; }
    public string? Bolt11 { get; init; }
}
