using Timmy.Core.Refusals;

namespace Timmy.Core.Events;

/// <summary>No event has that id (never logged, or pruned).</summary>
public sealed class EventNotFoundException(long id) : NotFoundException("No such event", $"There is no event with id {id}.");
