using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.Lnbits;

/// <summary>
/// The part of LNbits' wallet API the client uses: the key in <c>X-Api-Key</c> (401 with FastAPI's
/// <c>{"detail"}</c> when wrong), invoices and payments as one list of payment records (amounts and fees in msat,
/// negative when outgoing; times as ISO-8601), and 520 for a payment the funding source refused.
/// </summary>
public sealed class FakeLnbitsServer : FakeNodeServer
{
    public override string Credential { get; } = FakeBolt11.RandomHex32()[..32];

    public override string ConnectionString(string? credential = null) =>
        $"type=lnbits;server={BaseUrl};api-key={credential ?? Credential}";

    protected override async Task<bool> CheckCredentialAsync(HttpContext context)
    {
        if (context.Request.Headers["X-Api-Key"].ToString() == Credential)
        {
            return true;
        }
        await WriteJsonAsync(context, 401, new { detail = "Invalid key or wallet." });
        return false;
    }

    /// <summary>LNbits' own rule: reserve the larger of 2 sats and 1 % of the amount for routing fees.</summary>
    public static long FeeReserve(long amountMsat) => Math.Max(2000, amountMsat / 100);

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v1/wallet", () => Results.Json(new { id = "wallet1", name = "Timmy's wallet", balance = Book.LightningMsat }));
        app.MapPost("/api/v1/payments", async context =>
        {
            var body = await ReadBodyAsync(context);
            var (status, answer) = body["out"]?.GetValue<bool>() == true ? Pay(body) : CreateInvoice(body);
            await WriteJsonAsync(context, status, answer);
        });
        app.MapGet("/api/v1/payments", (int? limit) =>
        {
            Book.CountWatchRequest();
            var records = Book.Invoices.Select(InvoiceRecord).Concat(Book.Payments.Select(PaymentRecord))
                .OrderByDescending(r => r.Time).Take(limit ?? 20).Select(r => r.Json);
            return Results.Json(records);
        });
        app.MapGet("/api/v1/payments/{hash}", (string hash) =>
        {
            if (Book.FindInvoice(hash) is { } invoice)
            {
                return Results.Json(new { paid = invoice.Paid, preimage = invoice.Preimage, details = InvoiceRecord(invoice).Json });
            }
            if (Book.FindPayment(hash) is { } payment)
            {
                return Results.Json(new { paid = true, preimage = payment.Preimage, details = PaymentRecord(payment).Json });
            }
            return Results.Json(new { detail = "Payment does not exist." }, statusCode: 404);
        });
        app.MapPost("/api/v1/payments/decode", async context =>
        {
            var body = await ReadBodyAsync(context);
            if (Book.FindPayable(body["data"]!.GetValue<string>()) is { } payable)
            {
                await WriteJsonAsync(context, 200, new { payment_hash = payable.Hash, amount_msat = payable.AmountMsat, description = "", expiry = 3600 });
                return;
            }
            await WriteJsonAsync(context, 400, new { message = "Failed to decode: Bad bech32 checksum" });
        });
        app.MapGet("/api/v1/payments/fee-reserve", (string invoice) => Book.FindPayable(invoice) is { } payable
            ? Results.Json(new { fee_reserve = FeeReserve(payable.AmountMsat) })
            : Results.Json(new { detail = "Invoice has no amount." }, statusCode: 400));
    }

    private (int, object) CreateInvoice(JsonObject body)
    {
        var hashHex = body["description_hash"]?.GetValue<string>();
        var invoice = Book.AddInvoice(ReadLong(body["amount"]) * 1000, hashHex is null ? body["memo"]?.GetValue<string>() : null,
            hashHex is null ? null : Convert.FromHexString(hashHex), TimeSpan.FromSeconds(ReadLong(body["expiry"]) is > 0 and var s ? s : 3600));
        return (201, new { payment_hash = invoice.Hash, payment_request = invoice.Bolt11, checking_id = invoice.Hash, lnurl_response = (string?)null });
    }

    private (int, object) Pay(JsonObject body)
    {
        var payable = Book.FindPayable(body["bolt11"]?.GetValue<string>() ?? "");
        if (payable is null)
        {
            return (400, new { detail = "Invalid bolt11 invoice." });
        }
        if (payable.Refusal is not null)
        {
            return (520, new { detail = payable.Refusal });
        }
        var payment = Book.RecordPayment(payable);
        return (201, new { payment_hash = payment.Hash, checking_id = payment.Hash });
    }

    private static (DateTimeOffset Time, object Json) InvoiceRecord(FakeInvoice invoice) => (invoice.CreatedAt, new
    {
        checking_id = invoice.Hash,
        payment_hash = invoice.Hash,
        wallet_id = "wallet1",
        amount = invoice.AmountMsat,
        fee = 0,
        bolt11 = invoice.Bolt11,
        status = invoice.Paid ? "success" : "pending",
        pending = !invoice.Paid,
        memo = invoice.Memo ?? "",
        preimage = invoice.Preimage,
        time = invoice.CreatedAt.ToString("O"),
        expiry = invoice.ExpiresAt.ToString("O"),
        extra = new { },
    });

    private static (DateTimeOffset Time, object Json) PaymentRecord(FakePayment payment) => (payment.CreatedAt, new
    {
        checking_id = payment.Hash,
        payment_hash = payment.Hash,
        wallet_id = "wallet1",
        amount = -payment.AmountMsat,
        fee = -payment.FeeMsat,
        bolt11 = payment.Bolt11,
        status = "success",
        pending = false,
        memo = "",
        preimage = payment.Preimage,
        time = payment.CreatedAt.ToString("O"),
        expiry = (string?)null,
        extra = new { },
    });
}
