using Microsoft.Extensions.AI;

namespace Timmy.Core.Router.Providers;

/// <summary>What a provider factory built: a ready tier (chat client + probe), or the reason there is none
/// ("not configured: OPENAI_API_KEY is not set", "unavailable: llama.cpp tier not built into this binary").</summary>
public sealed record ProviderClient(IChatClient? Chat, IProviderProbe? Probe, string? UnavailableReason)
{
    public static ProviderClient Ready(IChatClient chat, IProviderProbe probe) => new(chat, probe, null);

    public static ProviderClient NotConfigured(string reason) => new(null, null, "not configured: " + reason);

    public static ProviderClient Unavailable(string reason) => new(null, null, "unavailable: " + reason);

    public bool IsReady => Chat is not null && Probe is not null;
}
