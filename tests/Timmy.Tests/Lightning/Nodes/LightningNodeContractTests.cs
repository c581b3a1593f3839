using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Timmy.Core.Lightning.Nodes;
using Timmy.Tests.Infrastructure;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes;

/// <summary>What every REST node client must do against a loopback server speaking its node's API. Each backend
/// has a subclass that says how to build its server and client and adds the cases only it has.</summary>
public abstract class LightningNodeContractTests : IAsyncLifetime
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected FakeNodeServer Server { get; private set; } = null!;

    protected ILightningNode Node { get; private set; } = null!;

    protected abstract string ExpectedKind { get; }

    protected abstract FakeNodeServer CreateServer();

    protected abstract ILightningNode CreateNode(LightningConnectionString connection, HttpClient http);

    protected abstract void AssertInfo(NodeInfo info);

    protected abstract void AssertBalance(NodeBalance balance);

    /// <summary>How many watch requests the server must have seen before the client is surely watching (a polling
    /// client's first poll only sets its baseline).</summary>
    protected virtual int WatchRequestsWhenWatching => 1;

    public async ValueTask InitializeAsync()
    {
        Server = CreateServer();
        await Server.StartAsync();
        Node = Connect(Server.ConnectionString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected ILightningNode Connect(string connectionString) =>
        CreateNode(LightningConnectionString.Parse(connectionString), new HttpClient { Timeout = Timeout.InfiniteTimeSpan });

    [Fact]
    public async Task GetInfo_ReturnsTheNodesIdentity()
    {
        var info = await Node.GetInfoAsync(Token);

        Assert.Equal(ExpectedKind, info.Kind);
        Assert.False(info.IsSimulated);
        Assert.False(Node.IsSimulated);
        Assert.Equal(ExpectedKind, Node.Kind);
        AssertInfo(info);
    }

    [Fact]
    public async Task CreateInvoice_AmountMemoAndExpiry_ReachTheNode()
    {
        var invoice = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(21_000, "coffee", TimeSpan.FromMinutes(10)), Token);

        var stored = Assert.Single(Server.Book.Invoices);
        Assert.Equal(stored.Hash, invoice.PaymentHash);
        Assert.Equal(stored.Bolt11, invoice.Bolt11);
        Assert.Equal(21_000, stored.AmountMsat);
        Assert.Equal("coffee", stored.Memo);
        Assert.Equal(TimeSpan.FromMinutes(10), stored.Expiry);
        Assert.Equal(21_000, invoice.AmountMsat);
        Assert.Equal(NodeInvoiceState.Open, invoice.State);
        Assert.Equal("coffee", invoice.Memo);
        Assert.InRange(invoice.ExpiresAt - invoice.CreatedAt, TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CreateInvoice_WithDescriptionHash_PutsTheHashInTheInvoice()
    {
        const string description = "[[\"text/plain\",\"A long description of what is being paid for\"]]";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(description));

        await Node.CreateInvoiceAsync(new CreateInvoiceRequest(5_000, description, TimeSpan.FromHours(1)) { DescriptionHash = hash }, Token);

        var stored = Assert.Single(Server.Book.Invoices);
        Assert.Equal(hash, stored.DescriptionHash);
    }

    [Fact]
    public async Task GetInvoice_Known_ReturnsItOpen()
    {
        var created = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(42_000, "lookup", TimeSpan.FromHours(1)), Token);

        var found = await Node.GetInvoiceAsync(created.PaymentHash, Token);

        Assert.NotNull(found);
        Assert.Equal(created.PaymentHash, found.PaymentHash);
        Assert.Equal(created.Bolt11, found.Bolt11);
        Assert.Equal(42_000, found.AmountMsat);
        Assert.Equal(NodeInvoiceState.Open, found.State);
        Assert.Equal("lookup", found.Memo);
    }

    [Fact]
    public async Task GetInvoice_Settled_ReportsAmountPaid()
    {
        var created = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(42_000, "paid one", TimeSpan.FromHours(1)), Token);
        Server.Book.MarkPaid(created.PaymentHash);

        var found = await Node.GetInvoiceAsync(created.PaymentHash, Token);

        Assert.Equal(NodeInvoiceState.Settled, found!.State);
        Assert.Equal(42_000, found.AmountPaidMsat);
        Assert.Equal(Server.Book.FindInvoice(created.PaymentHash)!.Preimage, found.Preimage);
    }

    [Fact]
    public async Task GetInvoice_Unknown_ReturnsNull()
    {
        Assert.Null(await Node.GetInvoiceAsync(FakeBolt11.RandomHex32(), Token));
    }

    [Fact]
    public async Task ListInvoices_ReturnsTheNewestFirst_UpToTheLimit()
    {
        var hashes = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            hashes.Add((await Node.CreateInvoiceAsync(new CreateInvoiceRequest(i * 1000, "n" + i, TimeSpan.FromHours(1)), Token)).PaymentHash);
        }

        var listed = await Node.ListInvoicesAsync(2, Token);

        Assert.Equal([hashes[2], hashes[1]], listed.Select(i => i.PaymentHash));
    }

    [Fact]
    public async Task WatchSettlements_SeesAnInvoiceTheNodeMarksPaid()
    {
        var invoice = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(7_000, "watched", TimeSpan.FromHours(1)), Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        await using var watch = Node.WatchSettlementsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => Task.FromResult(Server.Book.WatchRequests >= WatchRequestsWhenWatching), "the client to start watching");

        Server.Book.MarkPaid(invoice.PaymentHash);

        Assert.True(await next);
        Assert.Equal(invoice.PaymentHash, watch.Current.PaymentHash);
        Assert.Equal(NodeInvoiceState.Settled, watch.Current.State);
        Assert.Equal(7_000, watch.Current.AmountPaidMsat);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Pay_Succeeds_ReturnsPreimageAndFee()
    {
        var payable = Server.Book.AddPayable(50_000, 12);

        var payment = await Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 5_000, TimeSpan.FromSeconds(20)), Token);

        Assert.Equal(NodePaymentState.Succeeded, payment.State);
        Assert.Equal(payable.Hash, payment.PaymentHash);
        Assert.Equal(payable.Preimage, payment.Preimage);
        Assert.Equal(50_000, payment.AmountMsat);
        Assert.Equal(12, payment.FeeMsat);
    }

    [Fact]
    public async Task Pay_RefusedByTheNode_SurfacesTheNodesMessage()
    {
        var payable = Server.Book.AddPayable(50_000, 12, refusal: "insufficient local balance for this payment");

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 5_000, TimeSpan.FromSeconds(20)), Token));

        Assert.Equal(LightningNodeFailure.Refused, error.Failure);
        Assert.Contains("insufficient local balance for this payment", error.Message);
    }

    [Fact]
    public async Task GetPayment_AfterPaying_ReturnsTheNodesRecord()
    {
        var payable = Server.Book.AddPayable(30_000, 7);
        await Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 5_000, TimeSpan.FromSeconds(20)), Token);

        var payment = await Node.GetPaymentAsync(payable.Hash, Token);

        Assert.NotNull(payment);
        Assert.Equal(NodePaymentState.Succeeded, payment.State);
        Assert.Equal(payable.Preimage, payment.Preimage);
        Assert.Equal(30_000, payment.AmountMsat);
        Assert.Equal(7, payment.FeeMsat);
    }

    [Fact]
    public async Task GetPayment_NeverTried_ReturnsNull()
    {
        Assert.Null(await Node.GetPaymentAsync(FakeBolt11.RandomHex32(), Token));
    }

    [Fact]
    public async Task GetBalance_ReportsWhatTheNodeHolds()
    {
        AssertBalance(await Node.GetBalanceAsync(Token));
    }

    [Fact]
    public async Task WrongCredential_IsUnauthorized_WithoutEchoingIt()
    {
        var wrong = new string('1', Server.Credential.Length - 8) + "deadbeef";
        var node = Connect(Server.ConnectionString(wrong));

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Unauthorized, error.Failure);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.DoesNotContain(Server.Credential, error.Message);
    }

    [Fact]
    public async Task ServerDown_IsUnavailable()
    {
        var closedPort = ClosedPort();
        var node = Connect(Server.ConnectionString().Replace(Server.BaseUrl, $"http://127.0.0.1:{closedPort}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => node.GetBalanceAsync(Token));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
        Assert.DoesNotContain(Server.Credential, error.Message);
    }

    [Fact]
    public async Task ServerErrorWithoutBody_IsUnavailable()
    {
        Server.ForcedStatus = 503;

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
