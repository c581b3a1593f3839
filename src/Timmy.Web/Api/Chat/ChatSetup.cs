using Timmy.Core.Chat;

namespace Timmy.Web.Api.Chat;

/// <summary>Timmy's chat in the host: the agent and its store, plus the chat rate limit
/// (<see cref="ChatRateLimiter"/>) that the chat API's questions and the home page's form take from.</summary>
public static class ChatSetup
{
    /// <summary>Refuses a question with 429 when the caller's chat allowance is used up.</summary>
    public static TBuilder RequireChatAllowance<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ChatRateLimiter>().TryTake(context.HttpContext)
                ? await next(context)
                : TypedResults.Problem(title: "Too many requests", detail: ChatRateLimiter.RefusedMessage, statusCode: StatusCodes.Status429TooManyRequests));

    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddTimmyAgent();
        services.AddSingleton<ChatRateLimiter>();
        return services;
    }
}
