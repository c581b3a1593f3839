using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using NBitcoin;
using Timmy.Core.Lightning.Bolt11;
using Timmy.Core.Storage;

namespace Timmy.Core.Lightning.Nodes.Simulated;

/// <summary>
/// The embedded node the product runs on when no real node is configured. It has its own secp256k1 key (kept in
/// <c>simnode_keys</c> under its name, so a restart keeps its node id), issues real signed BOLT11 invoices on regtest
/// (<c>lnbcrt</c>) with random preimages, and settles an invoice only when it is paid: by another simulated node on the
/// same database (<see cref="PayAsync"/>: the simulated network) or by an outside payer (<see cref="SimulatePaymentAsync(string, CancellationToken)"/>).
/// Nothing ever settles by itself. Its spendable balance is the starting balance plus what it received less what it
/// paid; payments are instant and free.
/// </summary>
public sealed class SimulatedLightningNode : ILightningNode
{
    public const string InvoiceNetwork = "bcrt";

    /// <summary>The name (and alias) of the server's own simulated node.</summary>
    public const string LocalName = "timmy-simulated";

    private readonly string _nodeName;
    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly long _startingBalanceMsat;
    private readonly SqliteSimulatedNodeStore _store = new();
    private readonly SimulatedSettlementFeed _feed;
    private Key? _key;

    public SimulatedLightningNode(string nodeName, IDbConnectionFactory connections, TimeProvider time, long startingBalanceSats)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        ArgumentOutOfRangeException.ThrowIfNegative(startingBalanceSats);
        _nodeName = nodeName;
        _connections = connections;
        _time = time;
        _startingBalanceMsat = checked(startingBalanceSats * 1000);
        _feed = SimulatedSettlementFeed.For(connections.Describe());
    }

    public string Kind => "simulated";

    public bool IsSimulated => true;

    public string NodeName => _nodeName;

    public async Task<NodeInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(cancellationToken);
        return new NodeInfo(Kind, key.PubKey.ToHex(), _nodeName, "regtest", null, null, IsSimulated);
    }

    public async Task<NodeInvoice> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await KeyAsync(cancellationToken);
        var preimage = RandomNumberGenerator.GetBytes(32);
        Bolt11Invoice signed;
        try
        {
            signed = Bolt11Codec.Sign(new Bolt11Invoice
            {
                Network = InvoiceNetwork,
                AmountMsat = request.AmountMsat == 0 ? null : request.AmountMsat,
                Timestamp = _time.GetUtcNow(),
                PaymentHash = Convert.ToHexStringLower(SHA256.HashData(preimage)),
                PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                Description = request.DescriptionHash is null ? request.Memo ?? "" : null,
                DescriptionHash = request.DescriptionHash is null ? null : Convert.ToHexStringLower(request.DescriptionHash),
                Expiry = request.Expiry,
                Features = new Bolt11Features([8, 14]),
            }, key);
        }
        catch (ArgumentException e)
        {
            throw new LightningNodeException(LightningNodeFailure.Refused, $"cannot issue this invoice: {e.Message}", e);
        }
        var row = new SimulatedInvoiceRow(
            signed.PaymentHash, _nodeName, signed.Bolt11!, Convert.ToHexStringLower(preimage), signed.AmountMsat ?? 0, request.Memo,
            SimulatedInvoiceRow.Open, Timestamps.Format(signed.Timestamp), Timestamps.Format(signed.ExpiresAt), null, null);
        await GroupCommit.For(_connections).RunAsync(async write =>
        {
            await _store.InsertInvoiceAsync(write, row, CancellationToken.None);
            return row;
        }, cancellationToken);
        return row.ToInvoice(_time.GetUtcNow());
    }

    public async Task<NodeInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await _store.GetInvoiceAsync(connection, null, _nodeName, paymentHash.ToLowerInvariant(), cancellationToken);
        return row?.ToInvoice(_time.GetUtcNow());
    }

    public async Task<IReadOnlyList<NodeInvoice>> ListInvoicesAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var now = _time.GetUtcNow();
        return [.. (await _store.ListInvoicesAsync(connection, _nodeName, Math.Max(0, limit), cancellationToken)).Select(r => r.ToInvoice(now))];
    }

    /// <summary>Invoices of this node as they settle, heard in-process (see <see cref="SimulatedSettlementFeed"/>):
    /// the watch starts when this is called, before the first item is asked for.</summary>
    public IAsyncEnumerable<NodeInvoice> WatchSettlementsAsync(CancellationToken cancellationToken = default) =>
        _feed.Watch(_nodeName, cancellationToken);

    /// <summary>An outside payer (the dashboard's "simulate payment") pays an open invoice of this node in full.</summary>
    public Task<NodeInvoice> SimulatePaymentAsync(string paymentHash, CancellationToken cancellationToken = default) =>
        SimulatePaymentAsync(paymentHash, null, cancellationToken);

    /// <summary>As <see cref="SimulatePaymentAsync(string, CancellationToken)"/>, paying <paramref name="amountMsat"/>;
    /// needed for an invoice that names no amount.</summary>
    public Task<NodeInvoice> SimulatePaymentAsync(string paymentHash, long? amountMsat, CancellationToken cancellationToken = default) =>
        GroupCommit.For(_connections).RunAsync(async write =>
        {
            var row = await _store.GetInvoiceAsync(write.Connection, write.Transaction, _nodeName, paymentHash.ToLowerInvariant(), CancellationToken.None)
                ?? throw Refused($"this node has no invoice with payment hash {paymentHash}");
            return await SettleAsync(write, row, amountMsat, CancellationToken.None);
        }, cancellationToken);

    public async Task<NodePayment> PayAsync(PayInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Bolt11Codec.TryDecode(request.Bolt11, out var invoice, out var error))
        {
            throw Refused(error);
        }
        var key = await KeyAsync(cancellationToken);
        return await GroupCommit.For(_connections).RunAsync(write => PayAsync(write, request, invoice, key, CancellationToken.None), cancellationToken);
    }

    /// <summary>One payment inside a shared write transaction: the payer's record and the payee's settlement together.</summary>
    private async Task<NodePayment> PayAsync(WriteTransaction write, PayInvoiceRequest request, Bolt11Invoice invoice, Key key, CancellationToken cancellationToken)
    {
        var earlier = await _store.GetPaymentAsync(write.Connection, write.Transaction, _nodeName, invoice.PaymentHash, cancellationToken);
        if (earlier is not null && earlier.State != SimulatedPaymentRow.Failed)
        {
            return earlier.ToPayment();
        }
        var now = _time.GetUtcNow();
        if (invoice.IsExpired(now))
        {
            throw Refused($"the invoice expired at {Timestamps.Format(invoice.ExpiresAt)}");
        }
        if (invoice.PayeeNodeId == key.PubKey.ToHex())
        {
            throw Refused("a node cannot pay its own invoice");
        }
        var amountMsat = invoice.AmountMsat ?? request.AmountMsat ?? throw Refused("the invoice names no amount and none was given");
        var payee = await PayeeAsync(write, invoice.PayeeNodeId!, cancellationToken);
        var payeeRow = payee is null ? null : await _store.GetInvoiceAsync(write.Connection, write.Transaction, payee, invoice.PaymentHash, cancellationToken);
        if (payeeRow is null)
        {
            var reason = payee is null
                ? $"no route: the payee {invoice.PayeeNodeId} is not a simulated node here"
                : $"the payee {payee} does not know this payment hash";
            return await RecordAsync(write, Attempt(invoice, amountMsat, now) with { State = SimulatedPaymentRow.Failed, FailureReason = reason }, cancellationToken);
        }
        var available = _startingBalanceMsat + await _store.NetFlowMsatAsync(write.Connection, write.Transaction, _nodeName, cancellationToken);
        if (amountMsat > available)
        {
            throw Refused($"insufficient balance: {available} msat available, {amountMsat} msat needed");
        }
        var settled = await SettleAsync(write, payeeRow, amountMsat, cancellationToken);
        return await RecordAsync(write, Attempt(invoice, amountMsat, now) with
        {
            State = SimulatedPaymentRow.Succeeded,
            Preimage = settled.Preimage,
            CompletedAt = Timestamps.Format(now),
        }, cancellationToken);
    }

    public async Task<NodePayment?> GetPaymentAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return (await _store.GetPaymentAsync(connection, null, _nodeName, paymentHash.ToLowerInvariant(), cancellationToken))?.ToPayment();
    }

    public async Task<NodeBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return new NodeBalance(_startingBalanceMsat + await _store.NetFlowMsatAsync(connection, null, _nodeName, cancellationToken), null);
    }

    /// <summary>Settles <paramref name="row"/> (of whichever simulated node issued it) inside <paramref name="write"/>,
    /// and tells that node's watchers once the transaction commits.</summary>
    private async Task<NodeInvoice> SettleAsync(WriteTransaction write, SimulatedInvoiceRow row, long? amountMsat, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = row.ToInvoice(now);
        var paid = row.AmountMsat > 0 ? row.AmountMsat : amountMsat ?? throw Refused("the invoice names no amount and none was given");
        switch (current.State)
        {
            case NodeInvoiceState.Settled:
                throw Refused("the invoice is already paid");
            case NodeInvoiceState.Cancelled:
                throw Refused("the invoice was cancelled");
            case NodeInvoiceState.Expired:
                throw Refused($"the invoice expired at {row.ExpiresAt}");
        }
        if (paid < row.AmountMsat || paid <= 0)
        {
            throw Refused($"the payment of {paid} msat is less than the invoice asks");
        }
        var stamp = Timestamps.Format(now);
        if (!await _store.SettleAsync(write, row.NodeName, row.PaymentHash, paid, stamp, cancellationToken))
        {
            throw Refused("the invoice is no longer open");
        }
        var settled = (row with { State = SimulatedInvoiceRow.Settled, SettledAt = stamp, AmountPaidMsat = paid }).ToInvoice(now);
        write.OnCommitted(() => _feed.Publish(row.NodeName, settled));
        return settled;
    }

    private async Task<NodePayment> RecordAsync(WriteTransaction write, SimulatedPaymentRow row, CancellationToken cancellationToken)
    {
        await _store.SavePaymentAsync(write, row, cancellationToken);
        return row.ToPayment();
    }

    private SimulatedPaymentRow Attempt(Bolt11Invoice invoice, long amountMsat, DateTimeOffset now) => new(
        _nodeName, invoice.PaymentHash, invoice.Bolt11!, SimulatedPaymentRow.Pending, amountMsat, 0, null, null, Timestamps.Format(now), null);

    /// <summary>The name of the simulated node on this database whose key is <paramref name="nodeId"/>, if any.</summary>
    private async Task<string?> PayeeAsync(WriteTransaction write, string nodeId, CancellationToken cancellationToken)
    {
        var keys = await _store.AllKeysAsync(write.Connection, write.Transaction, cancellationToken);
        return keys.FirstOrDefault(k => SimulatedNodeKeys.NodeId(k.PrivateKey) == nodeId).NodeName;
    }

    private async Task<Key> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }
        await using var write = await _connections.BeginWriteAsync(cancellationToken: cancellationToken);
        var stored = await _store.GetOrCreateKeyAsync(
            write, _nodeName, Convert.ToHexStringLower(new Key().ToBytes()), Timestamps.Format(_time.GetUtcNow()), cancellationToken);
        await write.CommitAsync(cancellationToken);
        return _key = new Key(Convert.FromHexString(stored));
    }

    private static LightningNodeException Refused(string reason) => new(LightningNodeFailure.Refused, reason);
}
