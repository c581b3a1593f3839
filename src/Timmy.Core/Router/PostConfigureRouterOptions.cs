using Microsoft.Extensions.Options;

namespace Timmy.Core.Router;

/// <summary>Maps the short environment aliases onto <see cref="RouterOptions"/> (URLs, default models, the GGUF path
/// of the in-process tier) and, when no provider is
/// configured, supplies the default cascade: ollama, then the in-process llamacpp tier, then openai and
/// anthropic (enabled only when their key variable is set).</summary>
public sealed class PostConfigureRouterOptions(RouterEnvironment environment) : IPostConfigureOptions<RouterOptions>
{
    public const string OllamaUrlVariable = "OLLAMA_URL";
    public const string OllamaModelVariable = "OLLAMA_MODEL";
    public const string OpenAiBaseUrlVariable = "OPENAI_BASE_URL";
    public const string OpenAiKeyVariable = "OPENAI_API_KEY";
    public const string OpenAiModelVariable = "OPENAI_MODEL";
    public const string AnthropicKeyVariable = "ANTHROPIC_API_KEY";
    public const string AnthropicModelVariable = "ANTHROPIC_MODEL";
    public const string LlamaModelPathVariable = "LLAMA_MODEL_PATH";
    public const string DefaultOpenAiModel = "gpt-4o-mini";
    public const string DefaultAnthropicModel = "claude-3-5-haiku-latest";
    public const string DefaultOllamaUrl = "http://localhost:11434";
    public const string DefaultOllamaModel = "llama3.2";

    public void PostConfigure(string? name, RouterOptions options)
    {
        if (options.Providers.Count == 0)
        {
            options.Providers.AddRange(Defaults());
        }
        foreach (var provider in options.Providers)
        {
            provider.Type = provider.Type.Trim().ToLowerInvariant();
            if (provider.Type == ProviderTypes.Ollama)
            {
                provider.Url ??= environment.Get(OllamaUrlVariable) ?? DefaultOllamaUrl;
                if (provider.Models.Count == 0)
                {
                    provider.Models.Add(Model(environment.Get(OllamaModelVariable) ?? DefaultOllamaModel, 8192));
                }
            }
            else if (provider.Type == ProviderTypes.OpenAi)
            {
                provider.Url ??= environment.Get(OpenAiBaseUrlVariable);
                provider.ApiKeyEnv ??= OpenAiKeyVariable;
                AddModelIfNone(provider, environment.Get(OpenAiModelVariable) ?? DefaultOpenAiModel, 128_000);
            }
            else if (provider.Type == ProviderTypes.Anthropic)
            {
                provider.ApiKeyEnv ??= AnthropicKeyVariable;
                AddModelIfNone(provider, environment.Get(AnthropicModelVariable) ?? DefaultAnthropicModel, 200_000);
            }
            else if (provider.Type == ProviderTypes.LlamaCpp)
            {
                provider.ModelPath ??= environment.Get(LlamaModelPathVariable);
            }
        }
    }

    private IEnumerable<ProviderOptions> Defaults()
    {
        yield return new ProviderOptions { Name = "ollama", Type = ProviderTypes.Ollama, Priority = 1 };
        yield return new ProviderOptions
        {
            Name = "llamacpp", Type = ProviderTypes.LlamaCpp, Priority = 2,
            Models = [Model(environment.Get(OllamaModelVariable) ?? DefaultOllamaModel, 2048)],
        };
        // A local OpenAI-compatible server (LM Studio, vLLM, llama.cpp's server) needs only its base URL.
        yield return new ProviderOptions
        {
            Name = "openai", Type = ProviderTypes.OpenAi, Priority = 3, ApiKeyEnv = OpenAiKeyVariable,
            Enabled = environment.IsSet(OpenAiKeyVariable) || environment.IsSet(OpenAiBaseUrlVariable),
        };
        yield return new ProviderOptions
        {
            Name = "anthropic", Type = ProviderTypes.Anthropic, Priority = 4, ApiKeyEnv = AnthropicKeyVariable,
            Enabled = environment.IsSet(AnthropicKeyVariable),
        };
    }

    private static void AddModelIfNone(ProviderOptions provider, string name, int contextWindow)
    {
        if (provider.Models.Count == 0)
        {
            provider.Models.Add(Model(name, contextWindow));
        }
    }

    private static ProviderModelOptions Model(string name, int contextWindow) =>
        new() { Name = name, Default = true, ContextWindow = contextWindow };
}
