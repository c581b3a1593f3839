using System.Text.Json;

namespace Timmy.Web.Components.Memory;

/// <summary>What an entry's metadata says that the pages show: a document chunk's document, position and heading, a
/// fact's key. Metadata the page does not know (or that is not an object) reads as nothing.</summary>
public sealed record EntryMetadata(string? DocumentId, string? Document, int? Chunk, int? Chunks, string? Heading, int? FirstLine, int? LastLine, string? FactKey)
{
    public static EntryMetadata Empty { get; } = new(null, null, null, null, null, null, null, null);

    /// <summary>"chunk 2 of 5 · lines 12–30".</summary>
    public string? Position => Chunk is { } chunk && Chunks is { } chunks
        ? $"chunk {chunk + 1} of {chunks}" + (FirstLine is { } first && LastLine is { } last ? $" · lines {first}–{last}" : "")
        : null;

    public static EntryMetadata Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? Empty
                : new EntryMetadata(
                    Text(root, "document_id"), Text(root, "document"), Number(root, "chunk"), Number(root, "chunks"), Text(root, "heading"),
                    Number(root, "first_line"), Number(root, "last_line"), Text(root, "fact_key"));
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static int? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
