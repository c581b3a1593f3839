using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;

namespace Timmy.Tests.Lightning.Ledger;

/// <summary>No entry stays pending for ever: each pending entry is resolved from the node's view, and whatever the two
/// disagree about is logged as payment.drift.</summary>
public sealed class LedgerReconcilerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LedgerHarness _h = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _h = await LedgerHarness.CreateAsync(_time);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_InvoiceTheNodeSettled_WhileNobodyListened_IsSettledWithItsPreimage()
    {
        var entry = await _h.Ledger.CreateInvoiceAsync(new NewInvoice(300, "missed"), Ct);
        await _h.Node.SimulatePaymentAsync(entry.PaymentHash, Ct); // the node knows; the ledger was not told

        var resolved = await _h.Reconciler.ReconcileAsync(Ct);

        var after = (await _h.Store.GetAsync(entry.Id, Ct))!;
        Assert.Equal(1, resolved);
        Assert.Equal(LedgerStatus.Settled, after.Status);
        Assert.True(LedgerStateMachine.ProvesPayment(after.PaymentHash, after.Preimage));
        Assert.Contains(await _h.Db.StoredEventsAsync(), e => e.EventType == EventType.PaymentSettled);
    }

    [Fact]
    public async Task An_OpenInvoice_StaysPending_UntilItExpires_ThenExpires()
    {
        var entry = await _h.Ledger.CreateInvoiceAsync(new NewInvoice(300, "slow") { Expiry = TimeSpan.FromMinutes(10) }, Ct);

        Assert.Equal(0, await _h.Reconciler.ReconcileAsync(Ct));
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await _h.Reconciler.ReconcileAsync(Ct));

        Assert.Equal(LedgerStatus.Expired, (await _h.Store.GetAsync(entry.Id, Ct))!.Status);
        Assert.Contains(await _h.Db.StoredEventsAsync(), e => e.EventType == EventType.PaymentExpired);
    }

    [Fact]
    public async Task A_PaymentTheNodeMade_BeforeACrashRecordedIt_IsSettledFromTheNode()
    {
        var invoice = await _h.Outside.CreateInvoiceAsync(new CreateInvoiceRequest(200_000, "crash", TimeSpan.FromHours(1)), Ct);
        var entry = await RecordPendingAsync(invoice.Bolt11, LedgerSources.Owner);
        await _h.Node.PayAsync(new PayInvoiceRequest(invoice.Bolt11, 0, TimeSpan.FromSeconds(5)), Ct); // paid; the server "crashed" before recording it

        await _h.Reconciler.ReconcileAsync(Ct);

        var after = (await _h.Store.GetAsync(entry.Id, Ct))!;
        Assert.Equal(LedgerStatus.Settled, after.Status);
        Assert.True(LedgerStateMachine.ProvesPayment(after.PaymentHash, after.Preimage));
        Assert.Equal(200, (await _h.Store.BalanceAsync(Ct)).OutgoingTotal);
    }

    [Fact]
    public async Task A_PaymentTheNodeNeverReceived_IsFailedWithDrift_ButAPayout_IsSentOnce()
    {
        var lost = await _h.Outside.CreateInvoiceAsync(new CreateInvoiceRequest(100_000, "lost", TimeSpan.FromHours(1)), Ct);
        var owed = await _h.Outside.CreateInvoiceAsync(new CreateInvoiceRequest(50_000, "owed", TimeSpan.FromHours(1)), Ct);
        var ownerPayment = await RecordPendingAsync(lost.Bolt11, LedgerSources.Owner);
        var payout = await RecordPendingAsync(owed.Bolt11, LedgerSources.Payout);

        await _h.Reconciler.ReconcileAsync(Ct);
        await _h.Reconciler.ReconcileAsync(Ct);

        Assert.Equal(LedgerStatus.Failed, (await _h.Store.GetAsync(ownerPayment.Id, Ct))!.Status);
        Assert.Equal(NodeInvoiceState.Open, (await _h.Outside.GetInvoiceAsync(lost.PaymentHash, Ct))!.State);
        Assert.Equal(LedgerStatus.Settled, (await _h.Store.GetAsync(payout.Id, Ct))!.Status);
        Assert.Equal(NodeInvoiceState.Settled, (await _h.Outside.GetInvoiceAsync(owed.PaymentHash, Ct))!.State);
        var drift = Assert.Single(await _h.Db.StoredEventsAsync(), e => e.EventType == EventType.PaymentDrift);
        Assert.Equal(ownerPayment.Id, drift.Data.GetProperty("entry_id").GetString());
        Assert.Equal("pending", drift.Data.GetProperty("ledger_status").GetString());
        Assert.Equal("unknown", drift.Data.GetProperty("node_status").GetString());
        Assert.Equal(50, (await _h.Store.BalanceAsync(Ct)).OutgoingTotal);
    }

    [Fact]
    public async Task An_InvoiceTheNodeNeverIssued_IsFailed_AndLoggedAsDrift()
    {
        var entry = LedgerEntries.Pending(_time, LedgerDirection.Incoming, 75);
        await using (var transaction = await _h.Db.Connections.BeginWriteAsync(cancellationToken: Ct))
        {
            await _h.Store.InsertAsync(transaction, entry, Ct);
            await transaction.CommitAsync(Ct);
        }

        await _h.Reconciler.ReconcileAsync(Ct);

        Assert.Equal(LedgerStatus.Failed, (await _h.Store.GetAsync(entry.Id, Ct))!.Status);
        var drift = Assert.Single(await _h.Db.StoredEventsAsync(), e => e.EventType == EventType.PaymentDrift);
        Assert.Equal(75, drift.Data.GetProperty("ledger_amount_sats").GetInt64());
        Assert.DoesNotContain("preimage", drift.Data.GetRawText());
    }

    /// <summary>What PayAsync commits before it asks the node: the pending row.</summary>
    private async Task<LedgerEntry> RecordPendingAsync(string bolt11, string source)
    {
        await using var transaction = await _h.Db.Connections.BeginWriteAsync(cancellationToken: Ct);
        var entry = await _h.Ledger.RecordPaymentAsync(transaction, LedgerService.Decode(bolt11), new PaymentOrder(bolt11) { Source = source }, Ct);
        await transaction.CommitAsync(Ct);
        return entry;
    }
}
