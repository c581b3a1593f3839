namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>POST /v1/invoices (lnrpc.AddInvoiceResponse): the new invoice's hash (base64) and BOLT11 string.</summary>
internal sealed record LndAddInvoiceResponse
{
    public byte[]? RHash { get; init; }
    public string? PaymentRequest { get; init; }
}
