using Microsoft.Extensions.Options;
using Timmy.Core.Agents;
using Timmy.Core.Router;

namespace Timmy.Core.Chat;

/// <summary>How many prompt tokens the next answer may use: the context window of the model that will most
/// likely answer (the router's preferred provider's default model, from router options) minus the reply
/// reserve. The cascade may still fall back to another provider; a smaller window there is that provider's
/// to refuse, and the cascade then moves on.</summary>
public sealed class ContextBudget(ProviderRegistry registry, IOptions<ChatAgentOptions> options)
{
    public const int FallbackContextWindow = 4_096;

    /// <summary>The most stored messages a prompt is built from, however large the window.</summary>
    public const int MaxPromptMessages = 400;

    public int ContextWindow()
    {
        var provider = registry.Preferred ?? registry.Primary;
        var model = provider?.Options.DefaultModel;
        return provider?.Options.Models.FirstOrDefault(m => m.Name == model)?.ContextWindow ?? FallbackContextWindow;
    }

    /// <summary>Tokens kept free for the reply: the configured reserve, at most half the window.</summary>
    public int ReplyReserve() => Math.Min(options.Value.ReplyReserveTokens, ContextWindow() / 2);

    public int PromptTokens() => ContextWindow() - ReplyReserve();

    /// <summary>How many of the newest stored messages are worth reading for a prompt: each costs at least
    /// <see cref="TokenEstimator.PerMessageOverhead"/> tokens, so more could never fit; at most <see cref="MaxPromptMessages"/>.</summary>
    public int PromptMessages() => Math.Clamp(PromptTokens() / TokenEstimator.PerMessageOverhead, 1, MaxPromptMessages);
}
