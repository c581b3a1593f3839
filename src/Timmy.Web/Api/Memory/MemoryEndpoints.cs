using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Memory;

/// <summary>The semantic memory over HTTP under <c>/api/v1/memory</c>, for the owner (who sees every entry): list, read,
/// search, context, facts, documents and stats with <c>memory:read</c>; store, edit, delete, upload, prune and re-embed
/// with <c>memory:write</c> (in <see cref="MemoryWriteEndpoints"/>). Refusals are the memory's own
/// (<c>InvalidFieldException</c> 400 naming the field, not found 404, an edit a record does not take 409).</summary>
public static class MemoryEndpoints
{
    public const string Prefix = "/api/v1/memory";
    public const int DefaultListLimit = 50;

    public static IEndpointRouteBuilder MapMemoryEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup(Prefix).WithTags("Memory").RequireScope(ApiScopes.MemoryRead);
        read.MapGet("", ListAsync).WithName("ListMemory").ProducesValidationProblem()
            .WithSummary("Entries, newest first, filtered by type (repeatable), agent, session, task and time, paged by the `next` cursor");
        read.MapGet("/search", SearchAsync).WithName("SearchMemory").ProducesValidationProblem()
            .WithSummary("Search by meaning and by words: hits with their fused score, similarity, BM25, signals and matched terms");
        read.MapGet("/context", ContextAsync).WithName("MemoryContext").ProducesValidationProblem()
            .WithSummary("The most relevant entries packed into a token budget, as Timmy's prompt gets them");
        read.MapGet("/facts", FactsAsync).WithName("ListFacts").ProducesValidationProblem()
            .WithSummary("The owner's facts, newest first, paged by the `next` cursor");
        read.MapGet("/documents", DocumentsAsync).WithName("ListDocuments")
            .WithSummary("The uploaded documents with their chunk counts, newest first");
        read.MapGet("/stats", StatsAsync).WithName("MemoryStats")
            .WithSummary("Counts per type and agent, embedding coverage, the embedder in use, the vector index and the re-embed's progress");
        read.MapGet("/{id}", GetAsync).WithName("GetMemory").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One entry");
        return app.MapMemoryWriteEndpoints();
    }

    private static async Task<Results<Ok<MemoryPageDto>, ValidationProblem>> ListAsync(
        [AsParameters] MemoryFilterQuery filters, string? before,
        [Range(1, MemoryService.MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit,
        MemoryService memory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = filters.ToFilter(errors);
        var cursor = MemoryFilterQuery.Bounded("before", before, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(Page(await memory.ListAsync(filter, MemoryViewer.Owner, cursor, limit ?? DefaultListLimit, ct)));
    }

    private static async Task<Results<Ok<MemorySearchDto>, ValidationProblem>> SearchAsync(
        string? q, [AsParameters] MemoryFilterQuery filters,
        [Range(1, MemorySearchQuery.MaxLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit,
        [FromQuery(Name = "min_score")] string? minScore, MemoryService memory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = filters.ToFilter(errors);
        var floor = Number("min_score", minScore, "a number from 0 to 1", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await memory.SearchAsync(new MemorySearchQuery(q ?? "") { Filter = filter, Limit = limit ?? 10, MinScore = floor ?? 0 }, ct);
        return TypedResults.Ok(MemorySearchDto.From(result));
    }

    private static async Task<Results<Ok<MemoryContextDto>, ValidationProblem>> ContextAsync(
        string? q, [AsParameters] MemoryFilterQuery filters, [FromQuery(Name = "max_tokens")] string? maxTokens,
        MemoryService memory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = filters.ToFilter(errors);
        var budget = Number("max_tokens", maxTokens, "a whole number of tokens", errors);
        if (budget is not null && budget != Math.Floor(budget.Value))
        {
            errors["max_tokens"] = ["'max_tokens' must be a whole number of tokens."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var tokens = budget is { } b ? (int)Math.Clamp(b, int.MinValue, int.MaxValue) : memory.Options.ContextTokens;
        return TypedResults.Ok(MemoryContextDto.From(await memory.ContextAsync(q ?? "", tokens, MemoryViewer.Owner, filter, ct)));
    }

    private static async Task<Results<Ok<MemoryPageDto>, ValidationProblem>> FactsAsync(
        string? before, [Range(1, MemoryService.MaxListLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit,
        MemoryService memory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var cursor = MemoryFilterQuery.Bounded("before", before, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var facts = new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact] };
        return TypedResults.Ok(Page(await memory.ListAsync(facts, MemoryViewer.Owner, cursor, limit ?? DefaultListLimit, ct)));
    }

    private static async Task<Ok<IReadOnlyList<MemoryDocumentDto>>> DocumentsAsync(DocumentMemory documents, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<MemoryDocumentDto>>([.. (await documents.ListAsync(MemoryViewer.Owner, ct)).Select(MemoryDocumentDto.From)]);

    private static async Task<Ok<MemoryStatsDto>> StatsAsync(MemoryService memory, CancellationToken ct) =>
        TypedResults.Ok(MemoryStatsDto.From(await memory.StatusAsync(ct)));

    private static async Task<Ok<MemoryEntryDto>> GetAsync(string id, MemoryService memory, CancellationToken ct) =>
        TypedResults.Ok(MemoryEntryDto.From(await memory.GetAsync(id, MemoryViewer.Owner, ct)));

    public static string EntryAddress(string id) => $"{Prefix}/{Uri.EscapeDataString(id)}";

    private static MemoryPageDto Page(MemoryPage page) => new([.. page.Items.Select(MemoryEntryDto.From)], page.NextBefore);

    /// <summary>A number from the query string (invariant culture), or null when absent; an error naming it when it is
    /// not one. The memory checks its range.</summary>
    private static double? Number(string key, string? value, string what, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        errors[key] = [$"'{key}' must be {what} (got '{(value.Length <= 20 ? value : value[..20] + "…")}')."];
        return null;
    }
}
