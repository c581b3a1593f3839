namespace Timmy.Web.Api.Memory;

/// <summary>What <c>POST /api/v1/memory/prune</c> deleted: how many entries, stored before <see cref="Cutoff"/>.</summary>
public sealed record PruneResultDto(int Deleted, DateTimeOffset Cutoff, bool IncludeFacts);
