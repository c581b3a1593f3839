using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Timmy.Core.Agents;
using Timmy.Core.Refusals;
using Timmy.Core.Router;
using Timmy.Core.Security;
using Timmy.Web.Api.Chat;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Lightning.L402;

/// <summary><c>POST /api/v1/serve/chat</c>, the paid question: answered through the app's cascade
/// (<see cref="IChatClient"/>), for the owner (cookie, or an API token with <c>chat</c>) or anyone with a paid L402
/// token for it (the priced route's scheme signs them in with that scope). A token priced per model token caps the
/// answer at what it has left and is charged the router's counts.</summary>
public static class ServeChatEndpoint
{
    public const string Path = "/api/v1/serve/chat";

    public static IEndpointRouteBuilder MapServeChat(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, AnswerAsync).RequireScope(ApiScopes.Chat).WithTags("L402").WithName("ServeChat")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Ask one question through the cascade; paid with an L402 token, free for the owner");
        return app;
    }

    private static async Task<Results<Ok<ServeChatAnswer>, ProblemHttpResult>> AnswerAsync(
        [FromBody] ServeChatRequest body, IChatClient router, ChatRateLimiter limiter, HttpContext context, CancellationToken ct)
    {
        if (!limiter.TryTake(ChatRateLimiter.CallerOf(context)))
        {
            throw new LimitExceededException(ChatRateLimiter.RefusedMessage);
        }
        var grant = context.Features.Get<L402Grant>();
        var maxTokens = (int)Math.Min(body.MaxTokens ?? ServeChatRequest.DefaultMaxTokens, grant?.TokensRemaining ?? long.MaxValue);
        var question = new ChatMessage(ChatRole.User, body.Message);
        ChatResponse response;
        try
        {
            response = await router.GetResponseAsync([question], new ChatOptions { MaxOutputTokens = maxTokens }, ct);
        }
        catch (NoProviderAvailableException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No model available");
        }
        var usage = new ServeChatUsage(
            response.Usage?.InputTokenCount ?? TokenEstimator.Estimate(question),
            response.Usage?.OutputTokenCount ?? TokenEstimator.Estimate(response.Text));
        grant?.RecordTokens(usage.InputTokens + usage.OutputTokens);
        var model = response.Routing()?.Model ?? response.ModelId ?? "timmy";
        return TypedResults.Ok(new ServeChatAnswer(response.Text, model, usage));
    }
}
