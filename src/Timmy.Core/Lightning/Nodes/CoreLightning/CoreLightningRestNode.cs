using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Timmy.Core.Lightning.Nodes.CoreLightning.Models;
using Timmy.Core.Lightning.Nodes.Rest;

namespace Timmy.Core.Lightning.Nodes.CoreLightning;

/// <summary>
/// A Core Lightning node over <c>clnrest</c>, which exposes every RPC command as <c>POST /v1/&lt;command&gt;</c> with
/// the parameters as a JSON object. Written to Core Lightning's public documentation with HttpClient and
/// System.Text.Json; no client library is used. The rune goes in the <c>Rune</c> header. clnrest has no push stream
/// over plain HTTP, so settlements are watched with a <c>waitanyinvoice</c> long-poll loop.
/// </summary>
public sealed class CoreLightningRestNode : ILightningNode
{
    /// <summary>Core Lightning's error code for <c>waitanyinvoice</c> running out of time with nothing paid.</summary>
    private const int WaitTimedOut = 904;

    private readonly NodeRestTransport _transport;
    private readonly TimeProvider _time;

    public CoreLightningRestNode(LightningConnectionString connection, HttpClient http, TimeProvider time)
    {
        _transport = NodeRestTransport.Create(connection, LightningNodeKind.CoreLightningRest, c => c.Rune, "Rune", new CoreLightningErrorTranslator(), http, time);
        _time = time;
    }

    public string Kind => LightningNodeKind.CoreLightningRest;

    public bool IsSimulated => false;

    /// <summary>How long each <c>waitanyinvoice</c> asks the node to hold the request open.</summary>
    public TimeSpan LongPollTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<NodeInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = await CallAsync<ClnInfo>("getinfo", new { }, cancellationToken);
        return new NodeInfo(Kind, info.Id, info.Alias, info.Network ?? "unknown", info.Blockheight, info.NumActiveChannels, false);
    }

    /// <summary>Core Lightning hashes a description itself (<c>deschashonly</c>) and cannot be handed a bare hash, so
    /// a request with <see cref="CreateInvoiceRequest.DescriptionHash"/> must carry the described text as its memo.</summary>
    public async Task<NodeInvoice> CreateInvoiceAsync(CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DescriptionHash is { } hash && (request.Memo is null || !SHA256.HashData(Encoding.UTF8.GetBytes(request.Memo)).AsSpan().SequenceEqual(hash)))
        {
            throw new NotSupportedException("CreateInvoice with a description hash on Core Lightning needs the description itself as the memo (its SHA-256 must equal the hash).");
        }
        var body = new
        {
            AmountMsat = request.AmountMsat > 0 ? (object)request.AmountMsat : "any",
            Label = "timmy-" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N"),
            Description = request.Memo ?? "",
            Expiry = (long)request.Expiry.TotalSeconds,
            Deschashonly = request.DescriptionHash is null ? (bool?)null : true,
        };
        var created = await CallAsync<ClnCreatedInvoice>("invoice", body, cancellationToken);
        return new NodeInvoice(
            created.PaymentHash ?? "",
            created.Bolt11 ?? "",
            request.AmountMsat,
            NodeInvoiceState.Open,
            _time.GetUtcNow(),
            DateTimeOffset.FromUnixTimeSeconds(created.ExpiresAt))
        {
            Memo = request.DescriptionHash is null ? request.Memo : null,
        };
    }

    public async Task<NodeInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var list = await CallAsync<ClnInvoiceList>("listinvoices", new { PaymentHash = PaymentHash.Require(paymentHash) }, cancellationToken);
        return list.Invoices?.FirstOrDefault() is { } invoice ? CoreLightningMapping.ToInvoice(invoice, _time.GetUtcNow()) : null;
    }

    /// <summary>listinvoices cannot page from the newest end, so the whole list is read and the newest kept.</summary>
    public async Task<IReadOnlyList<NodeInvoice>> ListInvoicesAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var list = await CallAsync<ClnInvoiceList>("listinvoices", new { }, cancellationToken);
        var now = _time.GetUtcNow();
        return (list.Invoices ?? []).OrderByDescending(i => i.CreatedIndex ?? 0).Take(limit).Select(i => CoreLightningMapping.ToInvoice(i, now)).ToList();
    }

    public async IAsyncEnumerable<NodeInvoice> WatchSettlementsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Start after the newest payment the node already has, so only settlements from now on are reported.
        var existing = await CallAsync<ClnInvoiceList>("listinvoices", new { }, cancellationToken);
        var lastPayIndex = (existing.Invoices ?? []).Max(i => i.PayIndex) ?? 0;
        var pollSeconds = (long)Math.Max(1, LongPollTimeout.TotalSeconds);
        while (true)
        {
            var body = new { LastpayIndex = lastPayIndex, Timeout = pollSeconds };
            var response = await _transport.SendRawAsync(HttpMethod.Post, "v1/waitanyinvoice", body, cancellationToken, LongPollTimeout + NodeRestTransport.DefaultCallTimeout);
            if (!response.IsSuccess)
            {
                if (response.Status == HttpStatusCode.InternalServerError && NodeJson.ReadInteger(response.Body, "code") == WaitTimedOut)
                {
                    continue;
                }
                throw _transport.Translate(response);
            }
            var invoice = _transport.Deserialize<ClnInvoice>(response.Body);
            lastPayIndex = Math.Max(lastPayIndex, invoice.PayIndex ?? lastPayIndex + 1);
            if (invoice.Status == "paid")
            {
                yield return CoreLightningMapping.ToInvoice(invoice, _time.GetUtcNow());
            }
        }
    }

    public async Task<NodePayment> PayAsync(PayInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new
        {
            request.Bolt11,
            request.AmountMsat,
            Maxfee = request.MaxFeeMsat,
            RetryFor = (long)Math.Max(1, Math.Ceiling(request.Timeout.TotalSeconds)),
        };
        ClnPay pay;
        try
        {
            pay = await _transport.SendAsync<ClnPay>(HttpMethod.Post, "v1/pay", body, cancellationToken, request.Timeout);
        }
        catch (LightningNodeException e) when (e.Failure == LightningNodeFailure.Unavailable && e.InnerException is OperationCanceledException)
        {
            // The wait is over, not the payment: lightningd keeps paying, and GetPaymentAsync finds the outcome.
            var decoded = await CallAsync<ClnDecoded>("decode", new { String = request.Bolt11 }, cancellationToken);
            return new NodePayment(decoded.PaymentHash ?? "", NodePaymentState.Pending, request.AmountMsat ?? 0, 0);
        }
        var payment = CoreLightningMapping.ToPayment(pay);
        return payment.State == NodePaymentState.Failed
            ? throw new LightningNodeException(LightningNodeFailure.Refused, "The clightning-rest node could not pay the invoice.")
            : payment;
    }

    public async Task<NodePayment?> GetPaymentAsync(string paymentHash, CancellationToken cancellationToken = default)
    {
        var list = await CallAsync<ClnPayList>("listpays", new { PaymentHash = PaymentHash.Require(paymentHash) }, cancellationToken);
        return list.Pays?.FirstOrDefault() is { } pay ? CoreLightningMapping.ToPayment(pay) : null;
    }

    public async Task<NodeBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var funds = await CallAsync<ClnFunds>("listfunds", new { }, cancellationToken);
        var lightning = (funds.Channels ?? []).Where(c => c.State == "CHANNELD_NORMAL").Sum(c => c.OurAmountMsat);
        var onchain = (funds.Outputs ?? []).Where(o => o.Status == "confirmed" && !o.Reserved).Sum(o => o.AmountMsat) / 1000;
        return new NodeBalance(lightning, onchain);
    }

    private Task<T> CallAsync<T>(string command, object parameters, CancellationToken cancellationToken) =>
        _transport.SendAsync<T>(HttpMethod.Post, "v1/" + command, parameters, cancellationToken);
}
