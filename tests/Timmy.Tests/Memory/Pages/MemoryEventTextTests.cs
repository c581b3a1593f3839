using Timmy.Core.Events;
using Timmy.Core.Memory;
using Timmy.Web.Components.Events;

namespace Timmy.Tests.Memory.Pages;

/// <summary>The activity feed says what happened to the memory in a sentence, and never what a private entry says.</summary>
public sealed class MemoryEventTextTests
{
    private static readonly MemoryEntry Private = new("m1", "My bank PIN hint", "chat", MemoryContextTypes.Fact, null, null, "c1", "{}", false,
        DateTimeOffset.UnixEpoch, null, "e");

    [Fact]
    public void AStoredPrivateFact_IsDescribedWithoutItsContent()
    {
        var text = ActivityDescription.For(Record(MemoryEvents.Stored(Private)));

        Assert.Equal("A fact stored from chat (private)", text);
    }

    [Fact]
    public void AStoredSharedEntry_ShowsItsStart()
    {
        var text = ActivityDescription.For(Record(MemoryEvents.Stored(Private with { Shared = true, Content = "Tabs break the parser" })));

        Assert.Equal("A fact stored from chat (shared): “Tabs break the parser”", text);
    }

    [Fact]
    public void DocumentsEditsPrunesAndReindexes_ReadAsSentences()
    {
        var chunk = Private with { ContextType = MemoryContextTypes.Document, Shared = true };
        Assert.Equal("Document “notes.md” stored in 2 chunks (shared)", ActivityDescription.For(Record(MemoryEvents.DocumentStored("d1", "notes.md", [chunk, chunk]))));
        Assert.Equal("A fact edited", ActivityDescription.For(Record(MemoryEvents.Updated(Private, Private with { Content = "other" }))));
        Assert.Equal("A fact shared: “My bank PIN hint”", ActivityDescription.For(Record(MemoryEvents.Updated(Private, Private with { Shared = true }))));
        Assert.Equal("A fact deleted", ActivityDescription.For(Record(MemoryEvents.Deleted(Private))));
        Assert.Equal("3 old memory entries pruned", ActivityDescription.For(Record(MemoryEvents.Pruned(3, DateTimeOffset.UnixEpoch, false))));
        Assert.Equal("5 entries embedded with minilm/x (0 still waiting)", ActivityDescription.For(Record(MemoryEvents.Reindexed("minilm/x", 5, 0, 1.5))));
    }

    private static EventRecord Record(EventDraft draft) =>
        new(1, draft.EventType, draft.Source, draft.TaskId, draft.AgentId,
            EventSanitizer.Data(draft.Data), DateTimeOffset.UnixEpoch);
}
