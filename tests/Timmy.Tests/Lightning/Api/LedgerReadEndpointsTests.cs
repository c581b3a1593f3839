using System.Net;
using Microsoft.Extensions.Options;
using Timmy.Core.Security;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Lightning.Api;

/// <summary>The ledger's reads: lists with filters, the CSV export, the daily volume, and who may read or pay.</summary>
public sealed class LedgerReadEndpointsTests : LightningApiTests
{
    [Fact]
    public async Task Export_IsCsvOfTheFilteredLedger_WithoutIncomingPreimages()
    {
        var invoice = await CreateInvoiceAsync(120, "=SUM(A1)");
        await Owner.PostAsync($"/api/v1/lightning/invoices/{invoice.GetProperty("id").GetString()}/simulate-payment", null, Ct);
        using var paid = await PayAsync((await OutsideInvoiceAsync(30, "out")).Bolt11);

        using var response = await Owner.GetAsync("/api/v1/lightning/export?direction=incoming", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Trim().Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,tx_type,status,payment_hash,amount_sats", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",incoming,settled,", row);
        Assert.Contains(",'=SUM(A1),", row);
        Assert.Contains(",,,lnbcrt", row); // no failure reason, and the preimage column left empty before the invoice
    }

    [Fact]
    public async Task List_FiltersByDirectionAndStatus_AndRefusesUnknownValues()
    {
        await CreateInvoiceAsync(10);
        using var paid = await PayAsync((await OutsideInvoiceAsync(5, "out")).Bolt11);

        var outgoing = await Owner.GetJsonAsync("/api/v1/lightning/payments");
        var settled = await Owner.GetJsonAsync("/api/v1/lightning/ledger?status=settled");
        using var bad = await Owner.GetAsync("/api/v1/lightning/ledger?direction=sideways&status=lost", Ct);
        var daily = await Owner.GetJsonAsync("/api/v1/lightning/daily?days=7");

        Assert.Equal("outgoing", Assert.Single(outgoing.GetProperty("items").EnumerateArray()).GetProperty("direction").GetString());
        Assert.Equal("outgoing", Assert.Single(settled.GetProperty("items").EnumerateArray()).GetProperty("direction").GetString());
        await bad.AssertFieldRefusedAsync("direction");
        Assert.Equal(7, daily.GetArrayLength());
        Assert.Equal(5, daily[6].GetProperty("outgoing_sats").GetInt64());
    }

    [Fact]
    public async Task A_ReadToken_ReadsButCannotPay_AndNoTokenGetsNothing()
    {
        var reader = await Factory.CreateOwnerClientAsync(ApiScopes.LightningRead);
        var invoice = await OutsideInvoiceAsync(5, "x");

        using var balance = await reader.GetAsync("/api/v1/lightning/balance", Ct);
        using var pay = await reader.PostAsync("/api/v1/lightning/payments", SwarmApi.Json($$"""{"invoice":"{{invoice.Bolt11}}"}"""), Ct);
        using var anonymous = await Factory.CreateAnonymousClient().GetAsync("/api/v1/lightning/balance", Ct);

        Assert.Equal(HttpStatusCode.OK, balance.StatusCode);
        Assert.Equal(ApiScopes.LightningPay, (await pay.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("required_scope").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, (await BalanceAsync()).GetProperty("outgoing_total").GetInt64());
    }

    [Theory]
    [InlineData("type=carrier-pigeon", "type")]
    [InlineData("type=lnd-rest;server=https://node:8080", "macaroon")]
    [InlineData("type=lnbits;server=ftp://x;api-key=k", "server")]
    public async Task A_BadConnectionString_StopsTheStart_NamingTheKey(string connection, string key)
    {
        await using var host = new TimmyWebFactory();
        host.Settings["Timmy:Lightning:ConnectionString"] = connection;

        var refused = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Timmy:Lightning:ConnectionString", refused.Message);
        Assert.Contains(key, refused.Message);
    }
}
