using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Lnd;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.Lnd;

public sealed class LndRestNodeTests : LightningNodeContractTests
{
    private FakeLndServer Lnd => (FakeLndServer)Server;

    protected override string ExpectedKind => LightningNodeKind.LndRest;

    protected override FakeNodeServer CreateServer() => new FakeLndServer();

    protected override ILightningNode CreateNode(LightningConnectionString connection, HttpClient http) => new LndRestNode(connection, http, TimeProvider.System);

    protected override void AssertInfo(NodeInfo info)
    {
        Assert.Equal("02" + new string('a', 64), info.NodeId);
        Assert.Equal("fake-lnd", info.Alias);
        Assert.Equal("regtest", info.Network);
        Assert.Equal(812345, info.BlockHeight);
        Assert.Equal(3, info.ActiveChannels);
    }

    protected override void AssertBalance(NodeBalance balance) => Assert.Equal(new NodeBalance(250_000_000, 75_000), balance);

    [Fact]
    public async Task Pay_FeeAboveTheLimit_IsRefusedWithLndsFailureReason()
    {
        var payable = Server.Book.AddPayable(50_000, 9_000);

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 1_000, TimeSpan.FromSeconds(20)), Token));

        Assert.Equal(LightningNodeFailure.Refused, error.Failure);
        Assert.Contains("no route", error.Message);
    }

    [Fact]
    public async Task Pay_StillInFlightWhenTheWaitEnds_IsPending()
    {
        Lnd.HoldPayments = true;
        var payable = Server.Book.AddPayable(50_000, 12);

        var payment = await Node.PayAsync(new PayInvoiceRequest(payable.Bolt11, 5_000, TimeSpan.FromMilliseconds(500)), Token);

        Assert.Equal(NodePaymentState.Pending, payment.State);
        Assert.Equal(payable.Hash, payment.PaymentHash);
    }

    [Fact]
    public async Task ServerError_WithGrpcStatus_IsTheNodeRefusing()
    {
        Server.ForcedStatus = 500;
        Server.ForcedBody = """{"code":2,"message":"invoice expired. Valid until 2024-01-01","details":[]}""";

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Refused, error.Failure);
        Assert.Contains("invoice expired", error.Message);
    }

    [Fact]
    public async Task ServerError_GrpcUnavailable_IsUnavailable()
    {
        Server.ForcedStatus = 503;
        Server.ForcedBody = """{"code":14,"message":"waiting to start, RPC services not available","details":[]}""";

        var error = await Assert.ThrowsAsync<LightningNodeException>(() => Node.GetInfoAsync(Token));

        Assert.Equal(LightningNodeFailure.Unavailable, error.Failure);
    }
}
