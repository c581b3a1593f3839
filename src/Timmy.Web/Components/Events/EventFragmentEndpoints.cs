using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Timmy.Core.Events;
using Timmy.Web.Api.Events;
using Timmy.Web.Components.Shared;

namespace Timmy.Web.Components.Events;

/// <summary>
/// The live parts of the event pages as server-rendered fragments, read by the pages' scripts when the feed says
/// something changed (docs/decisions.md): the events table's new rows and count line, the activity panel's new
/// items, the summary cards. Drawn by the same components as the pages, so the markup exists once. See
/// <see cref="FragmentGroup"/>.
/// </summary>
public static class EventFragmentEndpoints
{
    public const int MaxActivityItems = 100;

    public static IEndpointRouteBuilder MapEventFragments(this IEndpointRouteBuilder app)
    {
        var group = app.MapFragmentGroup("/swarm/fragments");
        group.MapGet("/event-rows", RowsAsync);
        group.MapGet("/activity", ActivityAsync);
        group.MapGet("/summary", SummaryAsync);
        return app;
    }

    /// <summary><c>?after=&lt;newest id shown&gt;&amp;shown=&lt;rows shown&gt;&amp;lowest=&lt;oldest id shown&gt;</c> plus
    /// the page's filters: the next rows after it and the count line for the table once they are in.</summary>
    private static async Task<Results<RazorComponentResult<EventRowsFragment>, ValidationProblem>> RowsAsync(
        HttpContext context, EventReader events)
    {
        var (query, errors) = EventQueryParser.Parse(context.Request.Query);
        var shown = Whole(context.Request.Query["shown"], "shown", errors) ?? 0;
        var lowest = Whole(context.Request.Query["lowest"], "lowest", errors) ?? 0;
        if (query.AfterId is null && !errors.ContainsKey("after"))
        {
            errors["after"] = ["'after' (the newest id the page shows, 0 for none) is required."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await events.QueryAsync(query, context.RequestAborted);
        var count = (int)Math.Min(int.MaxValue, shown + page.Items.Count);
        var highest = page.Items.Count > 0 ? page.Items[0].Id : query.AfterId!.Value;
        var oldest = shown > 0 ? lowest : page.Items.Count > 0 ? page.Items[^1].Id : 0;
        return new RazorComponentResult<EventRowsFragment>(new
        {
            Events = page.Items,
            CountText = EventsViewModel.DescribeCount(count, oldest, highest),
            HasMore = page.NewerCursor is not null,
        });
    }

    /// <summary><c>?after=&lt;newest id shown&gt;&amp;limit=&lt;n&gt;</c>: the items after it, newest first.</summary>
    private static async Task<Results<RazorComponentResult<ActivityItemsFragment>, ValidationProblem>> ActivityAsync(
        HttpContext context, EventReader events)
    {
        var errors = new Dictionary<string, string[]>();
        var after = Whole(context.Request.Query["after"], "after", errors);
        var limit = Whole(context.Request.Query["limit"], "limit", errors) ?? ActivityPanel.DefaultLimit;
        if (limit is < 1 or > MaxActivityItems)
        {
            errors["limit"] = [$"'limit' must be from 1 to {MaxActivityItems}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await events.QueryAsync(new EventQuery { AfterId = after ?? 0, Limit = (int)limit }, context.RequestAborted);
        return new RazorComponentResult<ActivityItemsFragment>(new { Events = page.Items, HasMore = page.NewerCursor is not null });
    }

    private static async Task<RazorComponentResult<SummaryCards>> SummaryAsync(HttpContext context, EventReader events) =>
        new(new { Counts = await events.CountRecentAsync(SummaryCards.Window, context.RequestAborted), IsFragment = true });

    /// <summary>A whole number from 0 up, or null when absent; anything else is an error naming the field.</summary>
    private static long? Whole(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = [$"'{field}' must be a whole number from 0 up."];
        return null;
    }
}
