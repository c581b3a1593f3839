using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Funding;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Funding;

/// <summary>A task its poster funds first: held pending with an invoice for its max bid, its auction opening only once
/// the invoice is paid, and cancelled if it never is.</summary>
public sealed class TaskFundingTests : SwarmApiTests
{
    [Fact]
    public async Task A_FundedTask_WaitsForItsInvoice_ThenItsAuctionOpens()
    {
        using var response = await Owner.PostAsJsonAsync("/api/v1/tasks", new { description = "Summarise the Lightning whitepaper", max_bid_sats = 300, fund = true }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.BodyAsync();
        var taskId = body.GetProperty("id").GetString()!;
        var bolt11 = body.GetProperty("funding_invoice").GetString()!;
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(300_000, LedgerService.Decode(bolt11).AmountMsat);
        var entry = (await Host.Factory.Service<ILedgerStore>().GetByHashAsync(body.GetProperty("funding_hash").GetString()!, Ct))!;
        Assert.Equal((LedgerSources.TaskFunding, taskId, LedgerStatus.Pending), (entry.Source, entry.TaskId, entry.Status));
        await Host.Factory.Service<TaskFundingWatcher>().SweepAsync(Ct);
        Assert.Equal(SwarmTaskStatus.Pending, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);

        var payer = new SimulatedLightningNode("poster-wallet", Host.Factory.Service<IDbConnectionFactory>(), TimeProvider.System, 10_000);
        Assert.Equal(NodePaymentState.Succeeded, (await payer.PayAsync(new PayInvoiceRequest(bolt11, 0, TimeSpan.FromSeconds(5)), Ct)).State);

        await Eventually.TrueAsync(async () => (await Host.Tasks.GetAsync(taskId, Ct))!.Status != SwarmTaskStatus.Pending, "the auction opens");
        var events = (await Host.Factory.Service<EventReader>().TimelineAsync(taskId, null, Ct)).Select(e => e.EventType).ToList();
        Assert.Equal([EventType.TaskCreated, EventType.PaymentInvoiceCreated], events.Take(2));
        Assert.Contains(EventType.PaymentSettled, events);
        Assert.True(events.IndexOf(EventType.TaskBidding) > events.IndexOf(EventType.PaymentSettled), string.Join(", ", events));
    }

    [Fact]
    public async Task An_UnpaidFundingInvoice_CancelsTheTask_WhenItExpires()
    {
        using var response = await Owner.PostAsJsonAsync("/api/v1/tasks", new { description = "Draw a map", max_bid_sats = 50, fund = true }, Ct);
        var body = await response.BodyAsync();
        var taskId = body.GetProperty("id").GetString()!;
        var ledger = Host.Factory.Service<LedgerService>();
        var entry = (await ledger.Store.GetByHashAsync(body.GetProperty("funding_hash").GetString()!, Ct))!;

        await ledger.ExpireAsync(entry, Ct);
        await Host.Factory.Service<TaskFundingWatcher>().SweepAsync(Ct);

        var task = (await Host.Tasks.GetAsync(taskId, Ct))!;
        Assert.Equal(SwarmTaskStatus.Cancelled, task.Status);
        Assert.Equal("the funding invoice was not paid", task.Error);
    }
}
