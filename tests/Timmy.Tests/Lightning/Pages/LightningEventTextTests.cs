using Timmy.Core.Events;
using Timmy.Core.Lightning.Ledger;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Lightning.Pages;

/// <summary>The activity feed says what each payment.* event means in a sentence, with its own icon.</summary>
public sealed class LightningEventTextTests
{
    private static readonly LedgerEntry Invoice = new("e1", LedgerDirection.Incoming, LedgerStatus.Pending, new string('a', 64), 1000, 1_000_000,
        LedgerSources.Owner, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly LedgerEntry Payment = Invoice with { Direction = LedgerDirection.Outgoing, AmountSats = 500, AmountMsat = 500_000 };

    [Fact]
    public void LedgerEvents_ReadAsSentences()
    {
        Assert.Equal("Invoice for 1,000 sats created", Say(LedgerEvents.InvoiceCreated(Invoice)));
        Assert.Equal("Invoice for 1,000 sats created: “Coffee”", Say(LedgerEvents.InvoiceCreated(Invoice with { Memo = "Coffee" })));
        Assert.Equal("Received 1,000 sats", Say(LedgerEvents.Settled(Invoice with { Status = LedgerStatus.Settled })));
        Assert.Equal("Paid 500 sats (fee 1)", Say(LedgerEvents.Settled(Payment with { Status = LedgerStatus.Settled, FeeSats = 1 })));
        Assert.Equal("Invoice for 1,000 sats expired unpaid", Say(LedgerEvents.Expired(Invoice with { Status = LedgerStatus.Expired })));
        Assert.Equal("Payment of 500 sats failed: no route", Say(LedgerEvents.Failed(Payment with { Status = LedgerStatus.Failed, FailureReason = "no route" })));
        Assert.Equal("Ledger and node disagree: the node settled it (ledger pending, node settled)",
            Say(LedgerEvents.Drift(Invoice, "the node settled it", "settled", 1000)));
    }

    [Fact]
    public void BudgetChanges_ReadAsSentences()
    {
        Assert.Equal("Budget for forge set to 5,000 sats daily",
            Say(new EventDraft(EventType.PaymentBudgetChanged, LedgerEvents.Source, new { agent_id = "forge", max_sats = 5000, period = "daily", removed = false }, null, "forge")));
        Assert.Equal("Budget for forge removed",
            Say(new EventDraft(EventType.PaymentBudgetChanged, LedgerEvents.Source, new { agent_id = "forge", max_sats = (long?)null, period = (string?)null, removed = true }, null, "forge")));
    }

    [Fact]
    public void EveryPaymentEvent_HasItsOwnIcon()
    {
        foreach (var type in EventType.All.Where(t => t.StartsWith("payment.", StringComparison.Ordinal)))
        {
            Assert.NotEqual("•", EventPresentation.Icon(type));
            Assert.NotEqual(type, EventPresentation.Label(type));
        }
    }

    private static string Say(EventDraft draft) =>
        ActivityDescription.For(new EventRecord(1, draft.EventType, draft.Source, draft.TaskId, draft.AgentId, EventSanitizer.Data(draft.Data), DateTimeOffset.UnixEpoch));
}
