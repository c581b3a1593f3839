using System.Text.Json;
using Timmy.Core.Events;

namespace Timmy.Web.Components.Memory;

/// <summary>The memory's events in a sentence for the activity feed ("A fact was stored from chat (private)"). A private
/// entry's event carries no content, so its sentence has none either.</summary>
public static class MemoryEventText
{
    public static string? Describe(EventRecord e) => e.EventType switch
    {
        EventType.MemoryStored when Text(e.Data, "document") is { } name =>
            $"Document “{name}” stored in {Number(e.Data, "chunks")} chunks{Sharing(e.Data)}",
        EventType.MemoryStored => $"{Kind(e.Data)} stored from {Text(e.Data, "source") ?? "somewhere"}{Sharing(e.Data)}{Preview(e.Data)}",
        EventType.MemoryUpdated when e.Data.TryGetProperty("entry", out var entry) =>
            $"{Kind(entry)} {(Flag(e.Data, "content_changed") ? "edited" : Flag(entry, "shared") ? "shared" : "made private")}{Preview(entry)}",
        EventType.MemoryDeleted when Text(e.Data, "document_id") is not null => $"Document deleted ({Number(e.Data, "chunks")} chunks)",
        EventType.MemoryDeleted => $"{Kind(e.Data)} deleted",
        EventType.MemoryPruned => $"{Number(e.Data, "deleted")} old memory entries pruned{(Flag(e.Data, "facts_included") ? ", facts included" : "")}",
        EventType.MemoryReindexed =>
            $"{Number(e.Data, "embedded")} entries embedded with {Text(e.Data, "embedder")} ({Number(e.Data, "remaining")} still waiting)",
        _ => null,
    };

    private static string Kind(JsonElement data) => Text(data, "context_type") switch
    {
        "fact" => "A fact",
        "conversation" => "A conversation turn",
        "document" => "A document entry",
        var other => "An entry" + (other is null ? "" : $" ({other})"),
    };

    private static string Sharing(JsonElement data) => Flag(data, "shared") ? " (shared)" : " (private)";

    private static string Preview(JsonElement data) => Text(data, "preview") is { } preview ? $": “{preview}”" : "";

    private static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

    private static string Number(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "?";
}
