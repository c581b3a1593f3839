using System.Text.Json;
using Timmy.Core.Refusals;

namespace Timmy.Core.Memory.Facts;

/// <summary>
/// Facts the owner keeps about themself, learned from what they say to Timmy (<see cref="OwnerFactExtractor"/>: the
/// router when a model answers, careful rules otherwise) or added by hand. A keyed fact (their name, where they live)
/// replaces the one stored under the same key; an unkeyed fact already known word for word is not stored twice.
/// </summary>
public sealed class OwnerFacts(MemoryService memory, IMemoryStore store, OwnerFactExtractor extractor)
{
    public const string ChatSource = "chat";

    /// <summary>Learns what the owner states about themself in one message, through the model when
    /// <paramref name="useModel"/> (the rules when it cannot answer) or by the rules alone; returns the entries stored or updated.</summary>
    public async Task<IReadOnlyList<MemoryEntry>> LearnFromAsync(
        string ownerMessage, string? sessionId, bool useModel = true, CancellationToken cancellationToken = default)
    {
        var extraction = useModel
            ? await extractor.ExtractAsync(ownerMessage, cancellationToken)
            : new FactExtraction(FactRules.Extract(ownerMessage), ByModel: false);
        var learned = new List<MemoryEntry>();
        foreach (var fact in extraction.Facts)
        {
            if (await RecordAsync(fact, ChatSource, sessionId, extraction.ByModel, cancellationToken: cancellationToken) is { Changed: true } recorded)
            {
                learned.Add(recorded.Entry);
            }
        }
        return learned;
    }

    /// <summary>Stores a fact (shared with the agents when <paramref name="shared"/>), or updates the one under its key
    /// (its sharing too, when <paramref name="shared"/> is given); when the fact was already known as it is, answers the
    /// entry that knew it, unchanged.</summary>
    /// <exception cref="InvalidFieldException">The fact's text is empty or too long.</exception>
    public async Task<RememberedFact> RecordAsync(
        StatedFact fact, string source, string? sessionId = null, bool byModel = false, bool? shared = null,
        CancellationToken cancellationToken = default)
    {
        var key = FactKeys.Normalise(fact.Key);
        if (key is not null && await store.FactByKeyAsync(key, cancellationToken) is { } known)
        {
            return string.Equals(known.Content, fact.Text.Trim(), StringComparison.OrdinalIgnoreCase)
                ? new RememberedFact(known, false, false)
                : new RememberedFact(await memory.UpdateAsync(known.Id, new MemoryEdit(fact.Text, shared), MemoryViewer.Owner, cancellationToken), true, false);
        }
        if (key is null && await KnownWordForWordAsync(fact.Text, cancellationToken) is { } same)
        {
            return new RememberedFact(same, false, false);
        }
        return new RememberedFact(await memory.StoreAsync(new NewMemory(fact.Text, MemoryContextTypes.Fact, source)
        {
            SessionId = sessionId,
            Shared = shared ?? false,
            Metadata = JsonSerializer.Serialize(new { fact_key = key, learned_by = byModel ? "model" : "rules" }),
        }, cancellationToken), true, true);
    }

    private async Task<MemoryEntry?> KnownWordForWordAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MemorySearchQuery.MaxTextLength)
        {
            return null;
        }
        var similar = await memory.SearchAsync(new MemorySearchQuery(text)
        {
            Filter = new MemoryFilter { ContextTypes = [MemoryContextTypes.Fact], AgentId = MemoryFilter.OwnerAgentId },
            Limit = 5,
        }, cancellationToken);
        return similar.Hits.Select(h => h.Entry).FirstOrDefault(e => string.Equals(e.Content, text.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
