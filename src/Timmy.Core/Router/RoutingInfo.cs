namespace Timmy.Core.Router;

/// <summary>Who answered a call through the <see cref="CascadeRouter"/>: read it with
/// <see cref="RoutingExtensions.Routing(Microsoft.Extensions.AI.ChatResponse)"/> on the response or on any
/// streamed update. Behind a function-invoking client it describes the last call of the tool loop.</summary>
/// <param name="Provider">The provider that answered.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="FallbackUsed">True when the answer did not come from the highest-priority provider.</param>
public sealed record RoutingInfo(string Provider, string? Model, bool FallbackUsed)
{
    /// <summary>The whole call through the router, failed attempts included, in ms. Non-streaming only.</summary>
    public double? LatencyMs { get; init; }

    /// <summary>Time until the first token of the answering provider, in ms. Streaming only.</summary>
    public double? TimeToFirstTokenMs { get; init; }
}
