namespace Timmy.Web.Api.Swarm;

/// <summary>One page of <c>GET /api/v1/tasks</c>, newest first; pass <see cref="Next"/> as <c>before</c> for the
/// next (older) page; null at the end of the list.</summary>
public sealed record TaskPageDto(IReadOnlyList<TaskDto> Items, string? Next);
