using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>One page of <c>GET /api/v1/events</c>, newest first, with the cursors for the pages beside it.</summary>
public sealed record EventPageDto(IReadOnlyList<EventRecord> Items, long? NextCursor, long? PrevCursor);
