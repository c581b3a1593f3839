using Microsoft.Extensions.Logging;
using Timmy.Core.Router.Providers.LlamaCpp;

namespace Timmy.Core.Router.Providers;

/// <summary>The in-process llama.cpp tier. Its model is <c>model_path</c> when set, else the provider's
/// default model name looked up in Ollama's local store; the context size is that model's context window.
/// Loading happens on first probe or call; a missing or unloadable model reports "unavailable: …".</summary>
public static class LlamaCppProviderFactory
{
    public static ProviderClient Create(ProviderOptions provider, ILogger<LlamaCppChatClient> logger)
    {
        var model = provider.Models.FirstOrDefault(m => m.Name == provider.DefaultModel);
        var settings = new LlamaCppSettings
        {
            ModelPath = provider.ModelPath,
            OllamaModelName = provider.ModelPath is null ? provider.DefaultModel : null,
            ContextSize = model?.ContextWindow ?? 2048,
        };
        var client = new LlamaCppChatClient(settings, logger);
        return ProviderClient.Ready(client, client);
    }
}
