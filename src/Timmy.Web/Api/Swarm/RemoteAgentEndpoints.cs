using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Timmy.Core.Security;
using Timmy.Core.Swarm;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Swarm;

/// <summary>The remote-agent protocol under <c>/api/v1</c> (scope <c>agents:remote</c>): an agent on another machine
/// registers with the owner's token, polls for work (which also counts as its heartbeat), bids or declines, and
/// reports the result or failure of the tasks it won. A token acts only for the agents it registered.</summary>
public static class RemoteAgentEndpoints
{
    public const int MaxWaitSeconds = 60;

    public static IEndpointRouteBuilder MapRemoteAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var remote = app.MapGroup("/api/v1").WithTags("Remote agents").RequireScope(ApiScopes.AgentsRemote)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        remote.MapPost("/agents", RegisterAsync).WithName("RegisterAgent").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register a remote agent (201), or register it again (200: its history is kept)");
        remote.MapPost("/agents/{id}/heartbeat", HeartbeatAsync).WithName("AgentHeartbeat").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check in: an agent silent for longer than the heartbeat timeout goes offline");
        remote.MapGet("/agents/{id}/work", WorkAsync).WithName("AgentWork").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Long-poll (wait 0–60 s) for open auctions the agent has not answered and tasks it won; counts as a heartbeat");
        remote.MapDelete("/agents/{id}", DeregisterAsync).WithName("DeregisterAgent").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Leave the swarm: the agent goes offline and stops being offered work");
        remote.MapPost("/tasks/{id}/bids", BidAsync).WithName("BidOnTask").ProducesAgentRefusals()
            .WithSummary("Bid on an open auction, in whole sats up to the task's max bid (a new bid replaces the agent's earlier one)");
        remote.MapPost("/tasks/{id}/decline", DeclineAsync).WithName("DeclineTask").ProducesAgentRefusals()
            .WithSummary("Pass on an open auction: it stops waiting for this agent");
        remote.MapPost("/tasks/{id}/start", StartAsync).WithName("StartTask").ProducesAgentRefusals()
            .WithSummary("The winner starts work on its task (assigned → running)");
        remote.MapPost("/tasks/{id}/result", ResultAsync).WithName("ReportTaskResult").ProducesAgentRefusals()
            .WithSummary("The winner reports its result (Markdown): the task completes and the agent earns its bid");
        remote.MapPost("/tasks/{id}/fail", FailAsync).WithName("ReportTaskFailure").ProducesAgentRefusals()
            .WithSummary("The winner reports that it could not do the task: the task fails with its error");
        return app;
    }

    private static async Task<Results<Created<AgentDto>, Ok<AgentDto>>> RegisterAsync(
        [FromBody] RegisterAgentRequest body, RemoteCaller caller, [AsParameters] SwarmServices swarm)
    {
        var known = await swarm.Agents.GetAsync(body.Id!.Trim(), CancellationToken.None) is not null;
        var agent = await swarm.Roster.RegisterRemoteAsync(body.Id, body.Name, body.Capabilities, caller.TokenId, caller.Actor, CancellationToken.None);
        var view = await swarm.AgentViewAsync(agent, CancellationToken.None);
        return known ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/agents/{Uri.EscapeDataString(agent.Id)}", view);
    }

    [TakesNoBody]
    private static async Task<Ok<HeartbeatDto>> HeartbeatAsync(string id, RemoteCaller caller, [AsParameters] SwarmServices swarm, IOptions<SwarmOptions> options)
    {
        var agent = await swarm.Roster.HeartbeatAsync(id, caller.TokenId, CancellationToken.None);
        return TypedResults.Ok(new HeartbeatDto(agent.Id, agent.Status, agent.LastSeen, options.Value.HeartbeatTimeoutSeconds));
    }

    private static async Task<Ok<RemoteWorkDto>> WorkAsync(
        string id, [Range(0, MaxWaitSeconds, ErrorMessage = "'wait' must be from {1} to {2} seconds.")] int? wait, RemoteCaller caller,
        SwarmCoordinator coordinator, CancellationToken ct)
    {
        var work = await coordinator.WorkForAsync(id, caller.TokenId, TimeSpan.FromSeconds(wait ?? 0), ct);
        return TypedResults.Ok(new RemoteWorkDto([.. work.Auctions.Select(WorkOfferDto.From)], [.. work.Assigned.Select(TaskDto.From)]));
    }

    private static async Task<NoContent> DeregisterAsync(string id, RemoteCaller caller, [AsParameters] SwarmServices swarm)
    {
        await swarm.Roster.DeregisterAsync(id, caller.TokenId, caller.Actor, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Created<BidDto>> BidAsync(string id, [FromBody] BidRequest body, RemoteCaller caller, [AsParameters] SwarmServices swarm)
    {
        await swarm.Roster.RemoteAgentAsync(body.AgentId!, caller.TokenId, CancellationToken.None);
        var bid = await swarm.Auctions.BidAsync(id, body.AgentId!, body.AmountSats!.Value, body.Reason, caller.Actor, CancellationToken.None);
        return TypedResults.Created($"{SwarmEndpoints.TaskAddress(id)}/bids", BidDto.From(bid));
    }

    private static async Task<NoContent> DeclineAsync(string id, [FromBody] DeclineRequest body, RemoteCaller caller, [AsParameters] SwarmServices swarm)
    {
        await swarm.Roster.RemoteAgentAsync(body.AgentId!, caller.TokenId, CancellationToken.None);
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? "declined" : body.Reason.Trim();
        await swarm.Auctions.DeclineAsync(id, body.AgentId!, reason, caller.Actor, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TaskDto>> StartAsync(string id, [FromBody] StartTaskRequest body, RemoteCaller caller, SwarmCoordinator coordinator) =>
        TypedResults.Ok(TaskDto.From(await coordinator.StartRemoteAsync(id, body.AgentId!, caller.TokenId, CancellationToken.None)));

    private static async Task<Ok<TaskDto>> ResultAsync(string id, [FromBody] TaskResultRequest body, RemoteCaller caller, SwarmCoordinator coordinator) =>
        TypedResults.Ok(TaskDto.From(await coordinator.CompleteRemoteAsync(id, body.AgentId!, caller.TokenId, body.Result, body.Invoice, CancellationToken.None)));

    private static async Task<Ok<TaskDto>> FailAsync(string id, [FromBody] TaskFailureRequest body, RemoteCaller caller, SwarmCoordinator coordinator) =>
        TypedResults.Ok(TaskDto.From(await coordinator.FailRemoteAsync(id, body.AgentId!, caller.TokenId, body.Error, CancellationToken.None)));

    /// <summary>The refusals an agent's action on a task can meet, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder ProducesAgentRefusals(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
