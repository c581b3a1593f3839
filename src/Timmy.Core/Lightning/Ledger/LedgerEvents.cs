using Timmy.Core.Events;

namespace Timmy.Core.Lightning.Ledger;

/// <summary>The payment.* events. They say which entry, how much and why, and never carry a preimage (whoever holds
/// it can claim the payment was theirs) nor the invoice string.</summary>
public static class LedgerEvents
{
    public const string Source = "lightning";

    public static EventDraft InvoiceCreated(LedgerEntry entry) => Draft(EventType.PaymentInvoiceCreated, entry);

    public static EventDraft Settled(LedgerEntry entry) => Draft(entry.IsIncoming ? EventType.PaymentSettled : EventType.PaymentSent, entry);

    public static EventDraft Expired(LedgerEntry entry) => Draft(EventType.PaymentExpired, entry);

    public static EventDraft Failed(LedgerEntry entry) => Draft(EventType.PaymentFailed, entry);

    /// <summary>The ledger and the node disagreed about an entry; both views are in the event.</summary>
    public static EventDraft Drift(LedgerEntry entry, string problem, string nodeStatus, long? nodeAmountSats) =>
        new(EventType.PaymentDrift, Source, new
        {
            entry_id = entry.Id,
            payment_hash = entry.PaymentHash,
            direction = entry.Direction,
            problem,
            ledger_status = entry.Status,
            node_status = nodeStatus,
            ledger_amount_sats = entry.AmountSats,
            node_amount_sats = nodeAmountSats,
        }, entry.TaskId, entry.AgentId);

    private static EventDraft Draft(string type, LedgerEntry entry) => new(type, Source, new
    {
        entry_id = entry.Id,
        payment_hash = entry.PaymentHash,
        direction = entry.Direction,
        status = entry.Status,
        amount_sats = entry.AmountSats,
        fee_sats = entry.FeeSats,
        memo = entry.Memo,
        source = entry.Source,
        reason = entry.FailureReason,
    }, entry.TaskId, entry.AgentId);
}
