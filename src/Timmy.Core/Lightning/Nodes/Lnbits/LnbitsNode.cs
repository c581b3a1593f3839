using System.Runtime.CompilerServices;
using Timmy.Core.Lightning.Nodes.Lnbits.Models;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnbits;

/// <summary>
/// An LNbits wallet over its wallet API (<c>/api/v1/wallet</c>, <c>/api/v1/payments</c>). Written to LNbits'
/// public API documentation with HttpClient and System.Text.Json; no client library is used. The wallet's admin key
/// goes in the <c>X-Api-Key</c> header. LNbits counts invoice amounts in whole sats and chooses its own fee limit, so
/// an msat remainder is refused and a payment whose fee reserve exceeds the caller's maximum is not attempted.
/// Settlements are found by polling the recent payments: LNbits' server-sent events need a long-lived streaming
/// reader of their own and only report payments while connected, whereas a poll also sees what settled in between.
/// </summary>
public sealed class LnbitsNode : ILightningNode
{
    /// <summary>How many recent payments each settlement poll reads.</summary>
    private const int PollWindow = 50;

    private readonly NodeRestTransport _transport;
    private readonly TimeProvider _time;

    public LnbitsNode(LightningConnectionString connection, HttpClient http, TimeProvider time)
    {
        _transport = NodeRestTransport.Create(connection, LightningNodeKind.Lnbits, c => c.ApiKey, "X-Api-Key", new LnbitsErrorTranslator(), http, time);
        _time = time;
    }

    public string Kind => LightningNodeKind.Lnbits;

    public bool IsSimulated => false;

    /// <summary>How often <see cref="WatchSettlementsAsync"/> asks for recent payments.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A wallet has no node identity or chain to report: the alias is the wallet's name and the network is
    /// "unknown".</summary>
    public async Task<NodeInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var wallet = await _transport.SendAsync<LnbitsWallet>(HttpMethod.Get, "api/v1/wallet", null, cancellationToken);
        return new NodeInfo(Kind, null, wallet.Name, "unknown", null, null, false);
    }

    public async Task<NodeInvoice> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountMsat % 1000 != 0)
        {
            throw new NotSupportedException("LNbits invoices are in whole sats; this amount has a milli-satoshi remainder.");
        }
        var body = new
        {
            Out = false,
            Amount = request.AmountMsat / 1000,
            request.Memo,
            Expiry = (long)request.Expiry.TotalSeconds,
            DescriptionHash = request.DescriptionHash is { } hash ? Convert.ToHexStringLower(hash) : null,
        };
        var created = await _transport.SendAsync<LnbitsCreatedInvoice>(HttpMethod.Post, "api/v1/payments", body, cancellationToken);
        var now = _time.GetUtcNow();
        return new NodeInvoice(created.PaymentHash ?? "", created.PaymentRequest ?? created.Bolt11 ?? "", request.AmountMsat, NodeInvoiceState.Open, now, now + request.Expiry)
        {
            Memo = request.DescriptionHash is null ? request.Memo : null,
        };
    }

    /// <summary>Null also when the hash is an outgoing payment of this wallet, or another wallet's.</summary>
    public async Task<NodeInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(paymentHash, cancellationToken);
        return status?.Details is { } details && LnbitsMapping.IsIncoming(details)
            ? LnbitsMapping.ToInvoice(details with { Preimage = details.Preimage ?? status.Preimage }, _time.GetUtcNow(), status.Paid)
            : null;
    }

    /// <summary>LNbits lists incoming and outgoing payments together; the newest <paramref name="limit"/> are read
    /// and the incoming ones returned, so the list can be shorter than the limit.</summary>
    public async Task<IReadOnlyList<NodeInvoice>> ListInvoicesAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var payments = await ListPaymentsAsync(limit, cancellationToken);
        var now = _time.GetUtcNow();
        return payments.Where(LnbitsMapping.IsIncoming).Select(p => LnbitsMapping.ToInvoice(p, now)).OrderByDescending(i => i.CreatedAt).Take(limit).ToList();
    }

    /// <summary>Each poll compares the recent window with the previous one; the first poll only sets the baseline.
    /// An invoice paid and pushed out of the window by <see cref="PollWindow"/> newer payments within one interval is
    /// missed here (the ledger's reconciler still finds it).</summary>
    public async IAsyncEnumerable<NodeInvoice> WatchSettlementsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        HashSet<string>? paidBefore = null;
        while (true)
        {
            var incoming = (await ListPaymentsAsync(PollWindow, cancellationToken)).Where(LnbitsMapping.IsIncoming).ToList();
            var paidNow = incoming.Where(p => LnbitsMapping.IsPaid(p)).ToList();
            if (paidBefore is not null)
            {
                var now = _time.GetUtcNow();
                foreach (var payment in paidNow.Where(p => !paidBefore.Contains(p.PaymentHash ?? "")))
                {
                    yield return LnbitsMapping.ToInvoice(payment, now);
                }
            }
            paidBefore = paidNow.Select(p => p.PaymentHash ?? "").ToHashSet(StringComparer.Ordinal);
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    public async Task<NodePayment> PayAsync(PayInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountMsat is not null)
        {
            throw new NotSupportedException("LNbits' wallet API cannot pay an invoice that names no amount.");
        }
        var decoded = await _transport.SendAsync<LnbitsDecoded>(HttpMethod.Post, "api/v1/payments/decode", new { Data = request.Bolt11 }, cancellationToken);
        var hash = decoded.PaymentHash ?? throw _transport.Unavailable("decoded the invoice without a payment hash");
        var reserve = await _transport.SendAsync<LnbitsFeeReserve>(HttpMethod.Get, "api/v1/payments/fee-reserve?invoice=" + Uri.EscapeDataString(request.Bolt11), null, cancellationToken);
        if (reserve.FeeReserve > request.MaxFeeMsat)
        {
            throw new LightningNodeException(LightningNodeFailure.Refused,
                $"The lnbits node may spend up to {reserve.FeeReserve} msat on fees for this invoice, more than the {request.MaxFeeMsat} msat allowed.");
        }
        try
        {
            await _transport.SendAsync<LnbitsPaidInvoice>(HttpMethod.Post, "api/v1/payments", new { Out = true, request.Bolt11 }, cancellationToken, request.Timeout);
        }
        catch (LightningNodeException e) when (e.Failure == LightningNodeFailure.Unavailable && e.InnerException is OperationCanceledException)
        {
            // The wait is over, not the payment: LNbits carries on, and GetPaymentAsync finds the outcome.
            return new NodePayment(hash, NodePaymentState.Pending, decoded.AmountMsat ?? 0, 0);
        }
        return await GetPaymentAsync(hash, cancellationToken) ?? new NodePayment(hash, NodePaymentState.Pending, decoded.AmountMsat ?? 0, 0);
    }

    /// <summary>Null also when the hash is an incoming payment of this wallet, or another wallet's.</summary>
    public async Task<NodePayment?> GetPaymentAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(paymentHash, cancellationToken);
        return status?.Details is { } details && !LnbitsMapping.IsIncoming(details)
            ? LnbitsMapping.ToPayment(details with { Preimage = details.Preimage ?? status.Preimage }, status.Paid)
            : null;
    }

    public async Task<NodeBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var wallet = await _transport.SendAsync<LnbitsWallet>(HttpMethod.Get, "api/v1/wallet", null, cancellationToken);
        return new NodeBalance(wallet.Balance, null);
    }

    private Task<LnbitsPaymentStatus?> GetStatusAsync(string paymentHash, CancellationToken cancellationToken) =>
        _transport.SendOrNullAsync<LnbitsPaymentStatus>(HttpMethod.Get, "api/v1/payments/" + PaymentHash.Require(paymentHash), null, cancellationToken);

    private async Task<IReadOnlyList<LnbitsPayment>> ListPaymentsAsync(int limit, CancellationToken cancellationToken) =>
        await _transport.SendAsync<List<LnbitsPayment>>(HttpMethod.Get, $"api/v1/payments?limit={limit}", null, cancellationToken);
}
