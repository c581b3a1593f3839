namespace Timmy.Core.Router;

/// <summary>Keys the router puts into <c>ChatResponse.AdditionalProperties</c> (and on every streaming update)
/// so callers can show who answered.</summary>
public static class RouterResponseKeys
{
    /// <summary>Name of the provider that answered (string).</summary>
    public const string Provider = "timmy.router.provider";

    /// <summary>Model that answered (string).</summary>
    public const string Model = "timmy.router.model";

    /// <summary>True when the answer did not come from the highest-priority usable provider (bool).</summary>
    public const string FallbackUsed = "timmy.router.fallback_used";

    /// <summary>Whole call through the router, in ms (double). Non-streaming only.</summary>
    public const string LatencyMs = "timmy.router.latency_ms";

    /// <summary>Streaming: time until the first token, in ms (double); on the first update.</summary>
    public const string TimeToFirstTokenMs = "timmy.router.ttft_ms";
}
