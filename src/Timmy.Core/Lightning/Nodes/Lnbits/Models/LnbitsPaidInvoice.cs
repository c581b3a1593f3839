namespace Timmy.Core.Lightning.Nodes.Lnbits.Models;

/// <summary>POST /api/v1/payments with out=true: the paid invoice's hash.</summary>
internal sealed record LnbitsPaidInvoice
{
    public string? PaymentHash { get; init; }
}
