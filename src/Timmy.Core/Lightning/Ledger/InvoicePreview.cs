using Timmy.Core.Lightning.Bolt11;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>A decoded invoice as the pay form shows it before the owner confirms: the invoice, whether it can be paid
/// from here and, when not, why; and the ledger's entry for it when it has one.</summary>
public sealed record InvoicePreview(Bolt11Invoice Invoice, bool Expired, string? Problem, LedgerEntry? Existing)
{
    public bool CanPay => Problem is null;
}
