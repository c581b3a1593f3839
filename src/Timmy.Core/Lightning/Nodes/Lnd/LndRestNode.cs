using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Timmy.Core.Lightning.Nodes.Lnd.Models;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.Lnd;

/// <summary>
/// An LND node over its REST API (the grpc-gateway proxy of lnrpc and routerrpc). Written to LND's public REST
/// documentation with HttpClient and System.Text.Json; no LND client library is used. The macaroon goes, hex, in the
/// <c>Grpc-Metadata-macaroon</c> header. Settlements arrive on the <c>/v1/invoices/subscribe</c> stream; payments
/// go through <c>/v2/router/send</c>, whose updates are read until the outcome or the caller's timeout.
/// </summary>
public sealed class LndRestNode : ILightningNode
{
    private readonly NodeRestTransport _transport;
    private readonly TimeProvider _time;

    public LndRestNode(LightningConnectionString connection, HttpClient http, TimeProvider time)
    {
        _transport = NodeRestTransport.Create(connection, LightningNodeKind.LndRest, c => c.MacaroonHex, "Grpc-Metadata-macaroon", new LndErrorTranslator(), http, time);
        _time = time;
    }

    public string Kind => LightningNodeKind.LndRest;

    public bool IsSimulated => false;

    public async Task<NodeInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = await _transport.SendAsync<LndInfo>(HttpMethod.Get, "v1/getinfo", null, cancellationToken);
        return new NodeInfo(Kind, info.IdentityPubkey, info.Alias, LndMapping.ToNetwork(info), info.BlockHeight, (int?)info.NumActiveChannels, false);
    }

    public async Task<NodeInvoice> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new
        {
            ValueMsat = request.AmountMsat,
            request.Memo,
            request.DescriptionHash,
            Expiry = (long)request.Expiry.TotalSeconds,
        };
        var added = await _transport.SendAsync<LndAddInvoiceResponse>(HttpMethod.Post, "v1/invoices", body, cancellationToken);
        var hash = Convert.ToHexStringLower(added.RHash ?? []);
        return await GetInvoiceAsync(hash, cancellationToken)
            ?? throw _transport.Unavailable($"did not find invoice {hash} it had just created");
    }

    public async Task<NodeInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var hash = PaymentHash.Require(paymentHash);
        var invoice = await _transport.SendOrNullAsync<LndInvoice>(HttpMethod.Get, "v1/invoice/" + hash, null, cancellationToken);
        return invoice is null ? null : LndMapping.ToInvoice(invoice, _time.GetUtcNow());
    }

    public async Task<IReadOnlyList<NodeInvoice>> ListInvoicesAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // reversed=true takes the page from the newest end, but the page itself still runs oldest first.
        var list = await _transport.SendAsync<LndInvoiceList>(HttpMethod.Get, $"v1/invoices?reversed=true&num_max_invoices={limit}", null, cancellationToken);
        var now = _time.GetUtcNow();
        return (list.Invoices ?? []).OrderByDescending(i => i.AddIndex).Take(limit).Select(i => LndMapping.ToInvoice(i, now)).ToList();
    }

    public async IAsyncEnumerable<NodeInvoice> WatchSettlementsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await _transport.OpenStreamAsync(HttpMethod.Get, "v1/invoices/subscribe", null, false, cancellationToken);
        await foreach (var line in LndStream.ReadAsync<LndInvoice>(response!, _transport, cancellationToken))
        {
            if (line.Error is not null)
            {
                throw _transport.Translate(new NodeResponse(response!.StatusCode, line.Error));
            }
            if (line.Result is { State: "SETTLED" } invoice)
            {
                yield return LndMapping.ToInvoice(invoice, _time.GetUtcNow());
            }
        }
        throw _transport.Unavailable("closed the invoice stream");
    }

    public async Task<NodePayment> PayAsync(PayInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new
        {
            PaymentRequest = request.Bolt11,
            FeeLimitMsat = request.MaxFeeMsat,
            AmtMsat = request.AmountMsat,
            TimeoutSeconds = (int)Math.Max(1, Math.Ceiling(request.Timeout.TotalSeconds)),
            NoInflightUpdates = false,
        };
        using var deadline = new CancellationTokenSource(request.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        LndPayment? last = null;
        try
        {
            using var response = await _transport.OpenStreamAsync(HttpMethod.Post, "v2/router/send", body, false, linked.Token);
            await foreach (var line in LndStream.ReadAsync<LndPayment>(response!, _transport, linked.Token))
            {
                if (line.Error is not null)
                {
                    throw _transport.Translate(new NodeResponse(response!.StatusCode, line.Error));
                }
                last = line.Result ?? last;
                switch (last?.Status)
                {
                    case "SUCCEEDED":
                        return LndMapping.ToPayment(last);
                    case "FAILED":
                        throw new LightningNodeException(LightningNodeFailure.Refused, "The lnd-rest node could not pay: " + LndMapping.DescribeFailure(last.FailureReason));
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait is over, not the payment: LND keeps trying, and GetPaymentAsync finds the outcome.
        }
        var hash = last?.PaymentHash ?? (await DecodeAsync(request.Bolt11, cancellationToken)).PaymentHash ?? "";
        return new NodePayment(hash, NodePaymentState.Pending, last?.ValueMsat ?? request.AmountMsat ?? 0, 0);
    }

    public async Task<NodePayment?> GetPaymentAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var hash = Base64Url.EncodeToString(Convert.FromHexString(PaymentHash.Require(paymentHash)));
        using var deadline = new CancellationTokenSource(NodeRestTransport.DefaultCallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // track answers at once with the payment's current state, then stays open for updates we do not need.
            using var response = await _transport.OpenStreamAsync(HttpMethod.Get, "v2/router/track/" + hash, null, true, linked.Token);
            if (response is null)
            {
                return null;
            }
            await foreach (var line in LndStream.ReadAsync<LndPayment>(response, _transport, linked.Token))
            {
                if (line.Error is { } error)
                {
                    return NodeJson.ReadInteger(error, "code") == 5 ? null : throw _transport.Translate(new NodeResponse(response.StatusCode, error));
                }
                if (line.Result is { } payment)
                {
                    return LndMapping.ToPayment(payment);
                }
            }
            return null;
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw _transport.Unavailable("did not report the payment in time", e);
        }
    }

    public async Task<NodeBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var channels = await _transport.SendAsync<LndChannelBalance>(HttpMethod.Get, "v1/balance/channels", null, cancellationToken);
        var wallet = await _transport.SendAsync<LndWalletBalance>(HttpMethod.Get, "v1/balance/blockchain", null, cancellationToken);
        return new NodeBalance(channels.LocalBalance?.Msat ?? 0, wallet.ConfirmedBalance);
    }

    private Task<LndPayReq> DecodeAsync(string bolt11, CancellationToken cancellationToken) =>
        _transport.SendAsync<LndPayReq>(HttpMethod.Get, "v1/payreq/" + Uri.EscapeDataString(bolt11), null, cancellationToken);
}
