using System.Net;
using System.Net.Http.Json;
using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Core.Swarm.Tasks;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Payouts;

/// <summary>A remote winner is paid its bid over Lightning, to the invoice it hands in with its result; a bad invoice
/// is refused before the task completes.</summary>
public sealed class RemotePayoutTests : SwarmApiTests
{
    private RemoteAgentClient _agent = null!;
    private SimulatedLightningNode _wallet = null!;

    protected override (string Key, string Value)[] Settings => [("Timmy:Swarm:AuctionSeconds", "30")];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _agent = new RemoteAgentClient(await Host.Factory.CreateOwnerClientAsync(ApiScopes.AgentsRemote), "gpu-box");
        _wallet = new SimulatedLightningNode("gpu-box-wallet", Host.Factory.Service<IDbConnectionFactory>(), TimeProvider.System, 0);
    }

    [Fact]
    public async Task The_Winner_IsPaidItsBid_ToItsInvoice_InTheLedgerAgainstTheTask()
    {
        var taskId = await WinAsync();
        var invoice = await _wallet.CreateInvoiceAsync(new CreateInvoiceRequest(1_000, "payout", TimeSpan.FromHours(1)), Ct);

        using var response = await ReportAsync(taskId, invoice.Bolt11);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ledger = Host.Factory.Service<ILedgerStore>();
        await Eventually.TrueAsync(async () => (await ledger.GetByHashAsync(invoice.PaymentHash, Ct))?.Status == LedgerStatus.Settled, "the payout settles");
        var entry = (await ledger.GetByHashAsync(invoice.PaymentHash, Ct))!;
        Assert.Equal((LedgerDirection.Outgoing, LedgerSources.Payout, taskId, "gpu-box", 1L), (entry.Direction, entry.Source, entry.TaskId, entry.AgentId, entry.AmountSats));
        Assert.Equal(NodeInvoiceState.Settled, (await _wallet.GetInvoiceAsync(invoice.PaymentHash, Ct))!.State);
        Assert.Equal(1, (await Owner.GetJsonAsync("/api/v1/agents/gpu-box")).GetProperty("stats").GetProperty("sats_earned").GetInt64());
    }

    [Fact]
    public async Task An_InvoiceForAnotherAmount_IsRefused_AndTheTaskKeepsRunning()
    {
        var taskId = await WinAsync();
        var invoice = await _wallet.CreateInvoiceAsync(new CreateInvoiceRequest(10_000, "greedy", TimeSpan.FromHours(1)), Ct);

        using var response = await ReportAsync(taskId, invoice.Bolt11);

        await response.AssertFieldRefusedAsync("invoice");
        Assert.Contains("winning bid, 1 sats", await response.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(SwarmTaskStatus.Completed, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);
        Assert.Null(await Host.Factory.Service<ILedgerStore>().GetByHashAsync(invoice.PaymentHash, Ct));
    }

    [Fact]
    public async Task Garbage_IsRefused_AndWithoutAnInvoice_OnlyTheEarningIsRecorded()
    {
        var taskId = await WinAsync();

        using var garbage = await ReportAsync(taskId, "lnbcrt-not-an-invoice");
        using var plain = await ReportAsync(taskId, null);

        await garbage.AssertFieldRefusedAsync("invoice");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(SwarmTaskStatus.Completed, (await Host.Tasks.GetAsync(taskId, Ct))!.Status);
        Assert.Empty((await Host.Factory.Service<ILedgerStore>().ListAsync(new LedgerFilter(), Ct)).Entries);
        Assert.Equal(1, (await Owner.GetJsonAsync("/api/v1/agents/gpu-box")).GetProperty("stats").GetProperty("sats_earned").GetInt64());
    }

    private Task<HttpResponseMessage> ReportAsync(string taskId, string? invoice) =>
        _agent.Http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/result", new { agent_id = "gpu-box", result = "Rendered.", invoice }, Ct);

    /// <summary>Registers the agent, posts a task and bids 1 sat on it: the auction closes at once, won by the agent.</summary>
    private async Task<string> WinAsync()
    {
        await _agent.RegisterAsync();
        var taskId = await Owner.PostTaskAsync("Render a storyboard for the launch video");
        Assert.Equal(HttpStatusCode.Created, (await _agent.BidAsync(taskId, 1)).StatusCode);
        await Eventually.TrueAsync(async () => (await Host.Tasks.GetAsync(taskId, Ct))!.AssignedAgent == "gpu-box", "the agent wins");
        return taskId;
    }
}
