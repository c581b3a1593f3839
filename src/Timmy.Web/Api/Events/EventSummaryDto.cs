using Timmy.Core.Events;

namespace Timmy.Web.Api.Events;

/// <summary>Counts per event type over the last <see cref="WindowMinutes"/> minutes.</summary>
public sealed record EventSummaryDto(int WindowMinutes, long Total, IReadOnlyList<EventTypeCount> Counts);
