namespace Timmy.Core.Lightning.Nodes.Lnd.Models;

/// <summary>GET /v1/invoices (lnrpc.ListInvoiceResponse).</summary>
internal sealed record LndInvoiceList
{
    public IReadOnlyList<LndInvoice>? Invoices { get; init; }
}
