using Timmy.Core.Memory;
using Timmy.Core.Memory.Documents;
using Timmy.Core.Refusals;

namespace Timmy.Web.Components.Memory;

/// <summary>The memory's read side for its pages and fragments, as the owner sees it: results for the filters, the
/// figures, the owner's facts and the documents.</summary>
public sealed class MemoryViews(MemoryService memory, DocumentMemory documents, TimeProvider time)
{
    public const int MaxFacts = MemoryService.MaxListLimit;

    public async Task<MemoryResultsModel> ResultsAsync(MemoryFilters filters, CancellationToken ct)
    {
        var (filter, errors) = filters.ToFilter();
        var model = new MemoryResultsModel { Filters = filters, Now = time.GetUtcNow(), Errors = errors };
        if (errors.Count > 0)
        {
            return model;
        }
        try
        {
            if (filters.Query is { } text)
            {
                var result = await memory.SearchAsync(new MemorySearchQuery(text) { Filter = filter, Limit = MemoryFilters.SearchLimit }, ct);
                return model with
                {
                    Items = result.Hits.Select(MemoryItemView.Of).ToList(),
                    SemanticProblem = result.SemanticProblem,
                    LexicalOnlyEmbedder = result.Embedder.LexicalOnly ? result.Embedder : null,
                    Milliseconds = result.Milliseconds,
                };
            }
            var page = await memory.ListAsync(filter, MemoryViewer.Owner, filters.Before, MemoryFilters.PageSize, ct);
            return model with { Items = page.Items.Select(MemoryItemView.Of).ToList(), OlderCursor = page.NextBefore };
        }
        catch (InvalidFieldException ex)
        {
            return model with { Errors = [ex.Message] };
        }
    }

    public async Task<MemoryStatsModel> StatsAsync(CancellationToken ct) => new(await memory.StatusAsync(ct));

    /// <summary>The owner's facts, newest first.</summary>
    public async Task<IReadOnlyList<MemoryEntry>> FactsAsync(CancellationToken ct) =>
        (await memory.ListAsync(
            new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact], AgentId = MemoryFilter.OwnerAgentId }, MemoryViewer.Owner, null, MaxFacts, ct)).Items;

    public Task<IReadOnlyList<MemoryDocument>> DocumentsAsync(CancellationToken ct) => documents.ListAsync(MemoryViewer.Owner, ct);
}
