using System.Text.Json;
using Microsoft.Extensions.AI;
using Timmy.Core.Router;
using Timmy.Core.Security;
using Timmy.Web.Api.Chat;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.OpenAiGateway;

/// <summary>The router as an OpenAI-compatible gateway under <c>/v1</c>: <c>GET /v1/models</c> and
/// <c>POST /v1/chat/completions</c> (whole or streamed as server-sent events), for an API token with the
/// <c>chat</c> scope. Answers come from the app's cascade (<see cref="IChatClient"/>), so failover, circuit
/// breakers and metrics apply; refusals use OpenAI's error shape (<see cref="OpenAiErrors"/>).</summary>
public static class GatewayEndpoints
{
    public const string Prefix = "/v1";

    public static IEndpointRouteBuilder MapOpenAiGateway(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("OpenAI-compatible gateway").RequireScope(ApiScopes.Chat);
        group.MapGet("/models", ListModels).WithName("GatewayListModels")
            .Produces<ModelList>().WithSummary("The cascade and every configured model, OpenAI's list shape.");
        // The handler reads the body itself (to refuse in OpenAI's error shape); Accepts documents it.
        group.MapPost("/chat/completions", CompleteAsync).WithName("GatewayChatCompletions")
            .Accepts<ChatCompletionRequest>("application/json")
            .Produces<ChatCompletionResponse>().Produces<ChatCompletionChunk>(contentType: "text/event-stream")
            .Produces<OpenAiErrorBody>(StatusCodes.Status400BadRequest).Produces<OpenAiErrorBody>(StatusCodes.Status404NotFound)
            .Produces<OpenAiErrorBody>(StatusCodes.Status429TooManyRequests).Produces<OpenAiErrorBody>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("An OpenAI chat completion through the cascade, whole or streamed.");
        return app;
    }

    public static IResult ListModels(RouterService router, TimeProvider time) =>
        Results.Json(GatewayModels.List(router.Providers, time.GetUtcNow().ToUnixTimeSeconds()), OpenAiJson.Options);

    public static async Task<IResult> CompleteAsync(
        HttpContext context, IChatClient router, RouterService status, ChatRateLimiter limiter, TimeProvider time, CancellationToken ct)
    {
        ChatCompletionRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ChatCompletionRequest>(context.Request.Body, OpenAiJson.Options, ct);
        }
        catch (JsonException ex)
        {
            return OpenAiErrors.InvalidRequest("The body is not a valid chat completion request: " + ex.Message, ex.Path);
        }
        if (request is null)
        {
            return OpenAiErrors.InvalidRequest("The body must be a JSON object.");
        }
        var (modelId, modelProblem) = GatewayModels.Resolve(request.Model, status.Providers);
        if (modelProblem is not null)
        {
            return OpenAiErrors.ModelNotFound(modelProblem);
        }
        IReadOnlyList<ChatMessage> messages;
        ChatOptions options;
        try
        {
            messages = ChatCompletionMapping.ToMessages(request);
            options = ChatCompletionMapping.ToOptions(request, modelId);
        }
        catch (InvalidCompletionRequestException ex)
        {
            return OpenAiErrors.InvalidRequest(ex.Message, ex.Param);
        }
        if (!limiter.TryTake(ChatRateLimiter.CallerOf(context)))
        {
            return OpenAiErrors.RateLimited(ChatRateLimiter.RefusedMessage);
        }
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var model = modelId ?? GatewayModels.Cascade;
        if (request.Stream == true)
        {
            return await GatewayStream.StartAsync(context, router, messages, options, new GatewayStream.Header(id, created, model),
                request.StreamOptions?.IncludeUsage == true, ct);
        }
        try
        {
            var response = await router.GetResponseAsync(messages, options, ct);
            return Results.Json(ToCompletion(response, id, created, model), OpenAiJson.Options);
        }
        catch (NoProviderAvailableException ex)
        {
            return OpenAiErrors.NoProvider(ex.Message);
        }
    }

    private static ChatCompletionResponse ToCompletion(ChatResponse response, string id, long created, string model)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        var message = new ChatCompletionMessage(
            "assistant",
            calls.Count > 0 && response.Text.Length == 0 ? null : JsonSerializer.SerializeToElement(response.Text),
            ToolCalls: calls.Count > 0 ? calls.Select(c => ChatCompletionMapping.ToToolCall(c)).ToList() : null);
        var usage = response.Usage is { } u
            ? new ChatCompletionUsage(u.InputTokenCount ?? 0, u.OutputTokenCount ?? 0, u.TotalTokenCount ?? (u.InputTokenCount ?? 0) + (u.OutputTokenCount ?? 0))
            : null;
        return new ChatCompletionResponse(id, "chat.completion", created, response.Routing()?.Model ?? response.ModelId ?? model,
            [new ChatCompletionChoice(0, message, ChatCompletionMapping.FinishReason(response.FinishReason, calls.Count > 0))], usage);
    }
}
