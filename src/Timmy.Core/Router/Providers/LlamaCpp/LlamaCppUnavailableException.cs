namespace Timmy.Core.Router.Providers.LlamaCpp;

/// <summary>The in-process tier cannot answer (no library, no model file, the model would not load).
/// The message is the reason the probe reports; the router logs it and moves on to the next tier.</summary>
public sealed class LlamaCppUnavailableException(string reason) : InvalidOperationException("llama.cpp tier unavailable: " + reason)
{
    public string Reason { get; } = reason;
}
