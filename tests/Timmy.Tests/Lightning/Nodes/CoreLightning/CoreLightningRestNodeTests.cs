using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.CoreLightning;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.CoreLightning;

public sealed class CoreLightningRestNodeTests : LightningNodeContractTests
{
    protected override string ExpectedKind => LightningNodeKind.CoreLightningRest;

    protected override FakeNodeServer CreateServer() => new FakeCoreLightningServer();

    protected override ILightningNode CreateNode(LightningConnectionString connection, HttpClient http) =>
        new CoreLightningRestNode(connection, http, TimeProvider.System) { LongPollTimeout = TimeSpan.FromSeconds(1) };

    protected override void AssertInfo(NodeInfo info)
    {
        Assert.Equal("03" + new string('c', 64), info.NodeId);
        Assert.Equal("fake-cln", info.Alias);
        Assert.Equal("regtest", info.Network);
        Assert.Equal(812000, info.BlockHeight);
        Assert.Equal(2, info.ActiveChannels);
    }

    // Only the open channel counts, and only confirmed outputs.
    protected override void AssertBalance(NodeBalance balance) => Assert.Equal(new NodeBalance(250_000_000, 75_000), balance);

    [Fact]
    public async Task WatchSettlements_SurvivesLongPollTimeouts()
    {
        var invoice = await Node.CreateInvoiceAsync(new CreateInvoiceRequest(3_000, "later", TimeSpan.FromHours(1)), Token);
        await using var watch = Node.WatchSettlementsAsync(Token).GetAsyncEnumerator(Token);
        var next = watch.MoveNextAsync().AsTask();
        await Timmy.Tests.Infrastructure.Eventually.TrueAsync(() => Task.FromResult(Server.Book.WatchRequests >= 2), "a long-poll to time out and be renewed");

        Server.Book.MarkPaid(invoice.PaymentHash);

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(20), Token));
        Assert.Equal(invoice.PaymentHash, watch.Current.PaymentHash);
    }

    [Fact]
    public async Task CreateInvoice_DescriptionHashWithoutItsDescription_IsNotSupported()
    {
        var request = new CreateInvoiceRequest(1_000, "something else", TimeSpan.FromHours(1)) { DescriptionHash = new byte[32] };

        await Assert.ThrowsAsync<NotSupportedException>(() => Node.CreateInvoiceAsync(request, Token));
    }

    [Fact]
    public async Task ServerError_WithRpcCode_IsTheNodeRefusing()
    {
        Server.ForcedStatus = 500;
        Server.ForcedBody = """{"code":-32602,"message":"Invalid bolt11: Bad bech32 string"}""";

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Refused, error.Failure);
        Assert.Contains("Bad bech32 string", error.Message);
    }

    [Fact]
    public async Task ServerError_LightningdUnreachable_IsUnavailable()
    {
        Server.ForcedStatus = 500;
        Server.ForcedBody = """{"message":"Error calling getinfo: Connection refused (os error 111)"}""";

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }
}
