using System.Security.Cryptography;
using Timmy.Core.Lightning.Bolt11;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Lightning.Nodes.Simulated;
using Timmy.Core.Storage;

namespace Timmy.Tests.Lightning.Nodes.Simulated;

public sealed class SimulatedLightningNodeInvoiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateInvoice_IssuesARealRegtestInvoiceSignedByTheNode()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var info = await node.GetInfoAsync(Ct);
        var issued = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);

        var decoded = Bolt11Codec.Decode(issued.Bolt11);
        Assert.Equal(info.NodeId, decoded.PayeeNodeId);
        Assert.Equal("bcrt", decoded.Network);
        Assert.Equal(5_000_000, decoded.AmountMsat);
        Assert.Equal("a test invoice", decoded.Description);
        Assert.Equal(TimeSpan.FromMinutes(30), decoded.Expiry);
        Assert.NotNull(decoded.PaymentSecret);
        Assert.Equal(issued.PaymentHash, decoded.PaymentHash);
        Assert.Equal(decoded.ExpiresAt, issued.ExpiresAt);
        Assert.Equal(NodeInvoiceState.Open, issued.State);
        Assert.Equal(issued.PaymentHash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(issued.Preimage!))));
    }

    [Fact]
    public async Task GetInfo_SaysSimulatedRegtest()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("timmy-simulated");
        var info = await node.GetInfoAsync(Ct);
        Assert.Equal(new NodeInfo("simulated", info.NodeId, "timmy-simulated", "regtest", null, null, true), info);
        Assert.Equal(66, info.NodeId!.Length);
        Assert.True(node.IsSimulated);
        Assert.Equal("simulated", node.Kind);
        Assert.Equal(new NodeBalance(SimulatedNetwork.StartingSats * 1000, null), await node.GetBalanceAsync(Ct));
    }

    [Fact]
    public async Task CreateInvoice_DescriptionHashOrNoAmount_AreCarried()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var hash = SHA256.HashData("a long description"u8);
        var issued = await net.Node("alice").CreateInvoiceAsync(new CreateInvoiceRequest(0, "memo kept locally", TimeSpan.FromHours(1)) { DescriptionHash = hash }, Ct);
        var decoded = Bolt11Codec.Decode(issued.Bolt11);
        Assert.Null(decoded.AmountMsat);
        Assert.Null(decoded.Description);
        Assert.Equal(Convert.ToHexStringLower(hash), decoded.DescriptionHash);
        Assert.Equal("memo kept locally", issued.Memo);
    }

    [Fact]
    public async Task CreateInvoice_ThatCannotBeEncoded_IsRefused()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var refused = await Assert.ThrowsAsync<LightningNodeException>(() =>
            net.Node("alice").CreateInvoiceAsync(SimulatedNetwork.Request(memo: new string('x', 700)), Ct));
        Assert.Equal(LightningNodeFailure.Refused, refused.Failure);
    }

    [Fact]
    public async Task Invoice_NeverSettlesByItself_AndExpiresOnRead()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var issued = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);

        net.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(NodeInvoiceState.Open, (await node.GetInvoiceAsync(issued.PaymentHash, Ct))!.State);
        net.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(NodeInvoiceState.Expired, (await node.GetInvoiceAsync(issued.PaymentHash, Ct))!.State);
        net.Time.Advance(TimeSpan.FromDays(30));
        var later = (await node.ListInvoicesAsync(cancellationToken: Ct)).Single();
        Assert.Equal(NodeInvoiceState.Expired, later.State);
        Assert.Null(later.SettledAt);
        Assert.Equal(SimulatedNetwork.StartingSats * 1000, (await node.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task SimulatePayment_SettlesTheInvoiceWithItsPreimage()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var issued = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        net.Time.Advance(TimeSpan.FromMinutes(5));

        var settled = await node.SimulatePaymentAsync(issued.PaymentHash, Ct);

        Assert.Equal(NodeInvoiceState.Settled, settled.State);
        Assert.Equal(net.Time.GetUtcNow(), settled.SettledAt);
        Assert.Equal(5_000_000, settled.AmountPaidMsat);
        Assert.Equal(issued.PaymentHash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(settled.Preimage!))));
        Assert.Equal(settled, await node.GetInvoiceAsync(issued.PaymentHash, Ct));
        Assert.Equal(SimulatedNetwork.StartingSats * 1000 + 5_000_000, (await node.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task SimulatePayment_AnyAmountInvoice_NeedsAnAmount()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var issued = await node.CreateInvoiceAsync(SimulatedNetwork.Request(amountMsat: 0), Ct);
        await AssertRefused("the invoice names no amount and none was given", () => node.SimulatePaymentAsync(issued.PaymentHash, Ct));
        Assert.Equal(7_000, (await node.SimulatePaymentAsync(issued.PaymentHash, 7_000, Ct)).AmountPaidMsat);
    }

    [Fact]
    public async Task SimulatePayment_UnknownSettledOrExpired_IsRefused()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var paid = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        var unpaid = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        await node.SimulatePaymentAsync(paid.PaymentHash, Ct);

        await AssertRefused($"this node has no invoice with payment hash {new string('0', 64)}", () => node.SimulatePaymentAsync(new string('0', 64), Ct));
        await AssertRefused("the invoice is already paid", () => node.SimulatePaymentAsync(paid.PaymentHash, Ct));
        net.Time.Advance(TimeSpan.FromHours(1));
        await AssertRefused($"the invoice expired at {Timestamps.Format(unpaid.ExpiresAt)}", () => node.SimulatePaymentAsync(unpaid.PaymentHash, Ct));
        Assert.Equal(NodeInvoiceState.Expired, (await node.GetInvoiceAsync(unpaid.PaymentHash, Ct))!.State);
    }

    [Fact]
    public async Task Restart_KeepsTheKeyAndTheBooks()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var before = net.Node("alice");
        var nodeId = (await before.GetInfoAsync(Ct)).NodeId;
        var issued = await before.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        await before.SimulatePaymentAsync(issued.PaymentHash, Ct);

        var after = new SimulatedLightningNode("alice", new SqliteConnectionFactory(net.Db.Options), net.Time, SimulatedNetwork.StartingSats);

        Assert.Equal(nodeId, (await after.GetInfoAsync(Ct)).NodeId);
        Assert.Equal(NodeInvoiceState.Settled, (await after.GetInvoiceAsync(issued.PaymentHash, Ct))!.State);
        Assert.Equal((await before.GetBalanceAsync(Ct)).LightningMsat, (await after.GetBalanceAsync(Ct)).LightningMsat);
        Assert.NotEqual(nodeId, (await net.Node("bob").GetInfoAsync(Ct)).NodeId);
    }

    [Fact]
    public async Task ListInvoices_NewestFirst_UpToTheLimit()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var hashes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            hashes.Add((await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct)).PaymentHash);
            net.Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([hashes[2], hashes[1]], (await node.ListInvoicesAsync(2, Ct)).Select(i => i.PaymentHash));
        Assert.Empty(await net.Node("bob").ListInvoicesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task WatchSettlements_HearsTheSettlement()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var node = net.Node("alice");
        var issued = await node.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var settlements = node.WatchSettlementsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        await net.Node("alice").SimulatePaymentAsync(issued.PaymentHash, Ct);

        Assert.True(await settlements.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(issued.PaymentHash, settlements.Current.PaymentHash);
        Assert.Equal(NodeInvoiceState.Settled, settlements.Current.State);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => settlements.MoveNextAsync().AsTask());
    }

    internal static async Task AssertRefused(string reason, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<LightningNodeException>(call);
        Assert.Equal(LightningNodeFailure.Refused, refused.Failure);
        Assert.Equal(reason, refused.Message);
    }
}
