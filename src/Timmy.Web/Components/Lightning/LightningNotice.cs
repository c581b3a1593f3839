namespace Timmy.Web.Components.Lightning;

/// <summary>The line shown after a form on the Lightning pages: the redirect carries a code (and for a budget the
/// agent's id), the words are here (post-redirect-get, so a reload repeats nothing).</summary>
public sealed record LightningNotice(string Text, bool IsError)
{
    public const string InvoiceCreated = "invoice-created";
    public const string Simulated = "simulated";
    public const string PaymentSettled = "payment-settled";
    public const string PaymentPending = "payment-pending";
    public const string PaymentFailed = "payment-failed";
    public const string BudgetSet = "budget-set";
    public const string BudgetRemoved = "budget-removed";
    public const string BudgetGone = "budget-gone";
    public const string Gone = "gone";

    public static LightningNotice? For(string? code, string? agent = null) => code switch
    {
        InvoiceCreated => new("Invoice created: share the invoice string or let the payer scan the QR code.", false),
        Simulated => new("Payment simulated: the outside wallet paid the invoice, and the ledger settled it.", false),
        PaymentSettled => new("Paid: the node has the proof of payment (the preimage).", false),
        PaymentPending => new("The payment is on its way; the ledger settles it or fails it when the node knows.", false),
        PaymentFailed => new("The payment failed; nothing was spent. The reason is below.", true),
        BudgetSet => new($"Budget set for {agent}.", false),
        BudgetRemoved => new($"Budget removed: {agent} may no longer spend.", false),
        BudgetGone => new($"{agent} had no budget; nothing changed.", true),
        Gone => new("That ledger entry cannot be paid now: it is no longer pending, or it does not exist.", true),
        _ => null,
    };
}
