namespace Timmy.Core.Lightning.Nodes;

/// <summary>
/// A Lightning node the ledger talks to, whichever kind the connection string names (<see cref="LightningConnectionString"/>):
/// LND's REST API, Core Lightning's <c>clnrest</c>, an LNbits wallet, or the embedded simulated node. Amounts are
/// milli-satoshis, as the protocol counts them; hashes and preimages are lower-case hex.
/// A node that cannot be reached throws <see cref="LightningNodeException"/> with <see cref="LightningNodeFailure.Unavailable"/>;
/// one that answers "no" throws it with <see cref="LightningNodeFailure.Refused"/> and the node's own words.
/// </summary>
public interface ILightningNode
{
    /// <summary>The connection string's <c>type</c>: lnd-rest, clightning-rest, lnbits or simulated.</summary>
    string Kind { get; }

    /// <summary>True only for the simulated node: every page and answer that shows it labels it SIMULATED.</summary>
    bool IsSimulated { get; }

    Task<NodeInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    Task<NodeInvoice> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The invoice with this payment hash, or null when the node has never issued it.</summary>
    Task<NodeInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken = default);

    /// <summary>The node's most recent invoices, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<NodeInvoice>> ListInvoicesAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Invoices as they settle, until cancelled. A node without a push stream polls; a dropped stream
    /// ends the enumeration with <see cref="LightningNodeException"/> and the caller reconnects.</summary>
    IAsyncEnumerable<NodeInvoice> WatchSettlementsAsync(CancellationToken cancellationToken = default);

    /// <summary>Pays a BOLT11 invoice and waits (up to <see cref="PayInvoiceRequest.Timeout"/>) for the outcome. A
    /// payment still in flight when the wait ends comes back <see cref="NodePaymentState.Pending"/>; ask again with
    /// <see cref="GetPaymentAsync"/>.</summary>
    Task<NodePayment> PayAsync(PayInvoiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The node's record of an outgoing payment, or null when it never tried to pay this hash.</summary>
    Task<NodePayment?> GetPaymentAsync(string paymentHash, CancellationToken cancellationToken = default);

    Task<NodeBalance> GetBalanceAsync(CancellationToken cancellationToken = default);
}
