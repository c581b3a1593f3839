using Microsoft.Extensions.Options;
using Timmy.Core.Router;

namespace Timmy.Core.Memory.Embeddings;

/// <summary>Normalises <see cref="EmbedderOptions.Kind"/> and fills the Ollama URL from <c>OLLAMA_URL</c> (the same
/// variable and default the router uses) when the section does not set one.</summary>
public sealed class PostConfigureEmbedderOptions(RouterEnvironment environment) : IPostConfigureOptions<EmbedderOptions>
{
    public void PostConfigure(string? name, EmbedderOptions options)
    {
        options.Kind = (options.Kind ?? "").Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(options.OllamaUrl))
        {
            options.OllamaUrl = environment.Get(PostConfigureRouterOptions.OllamaUrlVariable) ?? PostConfigureRouterOptions.DefaultOllamaUrl;
        }
    }
}
