using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Timmy.Web.Api.Memory;

/// <summary>The body of <c>POST /api/v1/memory</c>: what to remember and what it is (conversation, fact or document),
/// where it came from (default "api"), the session and task it belongs to, a JSON object of metadata, and whether the
/// agents may see it. The memory checks lengths against its settings.</summary>
public sealed record StoreMemoryRequest(
    [property: Required(ErrorMessage = "Say what to remember: 'content' is required.")] string? Content,
    [property: Required(ErrorMessage = "'context_type' is required: conversation, fact or document.")] string? ContextType,
    string? Source,
    string? SessionId,
    string? TaskId,
    JsonElement? Metadata,
    bool? Shared);
