namespace Timmy.Web.Api.Events;

/// <summary>The acknowledgement of a committed batch: the new events' ids, in the order they were sent.</summary>
public sealed record EventBatchResponse(int Count, IReadOnlyList<long> Ids);
