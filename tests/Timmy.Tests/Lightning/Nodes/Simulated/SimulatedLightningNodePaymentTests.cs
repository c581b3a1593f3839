using Timmy.Core.Lightning.Bolt11;
using Timmy.Core.Lightning.Nodes;
using Timmy.Core.Storage;
using static Timmy.Tests.Lightning.Nodes.Simulated.SimulatedLightningNodeInvoiceTests;

namespace Timmy.Tests.Lightning.Nodes.Simulated;

/// <summary>Simulated nodes on one database paying each other.</summary>
public sealed class SimulatedLightningNodePaymentTests
{
    private const long Start = SimulatedNetwork.StartingSats * 1000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pay_InvoiceOfAnotherNode_SettlesItAndRecordsThePayment()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var (alice, bob) = (net.Node("alice"), net.Node("bob"));
        var invoice = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);

        var payment = await alice.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct);

        Assert.Equal(NodePaymentState.Succeeded, payment.State);
        Assert.Equal(5_000_000, payment.AmountMsat);
        Assert.Equal(0, payment.FeeMsat);
        Assert.Equal(invoice.Preimage, payment.Preimage);
        Assert.Equal(net.Time.GetUtcNow(), payment.CompletedAt);
        Assert.Equal(payment, await alice.GetPaymentAsync(invoice.PaymentHash, Ct));
        Assert.Null(await bob.GetPaymentAsync(invoice.PaymentHash, Ct));
        Assert.Equal(NodeInvoiceState.Settled, (await bob.GetInvoiceAsync(invoice.PaymentHash, Ct))!.State);
        Assert.Equal(Start - 5_000_000, (await alice.GetBalanceAsync(Ct)).LightningMsat);
        Assert.Equal(Start + 5_000_000, (await bob.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_AnyAmountInvoice_PaysTheAmountGiven()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var invoice = await net.Node("bob").CreateInvoiceAsync(SimulatedNetwork.Request(amountMsat: 0), Ct);
        var alice = net.Node("alice");
        await AssertRefused("the invoice names no amount and none was given", () => alice.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct));
        var payment = await alice.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11) with { AmountMsat = 1_234 }, Ct);
        Assert.Equal(1_234, payment.AmountMsat);
        Assert.Equal(1_234, (await net.Node("bob").GetInvoiceAsync(invoice.PaymentHash, Ct))!.AmountPaidMsat);
    }

    [Fact]
    public async Task Pay_Twice_ReturnsTheFirstPayment()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var invoice = await net.Node("bob").CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        var alice = net.Node("alice");
        var first = await alice.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct);
        net.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(first, await alice.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct));
        Assert.Equal(Start - 5_000_000, (await alice.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_Concurrently_PaysOnce()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var invoice = await net.Node("bob").CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        var payers = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? net.Node("alice") : new(
            "alice", new SqliteConnectionFactory(net.Db.Options), net.Time, SimulatedNetwork.StartingSats)).ToList();

        var payments = await Task.WhenAll(payers.Select(p => Task.Run(() => p.PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct), Ct)));

        Assert.All(payments, p => Assert.Equal(NodePaymentState.Succeeded, p.State));
        Assert.Single(payments.Select(p => p.Preimage).Distinct());
        Assert.Equal(Start - 5_000_000, (await net.Node("alice").GetBalanceAsync(Ct)).LightningMsat);
        Assert.Equal(Start + 5_000_000, (await net.Node("bob").GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_UnknownPayee_FailsWithNoRoute()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var outsider = new NBitcoin.Key();
        var bolt11 = Bolt11Codec.Encode(new Bolt11Invoice
        {
            Network = "bcrt",
            AmountMsat = 1_000,
            Timestamp = net.Time.GetUtcNow(),
            PaymentHash = new string('a', 64),
            Description = "elsewhere",
        }, outsider);

        var payment = await net.Node("alice").PayAsync(SimulatedNetwork.Pay(bolt11), Ct);

        Assert.Equal(NodePaymentState.Failed, payment.State);
        Assert.Equal($"no route: the payee {outsider.PubKey.ToHex()} is not a simulated node here", payment.FailureReason);
        Assert.Equal(payment, await net.Node("alice").GetPaymentAsync(new string('a', 64), Ct));
        Assert.Equal(Start, (await net.Node("alice").GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_ExpiredPaidOwnOrUnaffordable_IsRefused()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var (alice, bob, carol) = (net.Node("alice"), net.Node("bob"), net.Node("carol"));
        var own = await alice.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        var paidByCarol = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        var tooDear = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(amountMsat: Start + 1), Ct);
        var expiring = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        await carol.PayAsync(SimulatedNetwork.Pay(paidByCarol.Bolt11), Ct);

        await AssertRefused("a node cannot pay its own invoice", () => alice.PayAsync(SimulatedNetwork.Pay(own.Bolt11), Ct));
        await AssertRefused("the invoice is already paid", () => alice.PayAsync(SimulatedNetwork.Pay(paidByCarol.Bolt11), Ct));
        await AssertRefused($"insufficient balance: {Start} msat available, {Start + 1} msat needed", () => alice.PayAsync(SimulatedNetwork.Pay(tooDear.Bolt11), Ct));
        await AssertRefused("invalid invoice: bech32 checksum is wrong", () => alice.PayAsync(SimulatedNetwork.Pay(expiring.Bolt11[..^1] + (expiring.Bolt11[^1] == 'q' ? "p" : "q")), Ct));
        net.Time.Advance(TimeSpan.FromMinutes(30));
        await AssertRefused($"the invoice expired at {Timestamps.Format(expiring.ExpiresAt)}", () => alice.PayAsync(SimulatedNetwork.Pay(expiring.Bolt11), Ct));

        Assert.Null(await alice.GetPaymentAsync(expiring.PaymentHash, Ct));
        Assert.Equal(Start, (await alice.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_BalanceCountsWhatWasReceived()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var (alice, bob) = (net.Node("alice"), net.Node("bob"));
        var received = await alice.CreateInvoiceAsync(SimulatedNetwork.Request(amountMsat: 3_000_000), Ct);
        await alice.SimulatePaymentAsync(received.PaymentHash, Ct);
        var dear = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(amountMsat: Start + 3_000_000), Ct);

        Assert.Equal(NodePaymentState.Succeeded, (await alice.PayAsync(SimulatedNetwork.Pay(dear.Bolt11), Ct)).State);
        Assert.Equal(0, (await alice.GetBalanceAsync(Ct)).LightningMsat);
    }

    [Fact]
    public async Task Pay_PayeesWatcherHearsTheSettlement()
    {
        await using var net = await SimulatedNetwork.CreateAsync();
        var bob = net.Node("bob");
        var invoice = await bob.CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        await using var settlements = bob.WatchSettlementsAsync(Ct).GetAsyncEnumerator(Ct);
        await using var alicesOwn = net.Node("alice").WatchSettlementsAsync(Ct).GetAsyncEnumerator(Ct);

        await net.Node("alice").PayAsync(SimulatedNetwork.Pay(invoice.Bolt11), Ct);

        Assert.True(await settlements.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(invoice.PaymentHash, settlements.Current.PaymentHash);
        Assert.Equal(invoice.Preimage, settlements.Current.Preimage);
        // Alice's watcher hears only Alice's invoices: the first thing it hears is her own, settled afterwards.
        var alicesInvoice = await net.Node("alice").CreateInvoiceAsync(SimulatedNetwork.Request(), Ct);
        await net.Node("alice").SimulatePaymentAsync(alicesInvoice.PaymentHash, Ct);
        Assert.True(await alicesOwn.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(alicesInvoice.PaymentHash, alicesOwn.Current.PaymentHash);
    }
}
