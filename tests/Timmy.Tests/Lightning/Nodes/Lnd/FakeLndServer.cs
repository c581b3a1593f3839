using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.Lnd;

/// <summary>
/// The part of LND's REST API (its grpc-gateway proxy) the client uses, over in-memory books: bytes fields as base64,
/// 64-bit numbers as strings, unary errors as <c>{"code","message","details"}</c> with the gRPC code's HTTP status,
/// and streams as one <c>{"result":…}</c> per line (<c>{"error":…}</c> when a stream fails before its first message).
/// A wrong macaroon gets what LND sends: code 2 over HTTP 500.
/// </summary>
public sealed class FakeLndServer : FakeNodeServer
{
    public override string Credential { get; } = "0201036c6e6402f801" + FakeBolt11.RandomHex32();

    /// <summary>When set, payments stay in flight: the send stream reports IN_FLIGHT and then waits.</summary>
    public bool HoldPayments { get; set; }

    public override string ConnectionString(string? credential = null) =>
        $"type=lnd-rest;server={BaseUrl};macaroon={credential ?? Credential}";

    protected override async Task<bool> CheckCredentialAsync(HttpContext context)
    {
        var macaroon = context.Request.Headers["Grpc-Metadata-macaroon"].ToString();
        if (macaroon == Credential)
        {
            return true;
        }
        var message = macaroon.Length == 0 ? "expected 1 macaroon, got 0" : "verification failed: signature mismatch after caveat verification";
        await WriteJsonAsync(context, 500, Error(2, message));
        return false;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/getinfo", () => Results.Json(new
        {
            identity_pubkey = "02" + new string('a', 64),
            alias = "fake-lnd",
            num_active_channels = 3,
            num_peers = 4,
            block_height = 812345,
            synced_to_chain = true,
            chains = new[] { new { chain = "bitcoin", network = "regtest" } },
            version = "0.18.3-beta",
        }));
        app.MapPost("/v1/invoices", async context =>
        {
            var body = await ReadBodyAsync(context);
            var hash = body["description_hash"]?.GetValue<string>() is { Length: > 0 } base64 ? Convert.FromBase64String(base64) : null;
            var invoice = Book.AddInvoice(ReadLong(body["value_msat"]), body["memo"]?.GetValue<string>(), hash, TimeSpan.FromSeconds(ReadLong(body["expiry"]) is > 0 and var s ? s : 86400));
            await WriteJsonAsync(context, 200, new
            {
                r_hash = Convert.ToBase64String(Convert.FromHexString(invoice.Hash)),
                payment_request = invoice.Bolt11,
                add_index = invoice.AddIndex.ToString(),
                payment_addr = Convert.ToBase64String(new byte[32]),
            });
        });
        app.MapGet("/v1/invoice/{hash}", (string hash) => Book.FindInvoice(hash) is { } invoice
            ? Results.Json(InvoiceJson(invoice))
            : Results.Json(Error(5, "unable to locate invoice"), statusCode: 404));
        app.MapGet("/v1/invoices", (bool? reversed, int? num_max_invoices) =>
        {
            var all = Book.Invoices;
            var page = reversed == true ? all.TakeLast(num_max_invoices ?? 100) : all.Take(num_max_invoices ?? 100);
            return Results.Json(new { invoices = page.Select(InvoiceJson), last_index_offset = all.Count.ToString(), first_index_offset = "1" });
        });
        app.MapGet("/v1/invoices/subscribe", SubscribeInvoicesAsync);
        app.MapPost("/v2/router/send", SendPaymentAsync);
        app.MapGet("/v2/router/track/{hash}", TrackPaymentAsync);
        app.MapGet("/v1/payreq/{payReq}", (string payReq) => Book.FindPayable(payReq) is { } payable
            ? Results.Json(new { destination = "03" + new string('b', 64), payment_hash = payable.Hash, num_satoshis = (payable.AmountMsat / 1000).ToString(), num_msat = payable.AmountMsat.ToString() })
            : Results.Json(Error(2, "invalid bech32 string length 7"), statusCode: 500));
        app.MapGet("/v1/balance/channels", () => Results.Json(new
        {
            balance = (Book.LightningMsat / 1000).ToString(),
            local_balance = new { sat = (Book.LightningMsat / 1000).ToString(), msat = Book.LightningMsat.ToString() },
            remote_balance = new { sat = "100000", msat = "100000000" },
        }));
        app.MapGet("/v1/balance/blockchain", () => Results.Json(new
        {
            total_balance = Book.OnchainSats.ToString(),
            confirmed_balance = Book.OnchainSats.ToString(),
            unconfirmed_balance = "0",
        }));
    }

    private async Task SubscribeInvoicesAsync(HttpContext context)
    {
        var change = Book.NextChange;
        var lastPayIndex = Book.Invoices.Max(i => (long?)i.PayIndex) ?? 0;
        Book.CountWatchRequest();
        context.Response.ContentType = "application/json";
        while (true)
        {
            try
            {
                await change.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            change = Book.NextChange;
            foreach (var invoice in Book.Invoices.Where(i => i.PayIndex > lastPayIndex).OrderBy(i => i.PayIndex))
            {
                await WriteLineAsync(context, new { result = InvoiceJson(invoice) });
                lastPayIndex = invoice.PayIndex;
            }
        }
    }

    private async Task SendPaymentAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var payable = Book.FindPayable(body["payment_request"]?.GetValue<string>() ?? "");
        if (payable is null || payable.Refusal is not null)
        {
            await WriteJsonAsync(context, 500, new { error = Error(2, payable?.Refusal ?? "invalid bech32 string length 7") });
            return;
        }
        await WriteLineAsync(context, new { result = PaymentJson(payable, "IN_FLIGHT", 0, "FAILURE_REASON_NONE") });
        if (HoldPayments)
        {
            await HoldOpenAsync(context);
            return;
        }
        if (payable.FeeMsat > ReadLong(body["fee_limit_msat"]))
        {
            await WriteLineAsync(context, new { result = PaymentJson(payable, "FAILED", 0, "FAILURE_REASON_NO_ROUTE") });
            return;
        }
        Book.RecordPayment(payable);
        await WriteLineAsync(context, new { result = PaymentJson(payable, "SUCCEEDED", payable.FeeMsat, "FAILURE_REASON_NONE") });
    }

    private async Task TrackPaymentAsync(HttpContext context)
    {
        var hash = Convert.ToHexStringLower(Base64Url.DecodeFromChars(context.Request.RouteValues["hash"]!.ToString()));
        if (Book.FindPayment(hash) is not { } payment)
        {
            await WriteJsonAsync(context, 404, new { error = Error(5, "payment isn't initiated") });
            return;
        }
        var payable = Book.FindPayable(payment.Bolt11)!;
        await WriteLineAsync(context, new { result = PaymentJson(payable, "SUCCEEDED", payment.FeeMsat, "FAILURE_REASON_NONE") });
        await HoldOpenAsync(context);
    }

    private static object InvoiceJson(FakeInvoice invoice) => new
    {
        memo = invoice.Memo ?? "",
        r_preimage = Convert.ToBase64String(Convert.FromHexString(invoice.Preimage)),
        r_hash = Convert.ToBase64String(Convert.FromHexString(invoice.Hash)),
        value = (invoice.AmountMsat / 1000).ToString(),
        value_msat = invoice.AmountMsat.ToString(),
        settled = invoice.Paid,
        creation_date = invoice.CreatedAt.ToUnixTimeSeconds().ToString(),
        settle_date = (invoice.PaidAt?.ToUnixTimeSeconds() ?? 0).ToString(),
        payment_request = invoice.Bolt11,
        description_hash = Convert.ToBase64String(invoice.DescriptionHash ?? []),
        expiry = ((long)invoice.Expiry.TotalSeconds).ToString(),
        cltv_expiry = "80",
        add_index = invoice.AddIndex.ToString(),
        settle_index = invoice.PayIndex.ToString(),
        amt_paid_sat = (invoice.Paid ? invoice.AmountMsat / 1000 : 0).ToString(),
        amt_paid_msat = (invoice.Paid ? invoice.AmountMsat : 0).ToString(),
        state = invoice.Paid ? "SETTLED" : "OPEN",
        is_keysend = false,
    };

    private static object PaymentJson(FakePayable payable, string status, long feeMsat, string failureReason) => new
    {
        payment_hash = payable.Hash,
        value = (payable.AmountMsat / 1000).ToString(),
        value_msat = payable.AmountMsat.ToString(),
        payment_preimage = status == "SUCCEEDED" ? payable.Preimage : new string('0', 64),
        payment_request = payable.Bolt11,
        status,
        fee_msat = feeMsat.ToString(),
        creation_time_ns = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000).ToString(),
        failure_reason = failureReason,
        payment_index = "1",
    };

    private static object Error(int code, string message) => new { code, message, details = Array.Empty<object>() };

    private static async Task WriteLineAsync(HttpContext context, object line)
    {
        await context.Response.WriteAsync(JsonSerializer.Serialize(line) + "\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
