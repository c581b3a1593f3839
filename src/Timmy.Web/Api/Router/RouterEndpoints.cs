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
        group.MapGet("/providers/{name}", GetProvider).WithName("GetRouterProvider").WithSummary("One provider's status card.");
        control.MapPost("/providers/{name}/enable", Enable).WithName("EnableRouterProvider").WithSummary("Enable a provider (persisted).");
        control.MapPost("/providers/{name}/disable", Disable).WithName("DisableRouterProvider").WithSummary("Disable a provider (persisted).");
        control.MapPost("/providers/{name}/reset", Reset).WithName("ResetRouterProviderCircuit").WithSummary("Close a provider's circuit.");
        control.MapPost("/providers/{name}/probe", Probe).WithName("ProbeRouterProvider").WithSummary("Run a provider's health probe now.");
        group.MapGet("/history", GetHistory).WithName("GetRouterHistory").WithSummary("Per-minute requests, failures, latency and tokens for charts.");
        control.MapPost("/complete", Complete).WithName("RouterComplete").WithSummary("One completion through the cascade.");
        app.MapRouterMetrics();
        return app;
    }

    public static Ok<RouterStatus> GetStatus(RouterService router) => TypedResults.Ok(router.GetStatus());

    public static Ok<IReadOnlyList<ProviderStatus>> GetProviders(RouterService router) => TypedResults.Ok(router.GetStatus().Providers);

    public static Results<Ok<ProviderStatus>, NotFound<ProblemDetails>> GetProvider(string name, RouterService router) =>
        Found(router.GetProvider(name), name);

    public static async Task<Results<Ok<ProviderStatus>, NotFound<ProblemDetails>>> Enable(string name, RouterService router, CancellationToken ct) =>
        Found(await router.SetEnabledAsync(name, true, ct), name);

    public static async Task<Results<Ok<ProviderStatus>, NotFound<ProblemDetails>>> Disable(string name, RouterService router, CancellationToken ct) =>
        Found(await router.SetEnabledAsync(name, false, ct), name);

    public static Results<Ok<ProviderStatus>, NotFound<ProblemDetails>> Reset(string name, RouterService router) =>
        Found(router.ResetCircuit(name), name);

    public static async Task<Results<Ok<ProviderStatus>, NotFound<ProblemDetails>>> Probe(string name, RouterService router, CancellationToken ct) =>
        Found(await router.ProbeAsync(name, ct), name);

    public static async Task<Results<Ok<RouterHistoryResponse>, ValidationProblem, NotFound<ProblemDetails>>> GetHistory(
        RouterService router, TimeProvider time, CancellationToken ct, int? minutes = null, string? provider = null)
    {
        var window = minutes ?? 60;
        if (window is < 1 or > RouterHistoryResponse.MaxMinutes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["minutes"] = [$"minutes must be between 1 and {RouterHistoryResponse.MaxMinutes}."],
            });
        }
        if (provider is not null && router.GetProvider(provider) is null)
        {
            return NotFoundProvider(provider);
        }
        var since = time.GetUtcNow().AddMinutes(-window);
        var rows = await router.GetHistoryAsync(since, provider, ct);
        return TypedResults.Ok(new RouterHistoryResponse(since, rows.Select(RouterHistoryPoint.From).ToList()));
    }

    public static async Task<Results<Ok<RouterCompleteResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        HttpRequest http, CascadeRouter router, RouterService status, CancellationToken ct)
    {
        var (request, invalid) = await JsonBody.ReadAsync<RouterCompleteRequest>(http, RouterCompleteRequest.Shape, ct);
        if (request is null)
        {
            return invalid!;
        }
        var errors = request.Validate(status.Providers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
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

    private static Results<Ok<ProviderStatus>, NotFound<ProblemDetails>> Found(ProviderStatus? status, string name) =>
        status is null ? NotFoundProvider(name) : TypedResults.Ok(status);

    private static NotFound<ProblemDetails> NotFoundProvider(string name) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Unknown provider",
            Detail = $"No provider is named '{(name.Length > 60 ? name[..60] + "…" : name)}'.",
        });
}
