using System.Text.Json;
using Timmy.Core.Refusals;

namespace Timmy.Core.Memory;

/// <summary>Checks what a caller asks the memory to store, naming the field (as the API names it) that is wrong.</summary>
public static class MemoryInput
{
    public const int MaxSourceLength = 100;
    public const int MaxIdLength = 200;
    public const int MaxMetadataLength = 8_192;

    /// <exception cref="InvalidFieldException">A field is missing, too long, or not what it should be.</exception>
    public static NewMemory Checked(NewMemory memory, int maxContentLength)
    {
        var content = Content(memory.Content, maxContentLength);
        if (!MemoryContextTypes.IsKnown(memory.ContextType))
        {
            throw new InvalidFieldException("context_type",
                $"'context_type' must be one of {string.Join(", ", MemoryContextTypes.All)} (was '{Shorten(memory.ContextType)}').");
        }
        var source = (memory.Source ?? "").Trim();
        if (source.Length is 0 or > MaxSourceLength)
        {
            throw new InvalidFieldException("source", $"'source' must be 1 to {MaxSourceLength} characters.");
        }
        return memory with
        {
            Content = content,
            Source = source,
            AgentId = Id(memory.AgentId, "agent_id"),
            TaskId = Id(memory.TaskId, "task_id"),
            SessionId = Id(memory.SessionId, "session_id"),
            Metadata = Metadata(memory.Metadata),
        };
    }

    /// <exception cref="InvalidFieldException">The content is empty or too long.</exception>
    public static string Content(string? content, int maxContentLength, string field = "content")
    {
        var trimmed = (content ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new InvalidFieldException(field, $"'{field}' must not be empty.");
        }
        if (trimmed.Length > maxContentLength)
        {
            throw new InvalidFieldException(field,
                $"'{field}' must be at most {maxContentLength} characters (was {trimmed.Length}); upload long text as a document, which is split into chunks.");
        }
        return trimmed;
    }

    private static string? Id(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length > MaxIdLength
            ? throw new InvalidFieldException(field, $"'{field}' must be at most {MaxIdLength} characters.")
            : trimmed;
    }

    private static string? Metadata(string? metadata)
    {
        if (string.IsNullOrWhiteSpace(metadata))
        {
            return null;
        }
        if (metadata.Length > MaxMetadataLength)
        {
            throw new InvalidFieldException("metadata", $"'metadata' must be at most {MaxMetadataLength} characters of JSON.");
        }
        try
        {
            using var document = JsonDocument.Parse(metadata);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.GetRawText()
                : throw new InvalidFieldException("metadata", "'metadata' must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new InvalidFieldException("metadata", "'metadata' must be a JSON object.");
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
