using Timmy.Core.Events;

namespace Timmy.Web.Api.Swarm;

/// <summary><c>GET /api/v1/tasks/{id}</c>: the task, every bid on it (the winner marked), its sub-tasks (newest
/// first) and its event timeline (oldest first).</summary>
public sealed record TaskDetailDto(TaskDto Task, IReadOnlyList<BidDto> Bids, IReadOnlyList<TaskDto> Subtasks, IReadOnlyList<EventRecord> Timeline);
