using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Timmy.Core.Lightning.Nodes;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Api;

/// <summary>Paying invoices: decoded and checked first, recorded before the node is asked, settled with the proof.</summary>
public sealed class PaymentEndpointsTests : LightningApiTests
{
    [Fact]
    public async Task Paying_AnOutsideInvoice_SettlesBothSides_WithAPreimageThatProvesIt()
    {
        var invoice = await OutsideInvoiceAsync(400, "a book");

        using var response = await PayAsync(invoice.Bolt11, maxFee: 5);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await response.BodyAsync();
        Assert.Equal("settled", entry.GetProperty("status").GetString());
        Assert.Equal("outgoing", entry.GetProperty("direction").GetString());
        Assert.Equal("a book", entry.GetProperty("memo").GetString());
        var preimage = Convert.FromHexString(entry.GetProperty("preimage").GetString()!);
        Assert.Equal(invoice.PaymentHash, Convert.ToHexStringLower(SHA256.HashData(preimage)));
        Assert.Equal(NodeInvoiceState.Settled, (await Outside.GetInvoiceAsync(invoice.PaymentHash, Ct))!.State);
        var balance = await BalanceAsync();
        Assert.Equal(400, balance.GetProperty("outgoing_total").GetInt64());
        Assert.Equal(-400, balance.GetProperty("net").GetInt64());
    }

    [Fact]
    public async Task Paying_TheSameInvoiceTwice_IsRefused_AndPaysOnce()
    {
        var invoice = await OutsideInvoiceAsync(100);
        using var first = await PayAsync(invoice.Bolt11);

        using var second = await PayAsync(invoice.Bolt11);

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(100, (await BalanceAsync()).GetProperty("outgoing_total").GetInt64());
    }

    [Fact]
    public async Task Decode_ShowsAmountPayeeAndDescription_BeforePaying()
    {
        var invoice = await OutsideInvoiceAsync(321, "two tickets");

        using var response = await Owner.PostAsJsonAsync("/api/v1/lightning/decode", new { invoice = invoice.Bolt11 }, Ct);
        var preview = await response.BodyAsync();

        Assert.Equal(321, preview.GetProperty("amount_sats").GetInt64());
        Assert.Equal("two tickets", preview.GetProperty("description").GetString());
        Assert.Equal((await Outside.GetInfoAsync(Ct)).NodeId, preview.GetProperty("payee").GetString());
        Assert.True(preview.GetProperty("can_pay").GetBoolean());
        Assert.Empty((await Owner.GetJsonAsync("/api/v1/lightning/ledger")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("lnbc1garbage")]
    [InlineData("hello")]
    [InlineData("lnbcrt1pjunk\"'<script>")]
    public async Task Garbage_IsAnInvalidInvoice_NeverA500(string text)
    {
        using var decode = await Owner.PostAsJsonAsync("/api/v1/lightning/decode", new { invoice = text }, Ct);
        using var pay = await PayAsync(text);

        await decode.AssertFieldRefusedAsync("invoice");
        await pay.AssertFieldRefusedAsync("invoice");
        Assert.Contains("invalid invoice:", await pay.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Our_OwnInvoice_IsNotPaid()
    {
        var own = await CreateInvoiceAsync(50);

        using var response = await PayAsync(own.GetProperty("invoice").GetString()!);

        await response.AssertFieldRefusedAsync("invoice");
        Assert.Contains("own invoices", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_ExpiredInvoice_IsNotPaid()
    {
        var invoice = await OutsideInvoiceAsync(50, expiry: TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);

        using var response = await PayAsync(invoice.Bolt11);

        await response.AssertFieldRefusedAsync("invoice");
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty((await Owner.GetJsonAsync("/api/v1/lightning/ledger")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task More_ThanTheNodeHolds_FailsWithTheNodesReason()
    {
        await using var poor = new Infrastructure.TimmyWebFactory();
        poor.Settings["Timmy:Lightning:SimulatedStartingBalanceSats"] = "100";
        var owner = await poor.CreateOwnerClientAsync();
        var outside = new Core.Lightning.Nodes.Simulated.SimulatedLightningNode("outside-wallet", poor.Service<Core.Storage.IDbConnectionFactory>(), TimeProvider.System, 0);
        var invoice = await outside.CreateInvoiceAsync(new CreateInvoiceRequest(500_000, "too much", TimeSpan.FromHours(1)), Ct);

        using var response = await owner.PostAsJsonAsync("/api/v1/lightning/payments", new { invoice = invoice.Bolt11 }, Ct);

        var entry = await response.BodyAsync();
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("failure_reason").GetString()));
        Assert.Equal(NodeInvoiceState.Open, (await outside.GetInvoiceAsync(invoice.PaymentHash, Ct))!.State);
        Assert.Equal(0, (await owner.GetJsonAsync("/api/v1/lightning/balance")).GetProperty("outgoing_total").GetInt64());
    }
}
