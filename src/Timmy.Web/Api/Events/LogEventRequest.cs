using System.Text.Json;

namespace Timmy.Web.Api.Events;

/// <summary>The body of <c>POST /api/v1/events</c>.</summary>
public sealed record LogEventRequest(string? EventType, string? Source, string? TaskId, string? AgentId, JsonElement? Data);
