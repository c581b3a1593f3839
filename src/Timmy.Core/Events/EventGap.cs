namespace Timmy.Core.Events;

/// <summary>A subscriber fell behind: <see cref="Missed"/> events starting at <see cref="FromId"/> were
/// dropped from its buffer. They are still in the log, so the subscriber can read them from there.</summary>
public sealed record EventGap(long Missed, long FromId);
