namespace Timmy.Core.Router;

/// <summary>One tier of the cascade (spec: an entry of cascade_providers).</summary>
public sealed class ProviderOptions
{
    /// <summary>Unique name, used in the API (<c>/providers/{name}</c>) and in metrics.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ProviderTypes"/>.</summary>
    public string Type { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Lower is tried first.</summary>
    public int Priority { get; set; }

    /// <summary>Server base URL (ollama, openai-compatible, anthropic); unused by llamacpp.</summary>
    public string? Url { get; set; }

    public List<ProviderModelOptions> Models { get; set; } = [];

    /// <summary>Name of the environment variable holding the API key (never the key itself).</summary>
    public string? ApiKeyEnv { get; set; }

    /// <summary>llamacpp only: a GGUF file.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The model used when the caller names none of this provider's models.</summary>
    public string? DefaultModel => (Models.FirstOrDefault(m => m.Default) ?? Models.FirstOrDefault())?.Name;
}
