using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Web.Api.Router;

/// <summary>Answer of <c>POST /api/v1/router/complete</c>.</summary>
public sealed record RouterCompleteResponse(
    string Text, string? Provider, string? Model, bool FallbackUsed, double LatencyMs, long? TokensIn, long? TokensOut)
{
    public static RouterCompleteResponse From(ChatResponse response)
    {
        var routing = response.Routing();
        return new RouterCompleteResponse(
            response.Text,
            routing?.Provider,
            routing?.Model,
            routing?.FallbackUsed ?? false,
            Math.Round(routing?.LatencyMs ?? 0, 2),
            response.Usage?.InputTokenCount,
            response.Usage?.OutputTokenCount);
    }
}
