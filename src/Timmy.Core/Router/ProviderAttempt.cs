namespace Timmy.Core.Router;

/// <summary>Why one provider did not answer a request: skipped (disabled, not configured, circuit open) or failed.</summary>
public sealed record ProviderAttempt(string Provider, bool Skipped, string Reason)
{
    public override string ToString() => $"{Provider}: {(Skipped ? "skipped" : "failed")} ({Reason})";
}
