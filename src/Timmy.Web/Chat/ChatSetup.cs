using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Timmy.Core.Chat;

namespace Timmy.Web.Chat;

/// <summary>Timmy's chat in the host: the agent and its store, plus the chat rate limit (per signed-in
/// owner or token, else per address) on the chat API.</summary>
public static class ChatSetup
{
    public const string RateLimit = "chat";

    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddTimmyAgent();
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<ChatAgentOptions>>().Value.RequestsPerMinute;
            var key = context.User.Identity?.IsAuthenticated == true
                ? "user:" + context.User.Identity.Name
                : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        }));
        return services;
    }
}
