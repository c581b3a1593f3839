using System.Net;
using Timmy.Core.Lightning.Budgets;
using Timmy.Core.Lightning.Ledger;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Components.Lightning;

namespace Timmy.Tests.Lightning.Pages;

/// <summary>The ledger page's forms over the real host: create an invoice, review then confirm a payment, simulate a
/// payment, set and remove a budget. A refusal is shown beside its form with nothing changed; a change redirects with
/// a notice; nothing is paid by the review; no form is taken without its antiforgery token.</summary>
public sealed class LedgerFormsTests : IAsyncLifetime
{
    private readonly TimmyWebFactory _factory = new();
    private HttpClient _browser = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Page = LightningFormat.Path;

    private LedgerService Ledger => _factory.Service<LedgerService>();

    public async ValueTask InitializeAsync() => _browser = await OwnerBrowserSession.SignInAsync(_factory);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CreateInvoice_Valid_RedirectsToItWithAQrCode()
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "create-invoice",
            [new("amount_sats", "1000"), new("memo", "Coffee"), new("expiry_seconds", "600")], Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single((await Ledger.Store.ListAsync(new LedgerFilter(), Ct)).Entries);
        Assert.Equal($"{Page}?notice=invoice-created&invoice={entry.Id}#new-invoice", Where(response));
        Assert.Equal(1000, entry.AmountSats);
        Assert.Equal("Coffee", entry.Memo);
        Assert.InRange(entry.ExpiresAt!.Value - entry.CreatedAt, TimeSpan.FromSeconds(599), TimeSpan.FromSeconds(600));
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(Where(response), Ct));
        Assert.Contains("Invoice created:", html);
        Assert.Contains("data-new-invoice", html);
        Assert.Contains("src=\"data:image/svg+xml;base64,", html);
        Assert.Contains($">{entry.Invoice}</textarea>", html);
        Assert.Contains($"data-simulate=\"{entry.Id}\"", html);
    }

    [Theory]
    [InlineData("0", "The amount must be between 1 and 10,000,000 sats.")]
    [InlineData("", "Say how many sats, as a whole number")]
    [InlineData("12.5", "Say how many sats, as a whole number")]
    public async Task CreateInvoice_BadAmount_ShowsTheReasonBesideTheForm_AndCreatesNothing(string amount, string reason)
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "create-invoice", [new("amount_sats", amount), new("memo", "x")], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The invoice was not created:", html);
        Assert.Contains(reason, html);
        Assert.Empty((await Ledger.Store.ListAsync(new LedgerFilter(), Ct)).Entries);
    }

    [Fact]
    public async Task Review_NotAnInvoice_SaysInvalidInvoiceBesideTheField()
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "review-payment", [new("invoice", "lnbc1notaninvoice")], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-invoice-error>invalid invoice: ", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Matches("<form[^>]* hidden [^>]*data-confirm-payment", html);
    }

    [Fact]
    public async Task Review_AnOutsideInvoice_ShowsItsFacts_AndPaysNothing()
    {
        var invoice = await OutsideWallet.InvoiceAsync(_factory, 2500, "Parser fix bounty", Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "review-payment", [new("invoice", invoice)], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("data-field=\"amount\">2,500 sats<", html);
        Assert.Contains("data-field=\"description\">Parser fix bounty<", html);
        Assert.Contains("data-field=\"network\">bcrt (regtest)<", html);
        Assert.Contains("Confirm payment of 2,500 sats", html);
        Assert.Contains("id=\"pay-max-fee\" name=\"max_fee_sats\" type=\"number\" min=\"0\" step=\"1\" inputmode=\"numeric\" value=\"25\"", html);
        Assert.Empty((await Ledger.Store.ListAsync(new LedgerFilter(), Ct)).Entries);
    }

    [Fact]
    public async Task Review_OneOfOurOwnInvoices_SaysWhyItCannotBePaid()
    {
        var ours = await Ledger.CreateInvoiceAsync(new NewInvoice(100, "ours"), Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "review-payment", [new("invoice", ours.Invoice!)], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("data-payment-problem>It cannot be paid from here: This is one of this node's own invoices.", html);
        Assert.Matches("<form[^>]* hidden [^>]*data-confirm-payment", html);
    }

    [Fact]
    public async Task Confirm_PaysIt_AndRedirectsToTheSettledOutcome()
    {
        var invoice = await OutsideWallet.InvoiceAsync(_factory, 500, "Parser fix", Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "pay", [new("invoice", invoice), new("max_fee_sats", "10")], Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single((await Ledger.Store.ListAsync(new LedgerFilter(), Ct)).Entries);
        Assert.Equal(LedgerStatus.Settled, entry.Status);
        Assert.Equal(10, entry.MaxFeeSats);
        Assert.Equal($"{Page}?notice=payment-settled&payment={entry.Id}#pay", Where(response));
        var html = WebUtility.HtmlDecode(await _browser.GetStringAsync(Where(response), Ct));
        Assert.Contains("✅ Paid 500 sats</strong> with a fee of <span data-field=\"fee\">0 sats</span>", html);
        Assert.Contains($"data-field=\"preimage\">{entry.Preimage}<", html);
    }

    [Fact]
    public async Task Simulate_SettlesThePendingInvoice_AndAGoneOneIsANotice()
    {
        var invoice = await Ledger.CreateInvoiceAsync(new NewInvoice(800, "simulate me"), Ct);

        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page + "?status=pending", "simulate", [new("entry", invoice.Id)], Ct);
        var unknown = await OwnerBrowserSession.PostFormAsync(_browser, Page, "simulate", [new("entry", "no-such-entry")], Ct);

        Assert.Equal($"{Page}?status=pending&notice=simulated#transactions", Where(response));
        Assert.Equal(LedgerStatus.Settled, (await Ledger.Store.GetAsync(invoice.Id, Ct))!.Status);
        Assert.Equal(800, (await Ledger.Store.BalanceAsync(Ct)).IncomingTotal);
        Assert.Equal($"{Page}?notice=gone#transactions", Where(unknown));
    }

    [Fact]
    public async Task Budget_SetThenRemoved_ThroughTheForms()
    {
        var set = await OwnerBrowserSession.PostFormAsync(_browser, Page, "set-budget",
            [new("agent_id", "forge"), new("max_sats", "5000"), new("period", "weekly")], Ct);
        var page = WebUtility.HtmlDecode(await _browser.GetStringAsync(Where(set), Ct));
        var removed = await OwnerBrowserSession.PostFormAsync(_browser, Page, "remove-budget", [new("agent", "forge")], Ct);
        var again = await OwnerBrowserSession.PostFormAsync(_browser, Page, "remove-budget", [new("agent", "forge")], Ct);

        Assert.Equal($"{Page}?notice=budget-set&who=forge#budgets", Where(set));
        Assert.Contains("Budget set for forge.", page);
        Assert.Contains("<tr data-budget=\"forge\">", page);
        Assert.Contains("data-field=\"remaining\">5,000 sats<", page);
        Assert.Equal($"{Page}?notice=budget-removed&who=forge#budgets", Where(removed));
        Assert.Equal($"{Page}?notice=budget-gone&who=forge#budgets", Where(again));
        Assert.Empty(await _factory.Service<BudgetService>().ListAsync(Ct));
    }

    [Theory]
    [InlineData("", "5000", "daily", "Name the agent")]
    [InlineData("forge", "-1", "daily", "Say the most sats per period")]
    [InlineData("forge", "10", "hourly", "'period' must be one of daily, weekly, monthly, never.")]
    public async Task Budget_BadInput_ShowsTheReasonBesideTheForm(string agent, string max, string period, string reason)
    {
        var response = await OwnerBrowserSession.PostFormAsync(_browser, Page, "set-budget",
            [new("agent_id", agent), new("max_sats", max), new("period", period)], Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The budget was not set:", html);
        Assert.Contains(reason, html);
        Assert.Empty(await _factory.Service<BudgetService>().ListAsync(Ct));
    }

    [Theory]
    [InlineData("create-invoice")]
    [InlineData("pay")]
    [InlineData("simulate")]
    [InlineData("set-budget")]
    public async Task Form_WithoutAntiforgeryToken_Returns400AndChangesNothing(string form)
    {
        var response = await _browser.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form, ["amount_sats"] = "100", ["agent_id"] = "forge", ["max_sats"] = "1", ["period"] = "daily",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await Ledger.Store.ListAsync(new LedgerFilter(), Ct)).Entries);
        Assert.Empty(await _factory.Service<BudgetService>().ListAsync(Ct));
    }

    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery + absolute.Fragment : response.Headers.Location!.OriginalString;
}
