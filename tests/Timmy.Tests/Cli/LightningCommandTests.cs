using Timmy.Core.Lightning.Ledger;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Security;
using Timmy.Core.Storage;
using Timmy.Tests.Infrastructure;
using Timmy.Web.Cli;

namespace Timmy.Tests.Cli;

/// <summary><c>timmy ln …</c> as a client of a running server (the in-process host's API over an injected HttpClient):
/// what it prints, what it asks before paying, and its exit codes.</summary>
public sealed class LightningCommandTests : IAsyncLifetime
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TimmyWebFactory _host = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ILedgerStore Ledger => _host.Service<ILedgerStore>();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Invoice_PrintsTheBolt11_AndRecordsIt()
    {
        var exit = await RunAsync("", "ln", "invoice", "1000", "coffee", "beans");

        Assert.Equal(0, exit);
        var bolt11 = Assert.Single(Lines());
        var invoice = LedgerService.Decode(bolt11);
        Assert.Equal((1_000_000L, "coffee beans"), (invoice.AmountMsat!.Value, invoice.Description));
        Assert.Contains("Invoice for 1,000 sats", _error.ToString());
        Assert.Equal(LedgerStatus.Pending, (await Ledger.GetByHashAsync(invoice.PaymentHash, Ct))!.Status);
    }

    [Fact]
    public async Task Pay_ShowsTheInvoice_AndPaysOnlyWhenConfirmed()
    {
        var invoice = await OutsideInvoiceAsync(250, "a book");

        var declined = await RunAsync("n\n", "ln", "pay", invoice.Bolt11);
        var declinedOutput = _output.ToString();
        var paid = await RunAsync("y\n", "ln", "pay", invoice.Bolt11, "--max-fee", "5");

        Assert.Equal(ServerVerb.FailedExitCode, declined);
        Assert.Contains("Amount       250 sats", declinedOutput);
        Assert.Contains("Description  a book", declinedOutput);
        Assert.Contains("Not paid.", declinedOutput);
        Assert.Equal(0, paid);
        Assert.Contains("Paid 250 sats (fee 0)", _output.ToString());
        Assert.Equal(LedgerStatus.Settled, (await Ledger.GetByHashAsync(invoice.PaymentHash, Ct))!.Status);
    }

    [Fact]
    public async Task Pay_Yes_PaysWithoutAsking_Balance_ShowsItAndTheSimulatedNode()
    {
        var invoice = await OutsideInvoiceAsync(40, "tea");

        var paid = await RunAsync("", "ln", "pay", invoice.Bolt11, "--yes");
        var balance = await RunAsync("", "ln", "balance");

        Assert.Equal((0, 0), (paid, balance));
        var text = _output.ToString();
        Assert.DoesNotContain("Pay it?", text);
        Assert.Contains("Net                   -40 sats (in 0, out 40, fees 0)", text);
        Assert.Contains("SIMULATED node timmy-simulated on regtest", text);
    }

    [Fact]
    public async Task Garbage_AndBadAmounts_AreUsageErrors_AndPayNothing()
    {
        var garbage = await RunAsync("", "ln", "pay", "lnbc1nonsense", "--yes");
        var zero = await RunAsync("", "ln", "invoice", "0");
        var words = await RunAsync("", "ln", "invoice", "lots");
        var nothing = await RunAsync("", "ln");

        Assert.Equal([ServerVerb.UsageExitCode, ServerVerb.UsageExitCode, ServerVerb.UsageExitCode, ServerVerb.UsageExitCode], [garbage, zero, words, nothing]);
        Assert.Contains("invalid invoice:", _error.ToString());
        Assert.Empty((await Ledger.ListAsync(new LedgerFilter(), Ct)).Entries);
    }

    [Fact]
    public async Task A_ReadOnlyToken_CannotPay()
    {
        var invoice = await OutsideInvoiceAsync(10, "x");

        var exit = await RunAsync(await _host.CreateOwnerClientAsync(ApiScopes.LightningRead), "", "ln", "pay", invoice.Bolt11, "--yes");

        Assert.Equal(ServerVerb.FailedExitCode, exit);
        Assert.Contains(ApiScopes.LightningPay, _error.ToString());
        Assert.Null(await Ledger.GetByHashAsync(invoice.PaymentHash, Ct));
    }

    private async Task<NodeInvoice> OutsideInvoiceAsync(long sats, string memo)
    {
        var outside = new SimulatedLightningNode("outside-wallet", _host.Service<IDbConnectionFactory>(), TimeProvider.System, 0);
        return await outside.CreateInvoiceAsync(new CreateInvoiceRequest(sats * 1000, memo, TimeSpan.FromHours(1)), Ct);
    }

    private string[] Lines() => _output.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private async Task<int> RunAsync(string input, params string[] arguments) =>
        await RunAsync(await _host.CreateOwnerClientAsync(ApiScopes.LightningRead, ApiScopes.LightningPay), input, arguments);

    private Task<int> RunAsync(HttpClient http, string input, params string[] arguments)
    {
        Assert.Equal(TimmyCommandLine.LightningVerb, arguments[0]);
        return new LightningCommand(http, new StringReader(input), _output, _error).RunAsync(arguments[1..], Ct);
    }
}
