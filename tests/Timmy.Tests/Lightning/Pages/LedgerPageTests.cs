using System.Net;
using System.Text.RegularExpressions;
using Timmy.Core.Lightning.Ledger;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Lightning;

namespace Timmy.Tests.Lightning.Pages;

/// <summary>/lightning/ledger and /lightning/ledger/{id} over the real host and its simulated node: what they show,
/// the filters and pages of the transactions, the live fragment, the export under the owner's cookie, and Home's card.</summary>
public sealed partial class LedgerPageTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _browser = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LedgerService Ledger => _factory.Service<LedgerService>();

    public async ValueTask InitializeAsync() => _browser = await OwnerBrowserSession.SignInAsync(_factory);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task LedgerPage_Empty_ShowsTheSimulatedNodeItsFormsAndAnEmptyLedger()
    {
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.Path, Ct));

        Assert.Contains("data-simulated-badge", html);
        Assert.Contains("A local simulated node: invoices are real BOLT11, but no sats move;", html);
        Assert.Contains("data-field=\"network\">regtest<", html);
        Assert.Contains("data-field=\"spendable\">1,000,000 sats<", html);
        Assert.Contains("The ledger is empty.", html);
        Assert.Contains("Nothing settled in the last 30 days.", html);
        Assert.Contains("No agent has a budget", html);
        Assert.Contains("data-create-invoice", html);
        Assert.Contains("data-review-payment", html);
        Assert.Matches("data-balance-figure=\"available\"[^>]*>\\s*<span class=\"summary-label\">Available</span>\\s*<span class=\"summary-value\"[^>]*>0</span>", html);
        Assert.Contains("<datalist id=\"budget-agents\"><option value=\"echo\"></option>", Regex.Replace(html, @"\s+<", "<"));
    }

    [Fact]
    public async Task LedgerPage_WithEntries_ShowsRowsBalanceAndChart()
    {
        var paid = await Ledger.CreateInvoiceAsync(new NewInvoice(1500, "Coffee for the swarm"), Ct);
        await Ledger.SimulatePaymentAsync(paid.Id, Ct);
        await Ledger.CreateInvoiceAsync(new NewInvoice(250, "Still open"), Ct);
        await Ledger.PayAsync(new PaymentOrder(await OutsideWallet.InvoiceAsync(_factory, 400, "Parser fix", Ct)), Ct);

        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.Path, Ct));

        Assert.Equal(3, Row().Matches(html).Count);
        Assert.Contains("3 entries, newest first", html);
        Assert.Matches("data-balance-figure=\"available\"[^>]*>\\s*<span class=\"summary-label\">Available</span>\\s*<span class=\"summary-value\"[^>]*>1,100</span>", html);
        Assert.Matches("data-balance-figure=\"pending-in\"[^>]*>\\s*<span class=\"summary-label\">Pending in</span>\\s*<span class=\"summary-value\"[^>]*>250</span>", html);
        Assert.Contains("received (above the line) · 1,500 sats", html);
        Assert.Contains("class=\"volume-out\"", html);
        Assert.Contains(">Coffee for the swarm<", html);
        Assert.Single(Regex.Matches(html, "data-simulate=\""));
    }

    [Theory]
    [InlineData("?direction=incoming", 2)]
    [InlineData("?direction=outgoing", 1)]
    [InlineData("?status=settled", 2)]
    [InlineData("?direction=incoming&status=pending", 1)]
    [InlineData("?agent=forge", 0)]
    public async Task LedgerPage_Filters_ListOnlyWhatTheyMatch(string query, int rows)
    {
        var paid = await Ledger.CreateInvoiceAsync(new NewInvoice(1500, "paid"), Ct);
        await Ledger.SimulatePaymentAsync(paid.Id, Ct);
        await Ledger.CreateInvoiceAsync(new NewInvoice(250, "open"), Ct);
        await Ledger.PayAsync(new PaymentOrder(await OutsideWallet.InvoiceAsync(_factory, 400, "out", Ct)), Ct);

        var html = await _browser.GetStringAsync(LightningFormat.Path + query, Ct);

        Assert.Equal(rows, Row().Matches(html).Count);
        Assert.Contains("data-export", html);
    }

    [Theory]
    [InlineData("status=bogus", "'bogus' is not a state")]
    [InlineData("from=yesterday", "The 'from' date 'yesterday' is not a date like 2026-03-01.")]
    [InlineData("from=2026-03-02&to=2026-03-01", "The 'from' date is after the 'to' date.")]
    public async Task LedgerPage_BadFilter_NamesIt(string query, string reason)
    {
        var response = await _browser.GetAsync(LightningFormat.Path + "?" + query, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The filters could not be used:", html);
        Assert.Contains(reason, html);
    }

    [Fact]
    public async Task LedgerPage_ManyEntries_PagesOlderByTheCursor()
    {
        for (var i = 1; i <= LedgerFilters.PageSize + 3; i++)
        {
            await Ledger.CreateInvoiceAsync(new NewInvoice(i, $"Invoice number {i}"), Ct);
        }

        var first = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.Path + "?direction=incoming", Ct));
        var older = OlderLink().Match(first);
        var second = WebUtility.HtmlDecode(await _browser.GetStringAsync(WebUtility.HtmlDecode(older.Groups[1].Value), Ct));

        Assert.True(older.Success);
        Assert.Contains("direction=incoming", older.Groups[1].Value);
        Assert.Equal(LedgerFilters.PageSize, Row().Matches(first).Count);
        Assert.Contains($">Invoice number {LedgerFilters.PageSize + 3}<", first);
        Assert.Equal(3, Row().Matches(second).Count);
        Assert.Contains(">Invoice number 1<", second);
        Assert.Contains("← Newest", second);
    }

    [Fact]
    public async Task Fragment_DrawsEveryLivePart_ForTheAddressItIsGiven()
    {
        var invoice = await Ledger.CreateInvoiceAsync(new NewInvoice(700, "live"), Ct);
        await Ledger.SimulatePaymentAsync(invoice.Id, Ct);

        var response = await _browser.GetAsync($"/lightning/fragments/ledger?status=settled&invoice={invoice.Id}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        foreach (var part in (string[])["node-card", "balance", "volume", "ledger-table", "budgets", "invoice-state"])
        {
            Assert.Contains($"data-swap=\"{part}\"", html);
        }
        Assert.Contains("data-invoice-state=\"settled\"", html);
        Assert.Single(Row().Matches(html));
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task Fragment_Unauthenticated_IsNotServed()
    {
        var response = await _factory.CreateAnonymousClient().GetAsync("/lightning/fragments/ledger", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntryPage_PendingInvoice_ShowsQrCopyAndSimulate()
    {
        var invoice = await Ledger.CreateInvoiceAsync(new NewInvoice(1234, "Scan me") { TaskId = "task-1", AgentId = "forge" }, Ct);

        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.EntryUrl(invoice.Id), Ct));

        Assert.Contains("Invoice of 1,234 sats", html);
        Assert.Contains("src=\"data:image/svg+xml;base64,", html);
        Assert.Contains($">{invoice.Invoice}</textarea>", html);
        Assert.Contains($"data-copy=\"#bolt11-{invoice.Id}\"", html);
        Assert.Contains($"data-simulate=\"{invoice.Id}\"", html);
        Assert.Contains("href=\"/swarm/tasks/task-1\" data-link=\"task\"", html);
        Assert.Contains("href=\"/lightning/ledger?agent=forge\" data-link=\"agent\"", html);
        Assert.DoesNotContain("Proof of payment", html);
    }

    [Fact]
    public async Task EntryPage_SettledPayment_ShowsItsFeeAndProof()
    {
        var payment = await Ledger.PayAsync(new PaymentOrder(await OutsideWallet.InvoiceAsync(_factory, 500, "Parser fix", Ct)), Ct);

        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.EntryUrl(payment.Id), Ct));

        Assert.Equal(LedgerStatus.Settled, payment.Status);
        Assert.Contains("Payment of 500 sats", html);
        Assert.Contains("data-field=\"fee\">0 sats<", html);
        Assert.Contains($"data-field=\"preimage\">{payment.Preimage}<", html);
        Assert.DoesNotContain("data:image/svg+xml", html);
        Assert.DoesNotContain("data-simulate=", html);
    }

    [Fact]
    public async Task EntryPage_UnknownId_Is404()
    {
        var response = await _browser.GetAsync(LightningFormat.EntryUrl("no-such-entry"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithTheOwnersCookie_IsCsvOfWhatTheFiltersMatch()
    {
        var paid = await Ledger.CreateInvoiceAsync(new NewInvoice(900, "exported"), Ct);
        await Ledger.SimulatePaymentAsync(paid.Id, Ct);
        await Ledger.CreateInvoiceAsync(new NewInvoice(100, "left out"), Ct);
        var page = WebUtility.HtmlDecode(await _browser.GetStringAsync(LightningFormat.Path + "?status=settled&from=2020-01-01&to=2020-01-02", Ct));

        var response = await _browser.GetAsync("/api/v1/lightning/export?status=settled", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("href=\"/api/v1/lightning/export?status=settled&from=2020-01-01&to=2020-01-03\"", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("exported", csv);
        Assert.DoesNotContain("left out", csv);
    }

    [Fact]
    public async Task HomePage_ShowsTheLightningCard_WithTheSimulatedBadge()
    {
        await Ledger.CreateInvoiceAsync(new NewInvoice(300, "pending"), Ct);

        var html = await _browser.GetStringAsync("/", Ct);

        Assert.Contains("data-lightning-glance", html);
        Assert.Contains("data-glance=\"pending-in\">300<", html);
        Assert.Contains("data-simulated-badge", html);
        Assert.Contains("href=\"/lightning/ledger\"", html);
    }

    [GeneratedRegex("<tr data-entry=\"")]
    private static partial Regex Row();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex OlderLink();
}
