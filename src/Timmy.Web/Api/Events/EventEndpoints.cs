using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Web.Auth;
using Timmy.Web.Components.Events;

namespace Timmy.Web.Api.Events;

/// <summary>The event log over HTTP: <c>/api/v1/events</c>.</summary>
public static class EventEndpoints
{
    public const int MaxDataBytes = 64 * 1024;
    public const int MaxSummaryMinutes = 7 * 24 * 60;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/events").WithTags("Events").RequireScope(ApiScopes.EventsRead);
        read.MapGet("/", QueryAsync).WithName("QueryEvents").WithSummary("Events, newest first, filtered and paged by keyset cursor");
        read.MapGet("/{id:long}", GetAsync).WithName("GetEvent").WithSummary("One event by id");
        read.MapGet("/summary", SummaryAsync).WithName("EventSummary").WithSummary("Counts per event type over the last N minutes");
        read.MapGet("/types", Types).WithName("EventTypes").WithSummary("The event type catalogue");
        read.MapGet("/tasks/{taskId}/timeline", TaskTimelineAsync).WithName("TaskTimeline").WithSummary("Every event of one task, oldest first");
        read.MapGet("/agents/{agentId}/timeline", AgentTimelineAsync).WithName("AgentTimeline").WithSummary("Every event of one agent, oldest first");
        read.MapGet("/export", Export).WithName("ExportEvents").WithSummary("Matching events as CSV or JSON Lines");

        app.MapPost("/api/v1/events", LogAsync).WithTags("Events").RequireScope(ApiScopes.EventsWrite)
            .WithName("LogEvent").WithSummary("Log an event (stored, then streamed to live clients)");
        return app;
    }

    private static async Task<Results<Ok<EventPageDto>, ValidationProblem>> QueryAsync(HttpRequest request, IEventStore store, CancellationToken ct)
    {
        var (query, errors) = EventQueryParser.Parse(request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await store.QueryAsync(query, ct);
        return TypedResults.Ok(new EventPageDto(page.Items, page.OlderCursor, page.NewerCursor));
    }

    private static async Task<Results<Ok<EventRecord>, ProblemHttpResult>> GetAsync(long id, IEventStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem(title: "No such event", detail: $"There is no event with id {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<EventSummaryDto>, ValidationProblem>> SummaryAsync(
        int? minutes, IEventStore store, TimeProvider time, CancellationToken ct)
    {
        var window = minutes ?? 60;
        if (window is < 1 or > MaxSummaryMinutes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = [$"'minutes' must be from 1 to {MaxSummaryMinutes}."] });
        }
        var counts = await store.CountByTypeAsync(time.GetUtcNow().AddMinutes(-window), ct);
        return TypedResults.Ok(new EventSummaryDto(window, counts.Sum(c => c.Count), counts));
    }

    private static Ok<IEnumerable<EventTypeDto>> Types() =>
        TypedResults.Ok(EventType.All.Select(t => new EventTypeDto(t, t[..t.IndexOf('.')], EventPresentation.Label(t), EventPresentation.Icon(t))));

    private static async Task<Ok<IReadOnlyList<EventRecord>>> TaskTimelineAsync(string taskId, IEventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.TimelineAsync(taskId, null, EventQuery.MaxLimit * 10, ct));

    private static async Task<Ok<IReadOnlyList<EventRecord>>> AgentTimelineAsync(string agentId, IEventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.TimelineAsync(null, agentId, EventQuery.MaxLimit * 10, ct));

    private static Results<EventExportResult, ValidationProblem> Export(HttpRequest request, string? format, IEventStore store)
    {
        var (query, errors) = EventQueryParser.Parse(request.Query);
        format = (format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "jsonl"))
        {
            errors["format"] = ["'format' must be 'csv' or 'jsonl'."];
        }
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : new EventExportResult(store.ExportAsync(query), format);
    }

    private static async Task<Results<Created<EventRecord>, ValidationProblem>> LogAsync(HttpRequest request, IEventLog log, CancellationToken ct)
    {
        var (body, invalid) = await JsonBody.ReadAsync<LogEventRequest>(request, """{"event_type": "…", "source": "…", "task_id", "agent_id", "data": {…} (optional)}""", ct);
        if (body is null)
        {
            return invalid!;
        }
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var record = await log.LogAsync(body.EventType!, body.Source!, body.TaskId, body.AgentId, body.Data, CancellationToken.None);
        return TypedResults.Created($"/api/v1/events/{record.Id}", record);
    }

    private static Dictionary<string, string[]> Validate(LogEventRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EventType.IsKnown(body.EventType))
        {
            errors["event_type"] = [$"'event_type' must be one of: {string.Join(", ", EventType.All)}."];
        }
        if (string.IsNullOrWhiteSpace(body.Source) || body.Source.Length > EventSanitizer.MaxSourceLength)
        {
            errors["source"] = [$"'source' is required, at most {EventSanitizer.MaxSourceLength} characters."];
        }
        if (body.TaskId?.Length > EventSanitizer.MaxFieldLength)
        {
            errors["task_id"] = [$"'task_id' must be at most {EventSanitizer.MaxFieldLength} characters."];
        }
        if (body.AgentId?.Length > EventSanitizer.MaxFieldLength)
        {
            errors["agent_id"] = [$"'agent_id' must be at most {EventSanitizer.MaxFieldLength} characters."];
        }
        if (body.Data is { } data && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            errors["data"] = ["'data' must be a JSON object."];
        }
        else if (body.Data is { ValueKind: JsonValueKind.Object } obj && Encoding.UTF8.GetByteCount(obj.GetRawText()) > MaxDataBytes)
        {
            errors["data"] = [$"'data' must be at most {MaxDataBytes / 1024} KiB."];
        }
        return errors;
    }
}
