using System.Globalization;
using System.Text;
using Timmy.Core.Lightning.Ledger;

namespace Timmy.Web.Api.Lightning;

/// <summary>Streams ledger entries as CSV, oldest first, without loading the ledger into memory. Like the API, it
/// leaves out the preimages of incoming invoices.</summary>
public sealed class LedgerExportResult(IAsyncEnumerable<LedgerEntry> entries) : IResult
{
    public const string Header =
        "id,tx_type,status,payment_hash,amount_sats,amount_msat,fee_sats,memo,source,task_id,agent_id,created_at,settled_at,expires_at,failure_reason,preimage,invoice";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"ledger-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync(Header);
        await foreach (var e in entries.WithCancellation(httpContext.RequestAborted))
        {
            await writer.WriteLineAsync(Line(e));
        }
    }

    public static string Line(LedgerEntry e) => string.Join(',',
        CsvCell.Of(e.Id), e.Direction, e.Status, e.PaymentHash, Number(e.AmountSats), Number(e.AmountMsat), Number(e.FeeSats), CsvCell.Of(e.Memo),
        CsvCell.Of(e.Source), CsvCell.Of(e.TaskId), CsvCell.Of(e.AgentId), Time(e.CreatedAt), Time(e.SettledAt), Time(e.ExpiresAt),
        CsvCell.Of(e.FailureReason), e.IsIncoming ? "" : e.Preimage ?? "", CsvCell.Of(e.Invoice));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
