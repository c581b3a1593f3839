using Timmy.Web.Components.Chat;
using Timmy.Core.Chat;

namespace Timmy.Web.Api.Chat;

/// <summary>Timmy's chat in the host: the agent and its conversations, the chat rate limit
/// (<see cref="ChatRateLimiter"/>) and the one flow (<see cref="ChatFlow"/>) that the API, the home page's form
/// and the CLI ask through.</summary>
public static class ChatSetup
{
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddTimmyAgent();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<ChatFlow>();
        services.AddScoped<ChatTurnHtml>();
        return services;
    }
}
