using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timmy.Tests.Lightning.Nodes.Fakes;

namespace Timmy.Tests.Lightning.Nodes.CoreLightning;

/// <summary>
/// The part of Core Lightning's clnrest the client uses: <c>POST /v1/&lt;command&gt;</c> with JSON parameters, the
/// rune in the <c>Rune</c> header (401 with clnrest's error shape when it is missing or wrong), RPC errors as
/// <c>{"code","message"}</c> over HTTP 500, msat amounts as integers, times as Unix seconds.
/// </summary>
public sealed class FakeCoreLightningServer : FakeNodeServer
{
    private const int TimedOut = 904;

    public override string Credential { get; } = "tU-RLjMiDpY2U0o3W1oFowar36RFGpWloPbW9-RuZdo9MyZpZD0wMmMzYjVl";

    public override string ConnectionString(string? credential = null) =>
        $"type=clightning-rest;server={BaseUrl};rune={credential ?? Credential}";

    protected override async Task<bool> CheckCredentialAsync(HttpContext context)
    {
        var rune = context.Request.Headers["Rune"].ToString();
        if (rune == Credential)
        {
            return true;
        }
        await WriteJsonAsync(context, 401, rune.Length == 0
            ? new { code = 1501, message = "Not authorized: Missing rune" }
            : new { code = 1502, message = "Not authorized: Not derived from master" });
        return false;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/{command}", async context =>
        {
            var body = await ReadBodyAsync(context);
            var command = context.Request.RouteValues["command"]!.ToString()!;
            var (status, answer) = command switch
            {
                "getinfo" => (201, GetInfo()),
                "invoice" => CreateInvoice(body),
                "listinvoices" => (201, ListInvoices(body)),
                "waitanyinvoice" => await WaitAnyInvoiceAsync(body, context.RequestAborted),
                "pay" => Pay(body),
                "listpays" => (201, ListPays(body)),
                "decode" => Decode(body),
                "listfunds" => (201, ListFunds()),
                _ => (404, (object)new { code = -32601, message = $"Unknown command '{command}'" }),
            };
            await WriteJsonAsync(context, status, answer);
        });
    }

    private static object GetInfo() => new
    {
        id = "03" + new string('c', 64),
        alias = "fake-cln",
        color = "03c0de",
        num_peers = 2,
        num_active_channels = 2,
        num_inactive_channels = 0,
        version = "v24.11",
        blockheight = 812000,
        network = "regtest",
        fees_collected_msat = 0,
    };

    private (int, object) CreateInvoice(JsonObject body)
    {
        var label = body["label"]!.GetValue<string>();
        if (Book.Invoices.Any(i => i.Label == label))
        {
            return (500, new { code = 900, message = $"Duplicate label '{label}'" });
        }
        var amount = body["amount_msat"] is JsonValue value && value.TryGetValue<string>(out var any) && any == "any" ? 0 : ReadLong(body["amount_msat"]);
        var description = body["description"]!.GetValue<string>();
        var hashOnly = body["deschashonly"]?.GetValue<bool>() == true;
        var invoice = Book.AddInvoice(amount, hashOnly ? null : description, hashOnly ? SHA256.HashData(Encoding.UTF8.GetBytes(description)) : null,
            TimeSpan.FromSeconds(ReadLong(body["expiry"]) is > 0 and var s ? s : 604800), label);
        return (201, new
        {
            payment_hash = invoice.Hash,
            expires_at = invoice.ExpiresAt.ToUnixTimeSeconds(),
            bolt11 = invoice.Bolt11,
            payment_secret = new string('5', 64),
            created_index = invoice.AddIndex,
        });
    }

    private object ListInvoices(JsonObject body)
    {
        var hash = body["payment_hash"]?.GetValue<string>();
        return new { invoices = Book.Invoices.Where(i => hash is null || i.Hash == hash).Select(InvoiceJson) };
    }

    private async Task<(int, object)> WaitAnyInvoiceAsync(JsonObject body, CancellationToken aborted)
    {
        var change = Book.NextChange;
        Book.CountWatchRequest();
        var lastPayIndex = ReadLong(body["lastpay_index"]);
        var deadline = Task.Delay(TimeSpan.FromSeconds(ReadLong(body["timeout"])), aborted);
        while (true)
        {
            if (Book.Invoices.Where(i => i.PayIndex > lastPayIndex).OrderBy(i => i.PayIndex).FirstOrDefault() is { } paid)
            {
                return (201, InvoiceJson(paid));
            }
            if (await Task.WhenAny(change, deadline) == deadline)
            {
                return (500, new { code = TimedOut, message = "Timed out" });
            }
            change = Book.NextChange;
        }
    }

    private (int, object) Pay(JsonObject body)
    {
        var payable = Book.FindPayable(body["bolt11"]!.GetValue<string>());
        if (payable is null)
        {
            return (500, new { code = -32602, message = "Invalid bolt11: Bad bech32 string" });
        }
        if (payable.Refusal is not null)
        {
            return (500, new { code = 210, message = payable.Refusal });
        }
        var payment = Book.RecordPayment(payable);
        return (201, new
        {
            destination = "02" + new string('d', 64),
            payment_hash = payment.Hash,
            created_at = payment.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            parts = 1,
            amount_msat = payment.AmountMsat,
            amount_sent_msat = payment.AmountMsat + payment.FeeMsat,
            payment_preimage = payment.Preimage,
            status = "complete",
        });
    }

    private object ListPays(JsonObject body)
    {
        var hash = body["payment_hash"]?.GetValue<string>();
        return new
        {
            pays = Book.Payments.Where(p => hash is null || p.Hash == hash).Select(p => new
            {
                bolt11 = p.Bolt11,
                destination = "02" + new string('d', 64),
                payment_hash = p.Hash,
                status = "complete",
                created_at = p.CreatedAt.ToUnixTimeSeconds(),
                completed_at = p.CreatedAt.ToUnixTimeSeconds(),
                preimage = p.Preimage,
                amount_msat = p.AmountMsat,
                amount_sent_msat = p.AmountMsat + p.FeeMsat,
                number_of_parts = 1,
            }),
        };
    }

    private (int, object) Decode(JsonObject body) => Book.FindPayable(body["string"]!.GetValue<string>()) is { } payable
        ? (201, new { type = "bolt11 invoice", valid = true, payment_hash = payable.Hash, amount_msat = payable.AmountMsat })
        : (500, new { code = -32602, message = "string: Bad bech32 string" });

    private object ListFunds() => new
    {
        outputs = new object[]
        {
            new { txid = new string('e', 64), output = 0, amount_msat = Book.OnchainSats * 1000, status = "confirmed", reserved = false },
            new { txid = new string('f', 64), output = 1, amount_msat = 9_000_000L, status = "unconfirmed", reserved = false },
        },
        channels = new object[]
        {
            new { peer_id = "02" + new string('d', 64), connected = true, state = "CHANNELD_NORMAL", our_amount_msat = Book.LightningMsat, amount_msat = Book.LightningMsat * 2 },
            new { peer_id = "02" + new string('9', 64), connected = false, state = "ONCHAIN", our_amount_msat = 5_000_000L, amount_msat = 10_000_000L },
        },
    };

    private static object InvoiceJson(FakeInvoice invoice) => new
    {
        label = invoice.Label,
        bolt11 = invoice.Bolt11,
        payment_hash = invoice.Hash,
        amount_msat = invoice.AmountMsat > 0 ? invoice.AmountMsat : (long?)null,
        status = invoice.Paid ? "paid" : "unpaid",
        description = invoice.Memo ?? "",
        expires_at = invoice.ExpiresAt.ToUnixTimeSeconds(),
        created_index = invoice.AddIndex,
        pay_index = invoice.Paid ? invoice.PayIndex : (long?)null,
        amount_received_msat = invoice.Paid ? invoice.AmountMsat : (long?)null,
        paid_at = invoice.PaidAt?.ToUnixTimeSeconds(),
        payment_preimage = invoice.Paid ? invoice.Preimage : null,
    };
}
