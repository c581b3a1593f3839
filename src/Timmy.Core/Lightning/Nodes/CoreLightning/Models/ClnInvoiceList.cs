namespace Timmy.Core.Lightning.Nodes.CoreLightning.Models;

/// <summary>The <c>listinvoices</c> result.</summary>
internal sealed record ClnInvoiceList
{
    public IReadOnlyList<ClnInvoice>? Invoices { get; init; }
}
