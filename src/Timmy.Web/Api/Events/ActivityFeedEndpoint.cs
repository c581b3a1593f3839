using System.Globalization;
using Microsoft.Extensions.Options;
using Timmy.Core.Events;
using Timmy.Core.Security;
using Timmy.Web.Auth;

namespace Timmy.Web.Api.Events;

/// <summary><c>/ws/events</c>: the activity feed's WebSocket. Unauthenticated upgrades are refused with
/// 401 before the handshake; over the per-address cap, 429.</summary>
public static class ActivityFeedEndpoint
{
    public static IServiceCollection AddActivityFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedConnectionRegistry>();
        return services;
    }

    public static IEndpointRouteBuilder MapActivityFeed(this IEndpointRouteBuilder app)
    {
        app.Map("/ws/events", HandleAsync).RequireScope(ApiScopes.EventsRead).ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext context,
        IEventBus bus,
        IEventStore store,
        IOptions<EventsOptions> options,
        TimeProvider time,
        FeedConnectionRegistry registry,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(detail: "This endpoint speaks WebSocket only.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        var errors = new Dictionary<string, string[]>();
        long? since = null;
        if (context.Request.Query["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (long.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["since"] = ["'since' must be an event id (a whole number)."];
            }
        }
        if (!EventTypePattern.TryParseAll(EventQueryParser.Values(context.Request.Query["types"]), out var types, out var typeError))
        {
            errors["types"] = [typeError];
        }
        if (errors.Count > 0)
        {
            await Results.ValidationProblem(errors).ExecuteAsync(context);
            return;
        }
        if (!registry.TryEnter(context.Connection.RemoteIpAddress, out var key))
        {
            await Results.Problem(detail: "Too many live connections from this address.", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }
        try
        {
            var settings = options.Value;
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = settings.HeartbeatInterval,
                KeepAliveTimeout = settings.HeartbeatInterval * 2,
            });
            var session = new FeedSession(socket, bus, store, settings, time, registry, loggers.CreateLogger<FeedSession>());
            await session.RunAsync(since, types, context.RequestAborted);
        }
        finally
        {
            registry.Leave(key);
        }
    }
}
