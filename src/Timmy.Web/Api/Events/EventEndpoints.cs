using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Web.Auth;
using Timmy.Web.Components.Events;

namespace Timmy.Web.Api.Events;

/// <summary>The event log over HTTP: <c>/api/v1/events</c>.</summary>
public static class EventEndpoints
{
    public const int MaxSummaryMinutes = 7 * 24 * 60;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/events").WithTags("Events").RequireScope(ApiScopes.EventsRead);
        read.MapGet("/", QueryAsync).WithName("QueryEvents").WithSummary("Events, newest first, filtered and paged by keyset cursor");
        read.MapGet("/{id:long}", GetAsync).WithName("GetEvent").WithSummary("One event by id").ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/summary", SummaryAsync).WithName("EventSummary").WithSummary("Counts per event type over the last N minutes");
        read.MapGet("/types", Types).WithName("EventTypes").WithSummary("The event type catalogue");
        read.MapGet("/tasks/{taskId}/timeline", TaskTimelineAsync).WithName("TaskTimeline").WithSummary("Every event of one task, oldest first");
        read.MapGet("/agents/{agentId}/timeline", AgentTimelineAsync).WithName("AgentTimeline").WithSummary("Every event of one agent, oldest first");
        read.MapGet("/verify", VerifyAsync).WithName("VerifyEventChain")
            .WithSummary("Walk the tamper-evident hash chain: intact, or the first event missing or altered");
        read.MapGet("/export", Export).WithName("ExportEvents").WithSummary("Matching events as CSV or JSON Lines");

        var write = app.MapGroup("/api/v1/events").WithTags("Events").RequireScope(ApiScopes.EventsWrite);
        write.MapPost("/", LogAsync).WithName("LogEvent").WithSummary("Log an event (stored, then streamed to live clients)");
        write.MapPost("/batch", LogBatchAsync).WithName("LogEventBatch")
            .WithSummary($"Log 1 to {EventBatchLog.MaxEvents} events all or nothing, in one commit");
        return app;
    }

    private static async Task<Results<Ok<EventPageDto>, ValidationProblem>> QueryAsync(HttpRequest request, EventReader events, CancellationToken ct)
    {
        var (query, errors) = EventQueryParser.Parse(request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await events.QueryAsync(query, ct);
        return TypedResults.Ok(new EventPageDto(page.Items, page.OlderCursor, page.NewerCursor));
    }

    private static async Task<Ok<EventRecord>> GetAsync(long id, EventReader events, CancellationToken ct) =>
        TypedResults.Ok(await events.FindAsync(id, ct) ?? throw new EventNotFoundException(id));

    private static async Task<Ok<EventSummaryDto>> SummaryAsync(
        [Range(1, MaxSummaryMinutes, ErrorMessage = "'minutes' must be from {1} to {2}.")] int? minutes, EventReader events, CancellationToken ct)
    {
        var window = minutes ?? 60;
        var counts = await events.CountRecentAsync(TimeSpan.FromMinutes(window), ct);
        return TypedResults.Ok(new EventSummaryDto(window, counts.Sum(c => c.Count), counts));
    }

    private static Ok<IEnumerable<EventTypeDto>> Types() =>
        TypedResults.Ok(EventType.All.Select(t => new EventTypeDto(t, t[..t.IndexOf('.')], EventPresentation.Label(t), EventPresentation.Icon(t))));

    private static async Task<Ok<IReadOnlyList<EventRecord>>> TaskTimelineAsync(string taskId, EventReader events, CancellationToken ct) =>
        TypedResults.Ok(await events.TimelineAsync(taskId, null, ct));

    private static async Task<Ok<IReadOnlyList<EventRecord>>> AgentTimelineAsync(string agentId, EventReader events, CancellationToken ct) =>
        TypedResults.Ok(await events.TimelineAsync(null, agentId, ct));

    private static async Task<Ok<ChainVerification>> VerifyAsync(EventReader events, CancellationToken ct) =>
        TypedResults.Ok(await events.VerifyChainAsync(ct));

    private static Results<EventExportResult, ValidationProblem> Export(HttpRequest request, string? format, EventReader events)
    {
        var (query, errors) = EventQueryParser.Parse(request.Query);
        format = (format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "jsonl"))
        {
            errors["format"] = ["'format' must be 'csv' or 'jsonl'."];
        }
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : new EventExportResult(events.ExportAsync(query), format);
    }

    private static async Task<Created<EventRecord>> LogAsync([FromBody] LogEventRequest body, ClaimsPrincipal user, IEventLog log)
    {
        var record = await log.LogAsync(body.ToDraft(ActorOf(user)), CancellationToken.None);
        return TypedResults.Created($"/api/v1/events/{record.Id}", record);
    }

    private static async Task<Created<EventBatchResponse>> LogBatchAsync([FromBody] LogEventBatchRequest body, ClaimsPrincipal user, EventBatchLog batches)
    {
        var actor = ActorOf(user);
        var drafts = body.Events!.Select((e, i) => e!.ToDraft(actor, $"events[{i}]")).ToList();
        // Not the request's token: once the batch is taken, it is written whether or not the caller waits.
        var records = await batches.LogAllAsync(drafts, CancellationToken.None);
        return TypedResults.Created((string?)null, new EventBatchResponse(records.Count, records.Select(r => r.Id).ToList()));
    }

    /// <summary>Who posted: the token's name (<c>token:…</c>) or the signed-in owner.</summary>
    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
