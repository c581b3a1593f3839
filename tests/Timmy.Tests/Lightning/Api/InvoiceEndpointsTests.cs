using System.Net;
using Timmy.Core.Events;
using Timmy.Core.Lightning.Bolt11;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Api;

/// <summary>Issuing invoices on the simulated node, and settling them only when they are paid.</summary>
public sealed class InvoiceEndpointsTests : LightningApiTests
{
    [Fact]
    public async Task Create_IssuesARealBolt11_RecordedPending_WithAnEventWithoutThePreimage()
    {
        var entry = await CreateInvoiceAsync(1_000, "coffee");

        var invoice = Bolt11Codec.Decode(entry.GetProperty("invoice").GetString()!);
        Assert.Equal(1_000_000, invoice.AmountMsat);
        Assert.Equal("coffee", invoice.Description);
        Assert.Equal("bcrt", invoice.Network);
        Assert.Equal(entry.GetProperty("payment_hash").GetString(), invoice.PaymentHash);
        Assert.Equal("pending", entry.GetProperty("status").GetString());
        Assert.Equal("incoming", entry.GetProperty("direction").GetString());
        var node = await Owner.GetJsonAsync("/api/v1/lightning/node");
        Assert.Equal(node.GetProperty("node_id").GetString(), invoice.PayeeNodeId);
        Assert.True(node.GetProperty("simulated").GetBoolean());
        var created = Assert.Single(await Factory.Service<IEventStore>().ReadAfterAsync(0, 1_000, Ct), e => e.EventType == EventType.PaymentInvoiceCreated);
        Assert.DoesNotContain("preimage", created.Data.GetRawText());
        Assert.Equal(1_000, (await BalanceAsync()).GetProperty("pending_incoming").GetInt64());
    }

    [Fact]
    public async Task An_Invoice_IsNeverSettledByItself_OnlyByAPayment()
    {
        var entry = await CreateInvoiceAsync(250);
        var id = entry.GetProperty("id").GetString()!;

        await Owner.PostAsync("/api/v1/lightning/reconcile", null, Ct);
        var before = await Owner.GetJsonAsync($"/api/v1/lightning/ledger/{id}");
        using var paid = await Owner.PostAsync($"/api/v1/lightning/invoices/{id}/simulate-payment", null, Ct);
        var after = await paid.BodyAsync();
        using var again = await Owner.PostAsync($"/api/v1/lightning/invoices/{id}/simulate-payment", null, Ct);

        Assert.Equal("pending", before.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("settled", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("preimage").ValueKind == System.Text.Json.JsonValueKind.Null, "an incoming preimage is not shown");
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var balance = await BalanceAsync();
        Assert.Equal(250, balance.GetProperty("incoming_total").GetInt64());
        Assert.Equal(250, balance.GetProperty("available").GetInt64());
        Assert.Equal(0, balance.GetProperty("pending_incoming").GetInt64());
    }

    [Theory]
    [InlineData("""{"amount_sats":0}""", "amount_sats")]
    [InlineData("""{"amount_sats":-5}""", "amount_sats")]
    [InlineData("""{"amount_sats":100000000000}""", "amount_sats")]
    [InlineData("""{"memo":"no amount"}""", "amount_sats")]
    [InlineData("""{"amount_sats":10,"expiry_seconds":5}""", "expiry_seconds")]
    public async Task Bad_Requests_AreRefused_NamingTheField_AndIssueNothing(string json, string field)
    {
        using var response = await Owner.PostJsonAsync("/api/v1/lightning/invoices", json);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await Owner.GetJsonAsync("/api/v1/lightning/ledger")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_Memo_LongerThanAnInvoiceHolds_IsRefused()
    {
        using var response = await Owner.PostJsonAsync("/api/v1/lightning/invoices", $$"""{"amount_sats":10,"memo":"{{new string('é', 400)}}"}""");

        await response.AssertFieldRefusedAsync("memo");
    }
}
