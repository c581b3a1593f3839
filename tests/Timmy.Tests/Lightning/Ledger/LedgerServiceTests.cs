using Microsoft.Extensions.Time.Testing;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Refusals;

namespace Timmy.Tests.Lightning.Ledger;

/// <summary>LedgerService on the simulated node: settling needs proof, settles once, and an agent's concurrent payments
/// stay inside its budget; L402's seam settles on a presented preimage.</summary>
public sealed class LedgerServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LedgerHarness _h = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _h = await LedgerHarness.CreateAsync(_time);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_HundredAgentPayments_AtOnce_NeverSpendPastItsBudget()
    {
        await _h.Budgets.SetAsync("forge", 2_000, BudgetPeriod.Daily, "owner", Ct);
        var invoices = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            invoices.Add((await _h.Outside.CreateInvoiceAsync(new CreateInvoiceRequest(90_000, $"part {i}", TimeSpan.FromHours(1)), Ct)).Bolt11);
        }

        var outcomes = await Task.WhenAll(invoices.Select(invoice => Task.Run(async () =>
        {
            try
            {
                return (await _h.Ledger.PayAsync(new PaymentOrder(invoice) { AgentId = "forge", Source = LedgerSources.Agent, MaxFeeSats = 10 }, Ct)).Status;
            }
            catch (BudgetExceededException)
            {
                return "refused";
            }
        }, Ct)));

        Assert.Equal(20, outcomes.Count(s => s == LedgerStatus.Settled)); // 20 × (90 + 10) = 2,000
        Assert.Equal(80, outcomes.Count(s => s == "refused"));
        var standing = (await _h.Budgets.GetAsync("forge", Ct))!;
        Assert.True(standing.SpentSats <= 2_000, $"spent {standing.SpentSats}");
        Assert.Equal(1_800, (await _h.Store.BalanceAsync(Ct)).OutgoingTotal);
    }

    [Fact]
    public async Task Settling_NeedsAPreimageThatProvesIt_AndHappensOnce()
    {
        var entry = await _h.Ledger.CreateInvoiceAsync(new NewInvoice(500, "proof"), Ct);
        var paid = await _h.Node.SimulatePaymentAsync(entry.PaymentHash, Ct);

        await Assert.ThrowsAsync<InvalidFieldException>(() => _h.Ledger.SettleIncomingAsync(entry, new string('0', 64), confirmedByNode: false, null, Ct));
        var first = await _h.Ledger.SettleIncomingAsync(entry, paid.Preimage, confirmedByNode: false, null, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await _h.Ledger.SettleIncomingAsync(entry, null, confirmedByNode: true, null, Ct);

        Assert.Equal(LedgerStatus.Settled, second.Status);
        Assert.Equal(first.SettledAt, second.SettledAt);
        Assert.Equal(paid.Preimage, second.Preimage);
        Assert.Single(await _h.Db.StoredEventsAsync(), e => e.EventType == Core.Events.EventType.PaymentSettled);
        Assert.Equal(500, (await _h.Store.BalanceAsync(Ct)).IncomingTotal);
    }

    [Fact]
    public async Task L402s_Seam_IssuesLedgerInvoices_AndSettlesOnThePresentedPreimage()
    {
        var l402 = new LedgerL402Invoices(_h.Ledger);
        var challenge = await l402.CreateInvoiceAsync(100, "L402 chat", TimeSpan.FromMinutes(10), Ct);
        var payment = await _h.Outside.PayAsync(new PayInvoiceRequest(challenge.Bolt11, 0, TimeSpan.FromSeconds(5)), Ct);

        Assert.False(await l402.IsPaidAsync(challenge.PaymentHash, new string('1', 64), Ct));
        Assert.True(await l402.IsPaidAsync(challenge.PaymentHash, payment.Preimage!, Ct));
        Assert.True(await l402.IsPaidAsync(challenge.PaymentHash, payment.Preimage!, Ct));

        var entry = (await _h.Store.GetByHashAsync(challenge.PaymentHash, Ct))!;
        Assert.Equal((LedgerSources.L402, LedgerStatus.Settled), (entry.Source, entry.Status));
    }
}
