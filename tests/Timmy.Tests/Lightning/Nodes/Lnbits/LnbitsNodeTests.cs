using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Lnbits;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.Lnbits;

public sealed class LnbitsNodeTests : LightningNodeContractTests
{
    protected override string ExpectedKind => LightningNodeKind.Lnbits;

    protected override FakeNodeServer CreateServer() => new FakeLnbitsServer();

    protected override ILightningNode CreateNode(LightningConnectionString connection, HttpClient http) =>
        new LnbitsNode(connection, http, TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(100) };

    protected override int WatchRequestsWhenWatching => 2;

    protected override void AssertInfo(NodeInfo info)
    {
        Assert.Null(info.NodeId);
        Assert.Equal("Timmy's wallet", info.Alias);
        Assert.Equal("unknown", info.Network);
    }

    protected override void AssertBalance(NodeBalance balance) => Assert.Equal(new NodeBalance(250_000_000, null), balance);

    [Fact]
    public async Task Pay_FeeReserveAboveTheLimit_IsRefusedBeforePaying()
    {
        var payable = Server.Book.AddPayable(50_000, 12);

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 1_000, TimeSpan.FromSeconds(20)), Token));

        Assert.Equal(LightningNodeFailure.Refused, error.Failure);
        Assert.Empty(Server.Book.Payments);
    }

    [Fact]
    public async Task CreateInvoice_MilliSatoshiRemainder_IsNotSupported()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => Node.CreateInvoiceAsync(new CreateInvoiceRequest(1_500, "odd", TimeSpan.FromHours(1)), Token));
    }

    [Fact]
    public async Task GetPayment_OfAnIncomingInvoice_ReturnsNull()
    {
        var invoice = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(2_000, "incoming", TimeSpan.FromHours(1)), Token);

        Assert.Null(await Node.GetPaymentAsync(invoice.PaymentHash, Token));
    }

    [Fact]
    public async Task ServerError_500_IsUnavailable()
    {
        Server.ForcedStatus = 500;
        Server.ForcedBody = """{"detail":"Internal Server Error"}""";

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }
}
