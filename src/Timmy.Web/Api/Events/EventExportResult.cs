using System.Text;
using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>Streams an export as CSV (RFC 4180 quoting, formula-looking cells prefixed with a quote so a
/// spreadsheet will not run them) or JSON Lines, without loading the whole log into memory.</summary>
public sealed class EventExportResult(IAsyncEnumerable<EventRecord> events, string format) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var csv = format == "csv";
        var response = httpContext.Response;
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"events-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 64 * 1024);
        if (csv)
        {
            await writer.WriteLineAsync("id,event_type,source,task_id,agent_id,timestamp,data,actor,prev_hash,hash");
        }
        await foreach (var e in events.WithCancellation(httpContext.RequestAborted))
        {
            await writer.WriteLineAsync(csv ? CsvLine(e) : JsonSerializer.Serialize(e, EventJson.Options));
        }
    }

    private static string CsvLine(EventRecord e) => string.Join(',',
        e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Cell(e.EventType), Cell(e.Source), Cell(e.TaskId), Cell(e.AgentId),
        Cell(e.Timestamp.UtcDateTime.ToString("O")), Cell(e.Data.GetRawText()), Cell(e.Actor), Cell(e.PrevHash), Cell(e.Hash));

    private static string Cell(string? value) => CsvCell.Of(value);
}
