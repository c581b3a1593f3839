using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;
using Timmy.E2E.Infrastructure;

namespace Timmy.E2E;

/// <summary>The Lightning ledger from the owner's side, on the server's simulated node: an invoice created, shown as a QR
/// code and paid by simulation, the row and the balance following live in another tab; an invoice of another simulated
/// node on the server's database reviewed, confirmed and paid; a budget set and removed; filters kept in the address and
/// carried by the export link.</summary>
public sealed partial class LightningFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Invoice_CreatedAndPaidBySimulation_SettlesTheRowAndTheBalanceLive()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var watcher = await context.NewPageAsync();
        await watcher.GotoAsync("/lightning/ledger");
        await Assertions.Expect(watcher.Locator("[data-feed-badge]")).ToHaveTextAsync("live");
        await watcher.EvaluateAsync("() => { window.notReloaded = true; }");
        var received = await FigureAsync(watcher, "incoming");

        var page = await context.NewPageAsync();
        await page.GotoAsync("/lightning/ledger");
        await Assertions.Expect(page.Locator("[data-simulated-badge]").First).ToBeVisibleAsync();
        await page.GetByLabel("Amount (sats)").FillAsync("1000");
        await page.GetByLabel("Memo (the payer sees it)").FillAsync("E2E coffee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invoice" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lightning-notice]")).ToContainTextAsync("Invoice created");
        var invoice = page.Locator("[data-new-invoice]");
        await Assertions.Expect(invoice.Locator("img[data-invoice-qr]")).ToBeVisibleAsync();
        await Assertions.Expect(invoice.GetByLabel("Invoice (BOLT11)")).ToHaveValueAsync(new Regex("^lnbcrt10u1"));
        await Assertions.Expect(invoice.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        var id = await invoice.Locator("[data-invoice]").GetAttributeAsync("data-invoice");
        await page.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(page, "lightning-invoice-1280");

        var row = watcher.Locator($"tr[data-entry='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "pending");
        await invoice.GetByRole(AriaRole.Button, new() { Name = "Simulate payment" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lightning-notice]")).ToContainTextAsync("Payment simulated");
        await Assertions.Expect(page.Locator("[data-invoice-state]")).ToHaveAttributeAsync("data-invoice-state", "settled");
        await Assertions.Expect(page.Locator("img[data-invoice-qr]")).ToBeHiddenAsync();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "settled");
        await Assertions.Expect(row.Locator(".ledger-status")).ToContainTextAsync("settled");
        await Assertions.Expect(Figure(watcher, "incoming")).ToHaveTextAsync(Count(received + 1000));
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await watcher.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(watcher, "lightning-live-390");
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task OutsideInvoice_ReviewedThenConfirmed_IsPaidWithNoFee()
    {
        var bolt11 = await OutsideInvoiceAsync(700, "E2E bounty");
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/lightning/ledger");
        var paid = await FigureAsync(page, "outgoing");

        await page.GetByLabel("BOLT11 invoice to pay").FillAsync(bolt11);
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        var review = page.Locator("[data-payment-review]");
        await Assertions.Expect(review.Locator("[data-field='amount']")).ToHaveTextAsync("700 sats");
        await Assertions.Expect(review.Locator("[data-field='description']")).ToHaveTextAsync("E2E bounty");
        await Assertions.Expect(Figure(page, "outgoing")).ToHaveTextAsync(Count(paid));
        await BrowserFixture.ScreenshotAsync(page, "lightning-review-1280");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm payment of 700 sats" }).ClickAsync();
        var outcome = page.Locator("[data-payment-outcome]");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-status", "settled");
        await Assertions.Expect(outcome.Locator("[data-field='fee']")).ToHaveTextAsync("0 sats");
        await Assertions.Expect(outcome.Locator("[data-field='preimage']")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Assertions.Expect(Figure(page, "outgoing")).ToHaveTextAsync(Count(paid + 700));
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task Budget_SetForAnAgent_IsListed_ThenRemoved()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/lightning/ledger");

        var form = page.Locator("[data-set-budget]");
        await form.GetByLabel("Agent").FillAsync("forge");
        await form.GetByLabel("Most sats per period").FillAsync("5000");
        await form.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("weekly");
        await form.GetByRole(AriaRole.Button, new() { Name = "Set budget" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lightning-notice]")).ToHaveTextAsync("Budget set for forge.");
        var budget = page.Locator("tr[data-budget='forge']");
        await Assertions.Expect(budget).ToContainTextAsync("5,000 sats");
        await Assertions.Expect(budget).ToContainTextAsync("weekly");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await budget.GetByRole(AriaRole.Button, new() { Name = "Remove the budget of forge" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lightning-notice]")).ToContainTextAsync("Budget removed");
        await Assertions.Expect(page.Locator("tr[data-budget='forge']")).ToHaveCountAsync(0);
        Assert.Empty(fixture.ConsoleErrors);
    }

    [Fact]
    public async Task Filters_StayInTheAddress_AndTheExportLinkCarriesThem()
    {
        await using var context = await fixture.NewOwnerContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/lightning/ledger");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await page.GetByLabel("Direction").SelectOptionAsync("incoming");
        await page.GetByLabel("Status").SelectOptionAsync("pending");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(today);
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/lightning/ledger\?direction=incoming&status=pending&task=&agent=&from={today}&to={today}$"));
        await Assertions.Expect(page.GetByLabel("Direction")).ToHaveValueAsync("incoming");
        var export = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
        var href = await export.GetAttributeAsync("href");
        Assert.StartsWith($"/api/v1/lightning/export?direction=incoming&status=pending&from={today}&to=", href);
        var response = await context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        Assert.Empty(fixture.ConsoleErrors);
    }

    /// <summary>An invoice of another simulated node, made on the server's own database from this process.</summary>
    private async Task<string> OutsideInvoiceAsync(long sats, string memo)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DataDirectory = fixture.Server.DataDirectory }));
        var node = new SimulatedLightningNode("outside-wallet", connections, TimeProvider.System, 0);
        return (await node.CreateInvoiceAsync(new CreateInvoiceRequest(sats * 1000, memo, TimeSpan.FromHours(1)))).Bolt11;
    }

    private static ILocator Figure(IPage page, string key) => page.Locator($"[data-balance-figure='{key}'] .summary-value");

    private static async Task<long> FigureAsync(IPage page, string key) =>
        long.Parse(await Figure(page, key).InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string Count(long sats) => sats.ToString("N0", CultureInfo.InvariantCulture);
}
