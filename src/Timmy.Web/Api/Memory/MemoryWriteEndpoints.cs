using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Memory.Facts;
using Timmy.Core.Refusals;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Memory;

/// <summary>The memory's writes under <c>/api/v1/memory</c> (<c>memory:write</c>): store an entry, edit or delete one,
/// remember a fact, upload or delete a document (<see cref="DocumentUpload"/>), prune, and start a re-embed. Everything
/// written here is the owner's.</summary>
public static class MemoryWriteEndpoints
{
    public const string ApiSource = "api";

    public static IEndpointRouteBuilder MapMemoryWriteEndpoints(this IEndpointRouteBuilder app)
    {
        var bodyLimit = DocumentUpload.BodyLimit(app.ServiceProvider.GetRequiredService<IOptions<MemoryOptions>>().Value);
        var write = app.MapGroup(MemoryEndpoints.Prefix).WithTags("Memory").RequireScope(ApiScopes.MemoryWrite);
        write.MapPost("", StoreAsync).WithName("StoreMemory").ProducesValidationProblem()
            .WithSummary("Store an entry (conversation, fact or document), embedded at once when the embedder answers");
        write.MapPatch("/{id}", EditAsync).WithName("EditMemory").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rewrite a fact, or share or unshare an entry with the agents (only facts take new content: 409 otherwise)");
        write.MapDelete("/{id}", DeleteAsync).WithName("DeleteMemory").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete an entry");
        write.MapPost("/facts", RememberFactAsync).WithName("RememberFact").ProducesValidationProblem()
            .WithSummary("Remember a fact about the owner: 201 when stored; 200 with the entry when it replaced the fact under its key, or (unchanged) when the fact was already known word for word");
        write.MapPost("/documents", DocumentUpload.UploadAsync).WithName("UploadDocument")
            .Accepts<UploadDocumentRequest>("application/json", DocumentUpload.FormContentType)
            .WithMetadata(new RequestSizeLimitAttribute(bodyLimit))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a text or Markdown document (multipart/form-data with `file` and `shared`, or JSON {name, content, shared}); it is stored as chunks");
        write.MapDelete("/documents/{id}", DeleteDocumentAsync).WithName("DeleteDocument").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a document: every chunk of it");
        write.MapPost("/prune", PruneAsync).WithName("PruneMemory").ProducesValidationProblem()
            .WithSummary("Delete entries older than a number of days (facts too only when asked)");
        write.MapPost("/reindex", ReindexAsync).WithName("ReindexMemory")
            .WithSummary("Start embedding the entries that lack a vector of the embedder in use, unless a re-embed is running; answers its progress");
        return app;
    }

    private static async Task<Created<MemoryEntryDto>> StoreAsync([FromBody] StoreMemoryRequest body, MemoryService memory)
    {
        var entry = await memory.StoreAsync(new NewMemory(body.Content!, body.ContextType!, body.Source ?? ApiSource)
        {
            SessionId = body.SessionId,
            TaskId = body.TaskId,
            Metadata = MetadataText(body.Metadata),
            Shared = body.Shared ?? false,
        }, CancellationToken.None);
        return TypedResults.Created(MemoryEndpoints.EntryAddress(entry.Id), MemoryEntryDto.From(entry));
    }

    private static async Task<Ok<MemoryEntryDto>> EditAsync(string id, [FromBody] EditMemoryRequest body, MemoryService memory)
    {
        if (body.Content is null && body.Shared is null)
        {
            throw new InvalidFieldException("body", "Say what to change: 'content' (facts only) and/or 'shared'.");
        }
        var entry = await memory.UpdateAsync(id, new MemoryEdit(body.Content, body.Shared), MemoryViewer.Owner, CancellationToken.None);
        return TypedResults.Ok(MemoryEntryDto.From(entry));
    }

    private static async Task<NoContent> DeleteAsync(string id, MemoryService memory)
    {
        await memory.DeleteAsync(id, MemoryViewer.Owner, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<MemoryEntryDto>, Ok<MemoryEntryDto>>> RememberFactAsync(
        [FromBody] RememberFactRequest body, OwnerFacts facts)
    {
        var key = string.IsNullOrWhiteSpace(body.Key) ? null : FactKeys.Normalise(body.Key)
            ?? throw new InvalidFieldException("key", $"'key' must be one of {string.Join(", ", FactKeys.All)}, or left out for a fact that accumulates.");
        var remembered = await facts.RecordAsync(new StatedFact(body.Content!, key), ApiSource, shared: body.Shared, cancellationToken: CancellationToken.None);
        var entry = MemoryEntryDto.From(remembered.Entry);
        return remembered.IsNew
            ? TypedResults.Created(MemoryEndpoints.EntryAddress(entry.Id), entry)
            : TypedResults.Ok(entry);
    }

    private static async Task<NoContent> DeleteDocumentAsync(string id, DocumentMemory documents)
    {
        await documents.DeleteAsync(id, MemoryViewer.Owner, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PruneResultDto>> PruneAsync([FromBody] PruneRequest body, MemoryService memory, TimeProvider time)
    {
        var days = body.OlderThanDays!.Value;
        var includeFacts = body.IncludeFacts ?? false;
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(Math.Clamp(days, 0, 36_500));
        var deleted = await memory.PruneAsync(days, includeFacts, CancellationToken.None);
        return TypedResults.Ok(new PruneResultDto(deleted, cutoff, includeFacts));
    }

    [TakesNoBody]
    private static async Task<Accepted<ReindexDto>> ReindexAsync(MemoryIndexService index, MemoryService memory, IHostApplicationLifetime lifetime)
    {
        var started = index.TryStartReindex(lifetime.ApplicationStopping);
        return TypedResults.Accepted($"{MemoryEndpoints.Prefix}/stats", ReindexDto.From(await memory.StatusAsync(CancellationToken.None), started));
    }

    /// <summary>The metadata's JSON text; null when absent. Anything but an object is refused, naming the field.</summary>
    private static string? MetadataText(JsonElement? metadata) => metadata switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Object } m => m.GetRawText(),
        _ => throw new InvalidFieldException("metadata", "'metadata' must be a JSON object."),
    };
}
