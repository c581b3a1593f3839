using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Timmy.Core.Lightning.Funding;
using Timmy.Core.Security;
using Timmy.Core.Swarm;
using Timmy.Core.Swarm.Agents;
using Timmy.Core.Swarm.Personas;
using Timmy.Core.Swarm.Tasks;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Swarm;

/// <summary>The swarm over HTTP under <c>/api/v1</c>: tasks, bids, agents and personas for the owner (<c>swarm:read</c>,
/// <c>swarm:write</c>), and the remote-agent protocol (<c>agents:remote</c>, in <see cref="RemoteAgentEndpoints"/>).</summary>
public static class SwarmEndpoints
{
    public const int MaxIdLength = 64;
    public const int MaxReasonLength = 500;
    public const string AgentIdRequired = "'agent_id' is required.";

    public static IEndpointRouteBuilder MapSwarmEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Swarm").RequireScope(ApiScopes.SwarmRead);
        read.MapGet("/tasks", ListTasksAsync).WithName("ListTasks").ProducesValidationProblem()
            .WithSummary("Tasks, newest first, filtered by status (repeatable), agent, parent and text, paged by the `next` cursor");
        read.MapGet("/tasks/{id}", GetTaskAsync).WithName("GetTask").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One task with its bids (winner marked), routing scores, sub-tasks and event timeline");
        read.MapGet("/tasks/{id}/bids", BidsAsync).WithName("ListBids").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every bid on a task, oldest first, replaced ones included");
        read.MapGet("/swarm/summary", SummaryAsync).WithName("SwarmSummary")
            .WithSummary("Tasks per status, the agents online and the open auctions");
        read.MapGet("/agents", ListAgentsAsync).WithName("ListAgents")
            .WithSummary("Every agent with its record: tasks won, completed and failed, success rate, sats earned, load now");
        read.MapGet("/agents/{id}", GetAgentAsync).WithName("GetAgent").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One agent with its record");
        read.MapGet("/personas", ListPersonas).WithName("ListPersonas")
            .WithSummary("Timmy and the built-in personas: bidding figures, running or stopped, record and what the learner knows");

        var write = app.MapGroup("/api/v1").WithTags("Swarm").RequireScope(ApiScopes.SwarmWrite);
        write.MapPost("/tasks", PostTaskAsync).WithName("PostTask").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Post a task: its auction opens at once, or with `fund: true` once its poster has paid the answer's `funding_invoice` (for the max bid)");
        write.MapPost("/tasks/{id}/cancel", CancelAsync).WithName("CancelTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a task that has not finished (an open auction is dropped, a running persona stops)");
        write.MapPost("/tasks/{id}/repost", RepostAsync).WithName("RepostTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Post a failed or cancelled task again, as a new task naming it");
        write.MapPost("/personas/{id}/spawn", SpawnAsync).WithName("SpawnPersona").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Start a persona: it bids from now on, and starts again with the server");
        write.MapPost("/personas/{id}/stop", StopAsync).WithName("StopPersona")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stop a persona: it stops bidding at once; tasks it is working on run to their end");

        return app.MapRemoteAgentEndpoints();
    }

    private static async Task<Results<Ok<TaskPageDto>, ValidationProblem>> ListTasksAsync(
        [FromQuery(Name = "status")] string[]? status, string? agent, string? parent, string? q, string? before,
        [Range(1, TaskQuery.MaxLimit, ErrorMessage = "'limit' must be from {1} to {2}.")] int? limit, ITaskStore tasks, CancellationToken ct)
    {
        var (query, errors) = TaskListQuery.Parse(status ?? [], agent, parent, q, before, limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await tasks.ListAsync(query, ct);
        return TypedResults.Ok(new TaskPageDto([.. page.Items.Select(TaskDto.From)], page.OlderCursor));
    }

    private static async Task<Ok<TaskDetailDto>> GetTaskAsync(string id, [AsParameters] SwarmServices swarm, CancellationToken ct)
    {
        var task = await swarm.Tasks.GetAsync(id, ct) ?? throw new TaskNotFoundException(id);
        var bids = await swarm.Tasks.BidsAsync(id, ct);
        var subtasks = await swarm.Tasks.ListAsync(new TaskQuery { ParentTaskId = id, Limit = TaskQuery.MaxLimit }, ct);
        var timeline = await swarm.Events.TimelineAsync(id, null, ct);
        return TypedResults.Ok(new TaskDetailDto(
            TaskDto.From(task), [.. bids.Select(BidDto.From)], [.. subtasks.Items.Select(TaskDto.From)], timeline));
    }

    private static async Task<Ok<IReadOnlyList<BidDto>>> BidsAsync(string id, ITaskStore tasks, CancellationToken ct)
    {
        _ = await tasks.GetAsync(id, ct) ?? throw new TaskNotFoundException(id);
        return TypedResults.Ok<IReadOnlyList<BidDto>>([.. (await tasks.BidsAsync(id, ct)).Select(BidDto.From)]);
    }

    private static async Task<Ok<SwarmSummaryDto>> SummaryAsync([AsParameters] SwarmServices swarm, CancellationToken ct)
    {
        var counts = await swarm.Tasks.CountByStatusAsync(ct);
        var online = swarm.Roster.Online.Select(e => e.Agent.Id).Order(StringComparer.Ordinal).ToList();
        var auctions = swarm.Auctions.Open.OrderBy(a => a.ClosesAt).Select(AuctionDto.From).ToList();
        return TypedResults.Ok(new SwarmSummaryDto(counts, counts.Values.Sum(), online, auctions));
    }

    private static async Task<Ok<IReadOnlyList<AgentDto>>> ListAgentsAsync([AsParameters] SwarmServices swarm, CancellationToken ct) =>
        TypedResults.Ok(await swarm.AgentViewsAsync(ct));

    private static async Task<Ok<AgentDto>> GetAgentAsync(string id, [AsParameters] SwarmServices swarm, CancellationToken ct)
    {
        var agent = await swarm.Agents.GetAsync(id, ct) ?? throw new AgentNotFoundException(id);
        return TypedResults.Ok(await swarm.AgentViewAsync(agent, ct));
    }

    private static async Task<Ok<IReadOnlyList<PersonaDto>>> ListPersonas([AsParameters] SwarmServices swarm, CancellationToken ct)
    {
        var stats = await swarm.Agents.StatsAsync(ct);
        return TypedResults.Ok<IReadOnlyList<PersonaDto>>(
            [.. new[] { PersonaCatalog.Timmy }.Concat(PersonaCatalog.All).Select(p => PersonaView(p, swarm, stats.GetValueOrDefault(p.Id)))]);
    }

    private static async Task<Created<TaskDto>> PostTaskAsync([FromBody] PostTaskRequest body, ClaimsPrincipal user, SwarmCoordinator coordinator, TaskFunding funding)
    {
        var actor = ActorOf(user);
        var post = new TaskPost(body.Description!, body.MaxBidSats, body.ParentTaskId);
        // Not the request's token: once the task is taken, it is posted whether or not the caller waits.
        if (body.Fund == true)
        {
            var (held, invoice) = await funding.PostAsync(post, actor, actor, CancellationToken.None);
            return TypedResults.Created(TaskAddress(held.Id), TaskDto.From(held) with { FundingInvoice = invoice.Invoice });
        }
        var task = await coordinator.PostAsync(post, actor, actor, CancellationToken.None);
        return TypedResults.Created(TaskAddress(task.Id), TaskDto.From(task));
    }

    [TakesNoBody]
    private static async Task<Ok<TaskDto>> CancelAsync(string id, ClaimsPrincipal user, SwarmCoordinator coordinator) =>
        TypedResults.Ok(TaskDto.From(await coordinator.CancelAsync(id, ActorOf(user), CancellationToken.None)));

    [TakesNoBody]
    private static async Task<Created<TaskDto>> RepostAsync(string id, ClaimsPrincipal user, SwarmCoordinator coordinator)
    {
        var actor = ActorOf(user);
        var task = await coordinator.RepostAsync(id, actor, actor, CancellationToken.None);
        return TypedResults.Created(TaskAddress(task.Id), TaskDto.From(task));
    }

    [TakesNoBody]
    private static async Task<Ok<PersonaDto>> SpawnAsync(string id, ClaimsPrincipal user, [AsParameters] SwarmServices swarm)
    {
        var agent = await swarm.Roster.SpawnAsync(id, ActorOf(user), CancellationToken.None);
        return TypedResults.Ok(await PersonaViewAsync(agent.Id, swarm));
    }

    [TakesNoBody]
    private static async Task<Ok<PersonaDto>> StopAsync(string id, ClaimsPrincipal user, [AsParameters] SwarmServices swarm)
    {
        var agent = await swarm.Roster.StopAsync(id, ActorOf(user), CancellationToken.None);
        return TypedResults.Ok(await PersonaViewAsync(agent.Id, swarm));
    }

    public static string TaskAddress(string taskId) => $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}";

    /// <summary>Who acted: the token's name (<c>token:…</c>) or the signed-in owner.</summary>
    public static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static async Task<PersonaDto> PersonaViewAsync(string personaId, SwarmServices swarm)
    {
        var stats = await swarm.Agents.StatsAsync(CancellationToken.None);
        return PersonaView(PersonaCatalog.Find(personaId)!, swarm, stats.GetValueOrDefault(personaId));
    }

    private static PersonaDto PersonaView(Persona persona, SwarmServices swarm, AgentStats? stats) =>
        PersonaDto.From(persona, swarm.Roster.Find(persona.Id) is not null, stats, swarm.Learner.Describe(persona.Id));
}
