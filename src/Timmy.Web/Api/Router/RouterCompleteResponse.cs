using Microsoft.Extensions.AI;
using Timmy.Core.Router;

namespace Timmy.Web.Api.Router;

/// <summary>Answer of <c>POST /api/v1/router/complete</c>.</summary>
public sealed record RouterCompleteResponse(
    string Text, string? Provider, string? Model, bool FallbackUsed, double LatencyMs, long? TokensIn, long? TokensOut)
{
    public static RouterCompleteResponse From(ChatResponse response)
    {
        var props = response.AdditionalProperties;
        return new RouterCompleteResponse(
            response.Text,
            props?.GetValueOrDefault(RouterResponseKeys.Provider) as string,
            props?.GetValueOrDefault(RouterResponseKeys.Model) as string,
            props?.GetValueOrDefault(RouterResponseKeys.FallbackUsed) is true,
            Math.Round(props?.GetValueOrDefault(RouterResponseKeys.LatencyMs) as double? ?? 0, 2),
            response.Usage?.InputTokenCount,
            response.Usage?.OutputTokenCount);
    }
}
