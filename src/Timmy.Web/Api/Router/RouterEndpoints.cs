using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;
using Timmy.Core.Router.Status;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Router;

/// <summary>The router's JSON API under <c>/api/v1/router</c> (owner-only through the global policy), and
/// the Prometheus <c>/metrics</c> endpoint beside it. Reading needs the <c>router:read</c> scope,
/// changing anything or running a completion <c>router:control</c> (the owner's cookie holds both).</summary>
public static class RouterEndpoints
{
    public static IEndpointRouteBuilder MapRouterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/router").WithTags("Router").RequireScope(ApiScopes.RouterRead);
        var control = app.MapGroup("/api/v1/router").WithTags("Router").RequireScope(ApiScopes.RouterControl);
        group.MapGet("/status", GetStatus).WithName("GetRouterStatus").WithSummary("Providers, circuits, metrics and the preferred provider.");
        group.MapGet("/providers", GetProviders).WithName("ListRouterProviders").WithSummary("Every provider in cascade priority order.");
        group.MapGet("/providers/{name}", GetProvider).WithName("GetRouterProvider").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One provider's status card.");
        control.MapPost("/providers/{name}/enable", Enable).WithName("EnableRouterProvider").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Enable a provider (persisted).");
        control.MapPost("/providers/{name}/disable", Disable).WithName("DisableRouterProvider").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Disable a provider (persisted).");
        control.MapPost("/providers/{name}/reset", Reset).WithName("ResetRouterProviderCircuit").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Close a provider's circuit.");
        control.MapPost("/providers/{name}/probe", Probe).WithName("ProbeRouterProvider").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Run a provider's health probe now.");
        group.MapGet("/history", GetHistory).WithName("GetRouterHistory").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Per-minute requests, failures, latency and tokens for charts.");
        control.MapPost("/complete", Complete).WithName("RouterComplete").WithSummary("One completion through the cascade.");
        app.MapRouterMetrics();
        return app;
    }

    public static Ok<RouterStatus> GetStatus(RouterService router) => TypedResults.Ok(router.GetStatus());

    public static Ok<IReadOnlyList<ProviderStatus>> GetProviders(RouterService router) => TypedResults.Ok(router.GetStatus().Providers);

    public static Ok<ProviderStatus> GetProvider(string name, RouterService router) => Found(router.GetProvider(name), name);

    [TakesNoBody]
    public static async Task<Ok<ProviderStatus>> Enable(string name, RouterService router, CancellationToken ct) =>
        Found(await router.SetEnabledAsync(name, true, ct), name);

    [TakesNoBody]
    public static async Task<Ok<ProviderStatus>> Disable(string name, RouterService router, CancellationToken ct) =>
        Found(await router.SetEnabledAsync(name, false, ct), name);

    [TakesNoBody]
    public static Ok<ProviderStatus> Reset(string name, RouterService router) => Found(router.ResetCircuit(name), name);

    [TakesNoBody]
    public static async Task<Ok<ProviderStatus>> Probe(string name, RouterService router, CancellationToken ct) =>
        Found(await router.ProbeAsync(name, ct), name);

    public static async Task<Ok<RouterHistoryResponse>> GetHistory(
        RouterService router, TimeProvider time, CancellationToken ct,
        [Range(1, RouterHistoryResponse.MaxMinutes, ErrorMessage = "minutes must be between {1} and {2}.")] int? minutes = null,
        string? provider = null)
    {
        if (provider is not null && router.GetProvider(provider) is null)
        {
            throw new ProviderNotFoundException(provider);
        }
        var since = time.GetUtcNow().AddMinutes(-(minutes ?? 60));
        var rows = await router.GetHistoryAsync(since, provider, ct);
        return TypedResults.Ok(new RouterHistoryResponse(since, rows.Select(RouterHistoryPoint.From).ToList()));
    }

    public static async Task<Results<Ok<RouterCompleteResponse>, ProblemHttpResult>> Complete(
        [FromBody] RouterCompleteRequest request, CascadeRouter router, CancellationToken ct)
    {
        try
        {
            var options = new ChatOptions { ModelId = request.Model, MaxOutputTokens = request.MaxTokens };
            var response = await router.GetResponseAsync(request.ToMessages(), options, ct);
            return TypedResults.Ok(RouterCompleteResponse.From(response));
        }
        catch (NoProviderAvailableException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No LLM provider could answer");
        }
    }

    private static Ok<ProviderStatus> Found(ProviderStatus? status, string name) =>
        TypedResults.Ok(status ?? throw new ProviderNotFoundException(name));
}
